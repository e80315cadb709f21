import { firstDayOf, lastDayOf, type IsoDay } from './calendar';
import { isFuzzyRange, type FuzzyDate } from './fuzzyDate';

/**
 * The span of days a fuzzy date may mean. `null` is an open end: a range with no start may
 * have begun on any day before its end.
 *
 * "Approximate" does not widen the span: how far "about August" reaches is a judgement that
 * statistics state in their notes, not something the model can know. Figures carry the flag.
 */
export function earliestDay(date: FuzzyDate): IsoDay | null {
  if (!isFuzzyRange(date)) return firstDayOf(date.date);
  return date.from ? firstDayOf(date.from.date) : null;
}

export function latestDay(date: FuzzyDate): IsoDay | null {
  if (!isFuzzyRange(date)) return lastDayOf(date.date);
  return date.to ? lastDayOf(date.to.date) : null;
}

/** Every day the date may mean is on or before `day` ("convicted by 4 March", for certain). */
export function certainlyOnOrBefore(date: FuzzyDate, day: IsoDay): boolean {
  const latest = latestDay(date);
  return latest !== null && latest <= day;
}

/** Some day the date may mean is on or before `day` (it cannot be ruled out). */
export function possiblyOnOrBefore(date: FuzzyDate, day: IsoDay): boolean {
  const earliest = earliestDay(date);
  return earliest === null || earliest <= day;
}

/** Every day the date may mean is after `day`. The negation of possiblyOnOrBefore. */
export function certainlyAfter(date: FuzzyDate, day: IsoDay): boolean {
  return !possiblyOnOrBefore(date, day);
}

/** Some day the date may mean is after `day`. The negation of certainlyOnOrBefore. */
export function possiblyAfter(date: FuzzyDate, day: IsoDay): boolean {
  return !certainlyOnOrBefore(date, day);
}
