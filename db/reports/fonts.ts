import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reportFontFamily } from '../../shared/reports';

/**
 * The fonts every report is set in, shipped with the app from npm, never the system's:
 * Roboto for Latin with Belarusian Łacinka (latin-ext) and Cyrillic, Amiri for Arabic
 * (Noto Sans Arabic builds dotted letters from parts that Chromium's PDF maps to no Unicode
 * character, so their text could not be read back; Amiri's can). Both SIL OFL 1.1.
 * One family name over all of them, split by unicode-range, so every script finds its font.
 *
 * Roboto rather than Noto Sans for a measured reason: Chromium's PDF writer places a run of
 * glyphs with one operator only when the layout's positions equal the font's advances exactly,
 * which they do for a font of 2048 units per em (Roboto) and not of 1000 (Noto Sans). With
 * Noto Sans every glyph was placed by itself: the 101-page review held 217,000 text operators
 * instead of 59,000, and reading its text back for the leak check took that much longer.
 */
export interface ReportFontFile {
  readonly name: string;
  readonly path: string;
  readonly weight: 400 | 700;
  readonly unicodeRange: string;
  /** Amiri sits small beside Roboto at one size; scaled to match. */
  readonly sizeAdjust?: string;
  readonly script: 'latin-cyrillic' | 'arabic';
}

const packages = [
  {
    name: '@fontsource/roboto',
    prefix: 'roboto',
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'],
    script: 'latin-cyrillic',
  },
  {
    name: '@fontsource/amiri',
    prefix: 'amiri',
    subsets: ['arabic'],
    script: 'arabic',
    sizeAdjust: '118%',
  },
] as const;

let files: ReportFontFile[] | undefined;

export function reportFontFiles(): readonly ReportFontFile[] {
  if (files) return files;
  const found: ReportFontFile[] = [];
  for (const pkg of packages) {
    const ranges = JSON.parse(
      readFileSync(require.resolve(`${pkg.name}/unicode.json`), 'utf8'),
    ) as Record<string, string>;
    for (const weight of [400, 700] as const) {
      for (const subset of pkg.subsets) {
        const name = `${pkg.prefix}-${subset}-${weight}-normal.woff2`;
        found.push({
          name,
          path: require.resolve(`${pkg.name}/files/${name}`),
          weight,
          unicodeRange: ranges[subset]!,
          script: pkg.script,
          ...('sizeAdjust' in pkg ? { sizeAdjust: pkg.sizeAdjust } : {}),
        });
      }
    }
  }
  files = found;
  return found;
}

/** The licence files to ship beside the fonts. */
export function reportFontLicences(): string[] {
  return packages.map((pkg) =>
    path.join(path.dirname(require.resolve(`${pkg.name}/package.json`)), 'LICENSE'),
  );
}

const dataUrls = new Map<string, string>();

function dataUrl(file: ReportFontFile): string {
  let url = dataUrls.get(file.path);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(file.path).toString('base64')}`;
    dataUrls.set(file.path, url);
  }
  return url;
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

export interface FontFaceOptions {
  /**
   * `data`: the fonts inside the CSS, for a page that loads nothing (printing).
   * A base URL: `url(BASE/name.woff2)`, for the app, whose CSP allows fonts from 'self' only:
   * its app:// handler serves `reportFontFiles()` under that path.
   */
  readonly source: 'data' | { readonly baseUrl: string };
  /** The report's text: the Arabic font is left out of pages that have no Arabic. */
  readonly text?: string;
}

export function reportFontFaceCss(options: FontFaceOptions): string {
  const withArabic = options.text === undefined || arabicScript.test(options.text);
  return reportFontFiles()
    .filter((file) => withArabic || file.script !== 'arabic')
    .map((file) => {
      const src =
        options.source === 'data'
          ? dataUrl(file)
          : `${options.source.baseUrl.replace(/\/$/, '')}/${file.name}`;
      return (
        `@font-face{font-family:'${reportFontFamily}';font-style:normal;font-weight:${file.weight};` +
        `font-display:block;src:url(${src}) format('woff2');unicode-range:${file.unicodeRange};` +
        `${file.sizeAdjust ? `size-adjust:${file.sizeAdjust};` : ''}}`
      );
    })
    .join('\n');
}
