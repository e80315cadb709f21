import { fuzzyDateSchema, isCalendarDate } from '../dates';
import type { VocabularyName } from '../model';
import type { PersonLabel, Pseudonym } from '../redaction';
import { label, textInline, type Inline } from './document';
import type { ReportLabelKey } from './labels';
import { en } from './labels/en';

/**
 * Reading a redacted body: what redaction left of a field, as inlines, or undefined when it
 * left nothing. Redacted bodies hold plain JSON, or `$pseudonym`, `$person` and `$passages`
 * objects (shared/redaction/redact.ts); anything unexpected reads as absent.
 */

export function field(body: unknown, ...keys: (string | number)[]): unknown {
  let node: unknown = body;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function list(body: unknown, ...keys: string[]): unknown[] {
  const value = field(body, ...keys);
  return Array.isArray(value) ? value : [];
}

export function plainString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function pseudonymOf(value: unknown): Pseudonym | undefined {
  const p = (value as { $pseudonym?: Pseudonym } | null)?.$pseudonym;
  return p && typeof p.code === 'string' ? p : undefined;
}

export function personOf(value: unknown): PersonLabel | undefined {
  const p = (value as { $person?: PersonLabel } | null)?.$person;
  return p && typeof p === 'object' ? p : undefined;
}

/** A text field: as written, or with marked passages shown as withheld. */
export function textOf(value: unknown, lang?: string): Inline[] | undefined {
  if (typeof value === 'string') return [textInline(value, lang)];
  const pseudonym = pseudonymOf(value);
  if (pseudonym) return [{ t: 'pseudonym', pseudonym }];
  const passages = (value as { $passages?: unknown } | null)?.$passages;
  if (Array.isArray(passages)) {
    return passages.map((p): Inline =>
      typeof p === 'string' ? textInline(p, lang) : { t: 'withheld' },
    );
  }
  return undefined;
}

/** A free text in paragraphs (blank lines or line breaks split them). */
export function paragraphsOf(value: unknown, lang?: string): Inline[][] | undefined {
  const inlines = textOf(value, lang);
  if (!inlines) return undefined;
  const paragraphs: Inline[][] = [[]];
  for (const inline of inlines) {
    if (inline.t !== 'text') {
      paragraphs[paragraphs.length - 1]!.push(inline);
      continue;
    }
    inline.text.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) paragraphs.push([]);
      if (line.trim() !== '')
        paragraphs[paragraphs.length - 1]!.push(textInline(line, inline.lang));
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}

export function personInline(value: unknown): Inline | undefined {
  const person = personOf(value);
  return person ? { t: 'person', person } : undefined;
}

export function dateInline(value: unknown): Inline | undefined {
  if (typeof value === 'string') {
    const calendar = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value)?.[0];
    return calendar && isCalendarDate(calendar)
      ? { t: 'date', date: { date: calendar } }
      : undefined;
  }
  const parsed = fuzzyDateSchema.safeParse(value);
  return parsed.success ? { t: 'date', date: parsed.data } : undefined;
}

export function termInline(vocabulary: VocabularyName, value: unknown): Inline | undefined {
  return typeof value === 'string' ? { t: 'term', vocabulary, id: value } : undefined;
}

/** A value of a closed set the report's catalog labels (`sex.female`), or the value itself. */
export function enumInline(prefix: string, value: unknown): Inline | undefined {
  if (typeof value !== 'string') return undefined;
  const key = `${prefix}.${value}`;
  return key in en ? label(key as ReportLabelKey) : textInline(value);
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
