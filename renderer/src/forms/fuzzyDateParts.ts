import type { FuzzyDate } from '../../../shared/dates';

export const precisions = ['', 'year', 'month', 'day'] as const;

/** A date as the date-precision input holds it; `range` keeps a range it cannot edit. */
export interface DateParts {
  precision: (typeof precisions)[number] | 'range';
  year: string;
  month: string;
  day: string;
  approximate: boolean;
}

export const noDate: DateParts = {
  precision: '',
  year: '',
  month: '',
  day: '',
  approximate: false,
};

export function partsOfDate(date: unknown): DateParts {
  if (typeof date !== 'object' || date === null) return noDate;
  if (!('date' in date) || typeof date.date !== 'string') return { ...noDate, precision: 'range' };
  const [year = '', month = '', day = ''] = date.date.split('-');
  const precision = day ? 'day' : month ? 'month' : 'year';
  const approximate = 'approximate' in date && date.approximate === true;
  return { precision, year, month: month.replace(/^0/, ''), day, approximate };
}

const two = (value: string) => value.trim().padStart(2, '0');

/**
 * The model's FuzzyDate for what was entered; undefined for "not known". The model checks
 * the result (a 30 February is refused there, with the field named), so nothing is fixed here.
 */
export function dateOfParts(parts: DateParts, kept: unknown): FuzzyDate | undefined {
  if (parts.precision === 'range') return kept as FuzzyDate | undefined;
  if (parts.precision === '') return undefined;
  let date = parts.year.trim();
  if (parts.precision !== 'year') date += `-${two(parts.month)}`;
  if (parts.precision === 'day') date += `-${two(parts.day)}`;
  return parts.approximate ? { date, approximate: true } : { date };
}
