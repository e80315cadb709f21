import {
  isFuzzyRange,
  precisionOf,
  type CalendarDate,
  type FuzzyDate,
  type FuzzyPoint,
} from '../dates';
import type { DateGranularity } from './treatment';

/** A calendar date no finer than `granularity`: 2020-08-09 → 2020-08 (month) or 2020 (year). */
export function coarsenCalendarDate(
  date: CalendarDate,
  granularity: DateGranularity,
): CalendarDate {
  const precision = precisionOf(date);
  if (granularity === 'year' || precision === 'year') return date.slice(0, 4);
  return precision === 'day' ? date.slice(0, 7) : date;
}

function coarsenPoint(point: FuzzyPoint, granularity: DateGranularity): FuzzyPoint {
  const date = coarsenCalendarDate(point.date, granularity);
  return point.approximate ? { date, approximate: true } : { date };
}

/**
 * A fuzzy date no finer than `granularity`. Every day the original may mean, the coarsened date
 * may mean too: a point becomes the month or year that holds it, a range's ends each become
 * theirs, and an open end stays open. A range whose ends fall in one month or year becomes that
 * single month or year, so the length of a span cannot betray its days.
 */
export function coarsenFuzzyDate(date: FuzzyDate, granularity: DateGranularity): FuzzyDate {
  if (!isFuzzyRange(date)) return coarsenPoint(date, granularity);
  const from = date.from && coarsenPoint(date.from, granularity);
  const to = date.to && coarsenPoint(date.to, granularity);
  if (from && to && from.date === to.date) {
    return from.approximate || to.approximate
      ? { date: from.date, approximate: true }
      : { date: from.date };
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** A `YYYY-MM-DD` day or a date-time, reduced to a calendar date no finer than `granularity`. */
export function coarsenDayOrTimestamp(value: string, granularity: DateGranularity): CalendarDate {
  return coarsenCalendarDate(value.slice(0, 10), granularity);
}
