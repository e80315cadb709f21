import { calendarDateProblem } from './calendar';
import {
  isFuzzyRange,
  rangeEndsProblem,
  type FuzzyDate,
  type FuzzyPoint,
  type FuzzyRange,
} from './fuzzyDate';

/**
 * The Library of Congress Extended Date/Time Format (EDTF, ISO 8601-2), the subset of level 1
 * that fuzzy dates can say: `2020-08-09`, `2020-08`, `2020`, `2020-08~` (approximate),
 * `2020-08-09/2020-09`, `../2021` and `2020/..` (open ends). One spelling per value, so
 * `parseEdtf(toEdtf(d))` gives `d` back and equal dates have equal strings.
 */

export type EdtfParseResult = { ok: true; value: FuzzyDate } | { ok: false; message: string };

const openEnd = '..';

function pointToEdtf(point: FuzzyPoint): string {
  return point.approximate ? `${point.date}~` : point.date;
}

export function toEdtf(date: FuzzyDate): string {
  if (!isFuzzyRange(date)) return pointToEdtf(date);
  const from = date.from ? pointToEdtf(date.from) : openEnd;
  const to = date.to ? pointToEdtf(date.to) : openEnd;
  return `${from}/${to}`;
}

const pointPattern = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(~)?$/;

/** EDTF features outside the subset, named so that the person importing knows what to change. */
function unsupportedFeature(text: string): string | undefined {
  if (/[?%]/.test(text)) {
    return 'uses "?" or "%" (uncertain), which Casebook does not record: write "~" for approximate';
  }
  if (/[Xx]/.test(text)) return 'uses X for unknown digits: write the year or month alone instead';
  if (/[T:]/.test(text)) return 'has a time of day: write the day alone';
  if (/^[-Y]/.test(text)) return 'is outside the years 0000 to 9999';
  if (/^\d{4}-(2[1-9]|3\d|4[01])~?$/.test(text)) {
    return 'is a season (months 21 to 41): write a range of months instead';
  }
  return undefined;
}

function parsePoint(text: string): FuzzyPoint | string {
  const match = pointPattern.exec(text);
  if (!match) {
    return unsupportedFeature(text) ?? 'must look like 2020-08-09, 2020-08, 2020 or 2020-08~';
  }
  const date = match[1]!;
  const problem = unsupportedFeature(text) ?? calendarDateProblem(date);
  if (problem) return problem;
  return match[2] ? { date, approximate: true } : { date };
}

function parseRangeEnd(text: string): FuzzyPoint | undefined | string {
  if (text === openEnd) return undefined;
  if (text === '') {
    return 'has an empty (unknown) end, which Casebook does not record: write ".." for an open end';
  }
  return parsePoint(text);
}

export function parseEdtf(text: string): EdtfParseResult {
  const parts = text.split('/');
  if (parts.length > 2) return { ok: false, message: 'has more than one "/"' };
  if (parts.length === 1) {
    const point = parsePoint(text);
    return typeof point === 'string' ? { ok: false, message: point } : { ok: true, value: point };
  }
  const from = parseRangeEnd(parts[0]!);
  if (typeof from === 'string') return { ok: false, message: `start ${from}` };
  const to = parseRangeEnd(parts[1]!);
  if (typeof to === 'string') return { ok: false, message: `end ${to}` };
  const range: FuzzyRange = {};
  if (from) range.from = from;
  if (to) range.to = to;
  const problem = rangeEndsProblem(range);
  return problem ? { ok: false, message: problem } : { ok: true, value: range };
}
