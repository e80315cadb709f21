import type { TFunction } from 'i18next';

import { fuzzyDateSchema, isFuzzyRange, type FuzzyPoint } from '../../../shared/dates';
import { fieldVocabularies, isModelRecordType } from '../../../shared/model';
import { termLabel } from '../../../shared/vocabularies';
import { currentLanguage } from '../i18n';
import type { Vocabularies } from '../vocabularies';

function pointText(point: FuzzyPoint, language: string): string {
  const [year, month, day] = point.date.split('-').map(Number) as [number, number?, number?];
  const at = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day !== undefined
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : month !== undefined
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  const text = new Intl.DateTimeFormat(language, options).format(at);
  return point.approximate ? `≈ ${text}` : text;
}

/** Fields whose values are closed sets the catalogs label (not free text). */
const enumPaths = /^(sex|kind|verdict\.outcome|appeal\.outcome|consent\.how|consent\.uses\.\w+)$/;

/** A fuzzy date as people read it ("September 1962", "≈ 4 March 2024", "2020 – 2021"). */
export function dateText(value: unknown): string | null {
  const parsed = fuzzyDateSchema.safeParse(value);
  if (!parsed.success) return null;
  const language = currentLanguage();
  const date = parsed.data;
  if (!isFuzzyRange(date)) return pointText(date, language);
  const from = date.from ? pointText(date.from, language) : '…';
  const to = date.to ? pointText(date.to, language) : '…';
  return `${from} – ${to}`;
}

/**
 * A field's value as text for people: terms by their vocabulary labels, dates readable,
 * objects as "label: value" pairs, lists joined. Record content is only ever text here.
 */
export function valueText(
  t: TFunction,
  vocabularies: Vocabularies | null,
  type: string,
  path: string,
  value: unknown,
): string {
  const language = currentLanguage();
  const vocabulary = isModelRecordType(type) ? fieldVocabularies(type)[path] : undefined;
  if (typeof value === 'string' && vocabulary !== undefined) {
    return termLabel(vocabularies?.[vocabulary], value, language);
  }
  if (typeof value === 'string' && enumPaths.test(path)) {
    return t(`values.${value}` as 'values.criminal', { defaultValue: value });
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (value === true) return t('values.yes');
  if (Array.isArray(value)) {
    return value.map((item) => valueText(t, vocabularies, type, `${path}[]`, item)).join('; ');
  }
  if (typeof value === 'object' && value !== null) {
    const date = dateText(value);
    if (date !== null) return date;
    return Object.entries(value)
      .map(
        ([key, inner]) =>
          `${fieldLabel(t, key)}: ${valueText(t, vocabularies, type, `${path}.${key}`, inner)}`,
      )
      .join(', ');
  }
  return String(value);
}

/** A field's translated label; the key itself when the catalogs have none. */
export function fieldLabel(t: TFunction, key: string): string {
  return t(`fields.${key}` as 'fields.names', { defaultValue: key });
}
