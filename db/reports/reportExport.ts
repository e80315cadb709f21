import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { IsoDay } from '../../shared/dates';
import type {
  ExportProfile,
  LeakFinding,
  RedactionInput,
  RedactionSummary,
} from '../../shared/redaction';
import {
  htmlToText,
  prepareReport,
  preparedReportHtml,
  reportCsv,
  reportText,
  type PreparedReport,
  type ReportDocument,
  type ReportRequest,
} from '../../shared/reports';
import { reportFontFaceCss } from './fonts';
import { checkPdfForLeaks, checkTextForLeaks } from './leakCheck';
import { scrubPdfMetadata } from './pdfMetadata';
import type { PdfPrinter } from './pdfPrinter';
import { pdfTextReaders } from './pdfTextReaders';

export const exportFormats = ['pdf', 'html', 'json', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Where a long report is; `done`/`total` count pages when checking, records when reading. */
export interface ReportProgress {
  readonly stage: 'reading' | 'redacting' | 'printing' | 'checking' | 'writing' | 'done';
  readonly done?: number;
  readonly total?: number;
}

export interface RenderOptions {
  /** Needed for PDF only. */
  readonly printer?: PdfPrinter;
  readonly onProgress?: (progress: ReportProgress) => void;
  readonly signal?: AbortSignal;
}

/** A report ready to write, or why it must not be written. */
export type RenderedReport =
  | {
      readonly ok: true;
      readonly format: ExportFormat;
      readonly bytes: Uint8Array;
      readonly pages?: number;
    }
  | { readonly ok: false; readonly format: ExportFormat; readonly leaks: readonly LeakFinding[] };

/** The HTML a report prints from, fonts inside: also what the preview window shows. */
export function reportHtml(prepared: PreparedReport): string {
  return preparedReportHtml(
    prepared,
    reportFontFaceCss({ source: 'data', text: JSON.stringify(prepared.document) }),
  );
}

/**
 * Builds the export's bytes and checks them for every removed value before anything may be
 * written: the HTML's text first (in logical order, whatever the script), then, for a PDF,
 * the PDF itself as a reader would extract it, metadata included.
 */
export async function renderReport(
  prepared: PreparedReport,
  format: ExportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const { onProgress, signal } = options;
  const html = reportHtml(prepared);
  const checkHtml = () =>
    checkTextForLeaks(htmlToText(html), prepared.needles, 'the report’s text');
  const leaks: LeakFinding[] = [];
  let bytes: Uint8Array;
  let pages: number | undefined;
  switch (format) {
    case 'pdf': {
      if (!options.printer) throw new TypeError('a PDF needs a printer');
      signal?.throwIfAborted();
      onProgress?.({ stage: 'printing' });
      // Chromium prints in its own process: the threads that will read the PDF's text start
      // (and load pdfjs) meanwhile, and this one checks the HTML.
      const printing = options.printer.printPdf(html);
      pdfTextReaders().warm();
      leaks.push(...checkHtml());
      bytes = scrubPdfMetadata(await printing);
      signal?.throwIfAborted();
      onProgress?.({ stage: 'checking', done: 0 });
      const check = await checkPdfForLeaks(bytes, prepared.needles, {
        onPage: (done, total) => onProgress?.({ stage: 'checking', done, total }),
        ...(signal ? { signal } : {}),
      });
      leaks.push(...check.findings);
      pages = check.pages;
      break;
    }
    case 'html':
      leaks.push(...checkHtml());
      bytes = Buffer.from(html, 'utf8');
      break;
    case 'json':
    case 'csv': {
      leaks.push(...checkHtml());
      const text = reportText(prepared.document, prepared.request.lang, prepared.vocabularies);
      const written = format === 'json' ? `${JSON.stringify(text, null, 2)}\n` : reportCsv(text);
      leaks.push(
        ...checkTextForLeaks(written, prepared.needles, `the ${format.toUpperCase()} file`),
      );
      bytes = Buffer.from(written, 'utf8');
      break;
    }
  }
  if (leaks.length > 0) return { ok: false, format, leaks };
  return pages === undefined ? { ok: true, format, bytes } : { ok: true, format, bytes, pages };
}

/**
 * Writes to FILE.partial and renames it when complete, owner-only, so a failed export never
 * leaves a half file that looks whole.
 */
export function writeReportFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, file);
}

