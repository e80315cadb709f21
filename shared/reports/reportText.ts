import type { Vocabulary, VocabularyName } from '../model';
import type { Block, ReportDocument, Section } from './document';
import { renderInlines, type RenderContext } from './inlineHtml';
import type { ReportLanguage } from './labels';

/** A block as plain text: what a JSON export holds. */
export type TextBlock =
  | { readonly fields: readonly { readonly label: string; readonly values: readonly string[] }[] }
  | {
      readonly table: {
        readonly head: readonly string[];
        readonly rows: readonly (readonly string[])[];
      };
    }
  | { readonly prose: { readonly label?: string; readonly paragraphs: readonly string[] } }
  | {
      readonly figures: readonly {
        readonly label: string;
        readonly count: number;
        readonly upTo: number;
        readonly asKnownOn?: { readonly count: number; readonly upTo: number };
      }[];
    }
  | {
      readonly chart: {
        readonly title: string;
        readonly bars: readonly {
          readonly label: string;
          readonly count: number;
          readonly upTo: number;
        }[];
      };
    }
  | { readonly note: string };

export interface TextSection {
  readonly heading: string;
  readonly blocks: readonly TextBlock[];
  readonly sections: readonly TextSection[];
}

/** The report in words, as plain JSON: the same document the PDF prints, for other tools. */
export interface ReportText {
  readonly format: 'casebook-report-text/1';
  readonly kind: string;
  readonly lang: ReportLanguage;
  readonly title: string;
  readonly meta: readonly { readonly label: string; readonly values: readonly string[] }[];
  readonly sections: readonly TextSection[];
}

function blockText(block: Block, context: RenderContext): TextBlock {
  const text = (inlines: Parameters<typeof renderInlines>[0]) =>
    renderInlines(inlines, context, true);
  switch (block.b) {
    case 'fields':
      return {
        fields: block.rows.map((row) => ({ label: text(row.label), values: row.values.map(text) })),
      };
    case 'table':
      return {
        table: { head: block.head.map(text), rows: block.rows.map((row) => row.map(text)) },
      };
    case 'prose':
      return {
        prose: {
          ...(block.label ? { label: text(block.label) } : {}),
          paragraphs: block.paragraphs.map(text),
        },
      };
    case 'figures':
      return {
        figures: block.rows.map((row) => ({
          label: text(row.label),
          count: row.value.count,
          upTo: row.value.count + row.value.uncertain,
          ...(row.asKnownOn
            ? {
                asKnownOn: {
                  count: row.asKnownOn.count,
                  upTo: row.asKnownOn.count + row.asKnownOn.uncertain,
                },
              }
            : {}),
        })),
      };
    case 'chart':
      return {
        chart: {
          title: text(block.chart.title),
          bars: block.chart.bars.map((bar) => ({
            label: text(bar.label),
            count: bar.value.count,
            upTo: bar.value.count + bar.value.uncertain,
          })),
        },
      };
    case 'note':
      return { note: text(block.text) };
  }
}

function sectionText(section: Section, context: RenderContext): TextSection {
  return {
    heading: renderInlines(section.heading, context, true),
    blocks: section.blocks.map((block) => blockText(block, context)),
    sections: (section.sections ?? []).map((child) => sectionText(child, context)),
  };
}

export function reportText(
  doc: ReportDocument,
  lang: ReportLanguage,
  vocabularies: Partial<Readonly<Record<VocabularyName, Vocabulary>>>,
): ReportText {
  const context: RenderContext = { lang, vocabularies, document: doc };
  return {
    format: 'casebook-report-text/1',
    kind: doc.kind,
    lang,
    title: renderInlines(doc.title, context, true),
    meta: doc.meta.map((row) => ({
      label: renderInlines(row.label, context, true),
      values: row.values.map((value) => renderInlines(value, context, true)),
    })),
    sections: doc.sections.map((section) => sectionText(section, context)),
  };
}

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * The text of an HTML page as a reader sees it: the leak check reads the page Casebook built
 * before it is printed, in logical order and whatever the script, alongside the PDF's text.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const point =
          code[1] === 'x' || code[1] === 'X'
            ? parseInt(code.slice(2), 16)
            : parseInt(code.slice(1), 10);
        return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
      }
      return entities[code.toLowerCase()] ?? whole;
    });
}
