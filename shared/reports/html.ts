import type { Vocabulary, VocabularyName } from '../model';
import { barChartSvg } from './barChart';
import type {
  Block,
  FieldRow,
  FigureRow,
  FigureValue,
  Inline,
  ReportDocument,
  Section,
} from './document';
import {
  directionOf,
  escapeHtml,
  numberText,
  renderInline,
  renderInlines,
  type RenderContext,
} from './inlineHtml';
import { reportLabels, type ReportLanguage } from './labels';
import { reportStyleSheet } from './styles';

function fieldsHtml(rows: readonly FieldRow[], context: RenderContext): string {
  const items = rows
    .map(
      (row) =>
        `<div class="field"><dt>${renderInlines(row.label, context)}</dt>${row.values
          .map((value) => `<dd>${renderInlines(value, context)}</dd>`)
          .join('')}</div>`,
    )
    .join('');
  return `<dl class="fields">${items}</dl>`;
}

function figureText(value: FigureValue, context: RenderContext): string {
  const count = numberText(value.count, context.lang);
  if (value.uncertain === 0) return escapeHtml(count);
  const upTo = renderInline(
    {
      t: 'label',
      key: 'review.upTo',
      params: { n: [{ t: 'number', value: value.count + value.uncertain }] },
    },
    context,
    false,
  );
  return `${escapeHtml(count)} <span class="upto">(${upTo})</span>`;
}

function figuresHtml(
  rows: readonly FigureRow[],
  asKnownOnLabel: readonly Inline[] | undefined,
  context: RenderContext,
): string {
  const second = rows.some((row) => row.asKnownOn !== undefined);
  const head = second
    ? `<thead><tr><th></th><th class="num">${renderInlines([{ t: 'label', key: 'review.asKnownToday' }], context)}</th><th class="num">${renderInlines(asKnownOnLabel ?? [], context)}</th></tr></thead>`
    : '';
  const body = rows
    .map(
      (row) =>
        `<tr${row.indent ? ' class="indent"' : ''}><th scope="row">${renderInlines(row.label, context)}</th><td class="num">${figureText(row.value, context)}</td>${
          second
            ? `<td class="num">${row.asKnownOn ? figureText(row.asKnownOn, context) : ''}</td>`
            : ''
        }</tr>`,
    )
    .join('');
  return `<table class="figures">${head}<tbody>${body}</tbody></table>`;
}

function blockHtml(block: Block, context: RenderContext): string {
  switch (block.b) {
    case 'fields':
      return fieldsHtml(block.rows, context);
    case 'table': {
      const head = block.head.map((cell) => `<th>${renderInlines(cell, context)}</th>`).join('');
      const rows = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell) => `<td>${renderInlines(cell, context)}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<table class="records"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'prose': {
      const heading = block.label ? `<h5>${renderInlines(block.label, context)}</h5>` : '';
      const paragraphs = block.paragraphs
        .map((p) => `<p dir="auto">${renderInlines(p, context)}</p>`)
        .join('');
      return `<div class="prose">${heading}${paragraphs}</div>`;
    }
    case 'figures':
      return figuresHtml(block.rows, block.asKnownOnLabel, context);
    case 'chart':
      return barChartSvg(block.chart, context);
    case 'note':
      return `<p class="note">${renderInlines(block.text, context)}</p>`;
  }
}

function sectionHtml(section: Section, context: RenderContext, level: number): string {
  const heading = `<h${level}>${renderInlines(section.heading, context)}</h${level}>`;
  const blocks = section.blocks.map((block) => blockHtml(block, context)).join('');
  const children = (section.sections ?? [])
    .map((child) => sectionHtml(child, context, Math.min(level + 1, 4)))
    .join('');
  return `<section>${heading}${blocks}${children}</section>`;
}

export interface RenderOptions {
  readonly lang: ReportLanguage;
  readonly vocabularies: Partial<Readonly<Record<VocabularyName, Vocabulary>>>;
  /** `@font-face` rules for the fonts the app ships (db/reports/fonts.ts makes them). */
  readonly fontFaceCss: string;
  /**
   * Where the stylesheet goes: inline for printing (a page of its own, no CSP of the app's),
   * or linked, for a page under the app's CSP (`style-src 'self'` forbids inline styles).
   */
  readonly stylesheetHref?: string;
}

/**
 * The report as one HTML page, built from the document alone: every value escaped and wrapped
 * in `<bdi>` with its language, so names in any script shape and run in their own direction;
 * no script, no title (a title would end up in the PDF's metadata), no external resource.
 */
export function renderReportHtml(doc: ReportDocument, options: RenderOptions): string {
  const context: RenderContext = {
    lang: options.lang,
    vocabularies: options.vocabularies,
    document: doc,
  };
  const labels = reportLabels(options.lang);
  const style = options.stylesheetHref
    ? `<link rel="stylesheet" href="${escapeHtml(options.stylesheetHref)}">`
    : `<style>${options.fontFaceCss}\n${reportStyleSheet}</style>`;
  const meta = fieldsHtml(doc.meta, context);
  const note = renderInline(
    { t: 'label', key: 'meta.redaction', params: { profile: [{ t: 'profile' }] } },
    context,
    false,
  );
  const body = doc.sections.map((section) => sectionHtml(section, context, 2)).join('');
  return (
    `<!DOCTYPE html><html lang="${options.lang}" dir="${directionOf(options.lang)}"><head><meta charset="utf-8">` +
    `<meta name="referrer" content="no-referrer">${style}</head>` +
    `<body class="report report-${doc.kind}"><header><p class="kind">${escapeHtml(labels[`report.${doc.kind}`])}</p>` +
    `<h1>${renderInlines(doc.title, context)}</h1>${meta}<p class="note">${note}</p></header>` +
    `<main>${body}</main></body></html>`
  );
}

/** The report's own wording in a language, for the leak check: none of it is a leak. */
export function reportWording(
  lang: ReportLanguage,
  vocabularies: Partial<Readonly<Record<VocabularyName, Vocabulary>>>,
): string[] {
  const out: string[] = Object.values(reportLabels(lang)).map((text) =>
    text.replace(/\{\w+\}/g, ' '),
  );
  for (const vocabulary of Object.values(vocabularies)) {
    for (const term of vocabulary?.terms ?? [])
      out.push(term.labels[lang] ?? term.labels.en, term.labels.en);
  }
  return out;
}