/** What the UI's preview shows: exactly the page that will be printed, and what was done. */
export interface ReportPreview {
  readonly document: ReportDocument;
  readonly html: string;
  readonly summary: RedactionSummary;
  readonly unreadable: number;
}

export type ReportExportResult =
  | {
      readonly ok: true;
      readonly format: ExportFormat;
      readonly pages?: number;
      readonly bytes: number;
    }
  | { readonly ok: false; readonly leaks: readonly LeakFinding[] };

type MaybePromise<T> = T | Promise<T>;

export interface ReportServiceDeps {
  /** The vault's current records (the app reads them off its vault worker, the CLI directly). */
  readonly records: () => MaybePromise<Iterable<RedactionInput>>;
  /** The printer to use (an injected port: Electron's in the app, Chromium's in tests). */
  readonly printer: () => Promise<PdfPrinter>;
  /** The organisation's profiles, as stored in the vault; the shipped ones when absent. */
  readonly profiles?: () => MaybePromise<readonly ExportProfile[]>;
  readonly today?: () => IsoDay;
  readonly spanMarks?: () => Readonly<Record<string, readonly unknown[]>>;
  /**
   * The stylesheet the preview links instead of the inline one (a page under a CSP that forbids
   * inline styles); the preview has the inline one, as printed, when absent.
   */
  readonly previewStylesheetHref?: string;
}

/**
 * The report functions the app's UI calls through the IPC contract: preview, then export
 * with progress and cancellation. Redaction and the leak check stay in the main process;
 * the renderer gets the document, the HTML and the summary, never the removed values.
 */
export function createReportService(deps: ReportServiceDeps) {
  const today = () => deps.today?.() ?? new Date().toISOString().slice(0, 10);
  const prepare = async (request: ReportRequest) => {
    const [records, profiles] = await Promise.all([deps.records(), deps.profiles?.()]);
    return prepareReport(request, {
      records,
      today: today(),
      ...(profiles ? { profiles } : {}),
      ...(deps.spanMarks ? { spanMarks: deps.spanMarks() } : {}),
    });
  };
  return {
    profiles: async (): Promise<readonly ExportProfile[]> => (await deps.profiles?.()) ?? [],
    async preview(request: ReportRequest): Promise<ReportPreview> {
      const prepared = await prepare(request);
      return {
        document: prepared.document,
        html:
          deps.previewStylesheetHref === undefined
            ? reportHtml(prepared)
            : preparedReportHtml(prepared, '', { stylesheetHref: deps.previewStylesheetHref }),
        summary: prepared.summary,
        unreadable: prepared.unreadable,
      };
    },
    async export(
      request: ReportRequest,
      file: string,
      format: ExportFormat,
      options: { onProgress?: (progress: ReportProgress) => void; signal?: AbortSignal } = {},
    ): Promise<ReportExportResult> {
      options.onProgress?.({ stage: 'reading' });
      const prepared = await prepare(request);
      options.signal?.throwIfAborted();
      options.onProgress?.({ stage: 'redacting' });
      const rendered = await renderReport(prepared, format, {
        ...(format === 'pdf' ? { printer: await deps.printer() } : {}),
        ...options,
      });
      if (!rendered.ok) return { ok: false, leaks: rendered.leaks };
      options.signal?.throwIfAborted();
      options.onProgress?.({ stage: 'writing' });
      writeReportFile(file, rendered.bytes);
      options.onProgress?.({ stage: 'done' });
      return {
        ok: true,
        format,
        bytes: rendered.bytes.byteLength,
        ...(rendered.pages === undefined ? {} : { pages: rendered.pages }),
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
