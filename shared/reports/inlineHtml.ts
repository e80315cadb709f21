import type { Vocabulary, VocabularyName } from '../model';
import { termLabel } from '../vocabularies';
import { fuzzyDateText } from './dateText';
import type { Inline, ReportDocument } from './document';
import { reportLabels, type ReportLanguage } from './labels';

/** Everything a page needs escaped: text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const languageTagPattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const rightToLeft = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);

/** `rtl` for languages written right to left, by their primary subtag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return rightToLeft.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export interface RenderContext {
  readonly lang: ReportLanguage;
  readonly vocabularies: Partial<Readonly<Record<VocabularyName, Vocabulary>>>;
  readonly document: ReportDocument;
}

/** A term's label, or only its head ("Art. 342 CC") where space is short. */
export function termText(
  context: RenderContext,
  vocabulary: VocabularyName,
  id: string,
  short?: boolean,
): string {
  const text = termLabel(context.vocabularies[vocabulary], id, context.lang);
  const colon = text.indexOf(':');
  return short && colon > 0 ? text.slice(0, colon) : text;
}

export function numberText(value: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** One inline as HTML (or as plain text, for SVG labels and text extraction). */
export function renderInline(inline: Inline, context: RenderContext, plain: boolean): string {
  const labels = reportLabels(context.lang);
  const wrap = (text: string, lang?: string) => {
    if (plain) return text;
    const attr = lang && languageTagPattern.test(lang) ? ` lang="${escapeHtml(lang)}"` : '';
    return `<bdi${attr}>${escapeHtml(text)}</bdi>`;
  };
  const escaped = (text: string) => (plain ? text : escapeHtml(text));
  switch (inline.t) {
    case 'label': {
      const template = labels[inline.key];
      const parts = template.split(/(\{\w+\})/);
      return parts
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          const param = name !== undefined ? inline.params?.[name] : undefined;
          return param ? renderInlines(param, context, plain) : escaped(part);
        })
        .join('');
    }
    case 'text':
      return wrap(inline.text, inline.lang);
    case 'withheld':
      return plain
        ? labels['value.withheld']
        : `<span class="withheld">${escapeHtml(labels['value.withheld'])}</span>`;
    case 'date':
      return escaped(fuzzyDateText(inline.date, context.lang));
    case 'term':
      return escaped(termText(context, inline.vocabulary, inline.id, inline.short));
    case 'person':
      if ('name' in inline.person) return wrap(inline.person.name, inline.person.lang);
      return renderInline({ t: 'pseudonym', pseudonym: inline.person.pseudonym }, context, plain);
    case 'pseudonym': {
      const text = `${labels[`pseudonym.${inline.pseudonym.role}`]} ${inline.pseudonym.code}`;
      return plain ? text : `<span class="pseudonym">${escapeHtml(text)}</span>`;
    }
    case 'number':
      return escaped(numberText(inline.value, context.lang));
    case 'profile': {
      const names = context.document.profile.labels;
      return wrap(names[context.lang] ?? names.en);
    }
  }
}

export function renderInlines(
  inlines: readonly Inline[],
  context: RenderContext,
  plain = false,
): string {
  return inlines.map((inline) => renderInline(inline, context, plain)).join('');
}
