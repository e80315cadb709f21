import type { DateRange } from './document';

/**
 * Imprecise dates as day numbers (YYYYMMDD as an integer, which sorts like the date):
 * "2020" is 20200101..20201231, "2020-08" is 20200801..20200831.
 */
const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export const openStart = 10101; // 0001-01-01
export const openEnd = 99991231;

export function earliestDay(date: string): number | null {
  const m = datePattern.exec(date.trim());
  if (m === null) return null;
  return Number(m[1]) * 10000 + Number(m[2] ?? '01') * 100 + Number(m[3] ?? '01');
}

export function latestDay(date: string): number | null {
  const m = datePattern.exec(date.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? '12');
  const day = m[3] === undefined ? daysInMonth(year, month) : Number(m[3]);
  return year * 10000 + month * 100 + day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dayToDate(day: number): string {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}

/** The range as day numbers, or null if either end is not a date. */
export function daysOf(range: DateRange): [number, number] | null {
  const from = earliestDay(range.earliest);
  const to = latestDay(range.latest);
  return from === null || to === null ? null : [from, to];
}
