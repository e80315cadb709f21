import type { IsoDay } from './calendar';
import { earliestDay, latestDay } from './bounds';
import { toEdtf } from './edtf';
import type { FuzzyDate } from './fuzzyDate';

function compareDays(a: IsoDay | null, b: IsoDay | null, openSortsFirst: boolean): number {
  if (a === b) return 0;
  if (a === null) return openSortsFirst ? -1 : 1;
  if (b === null) return openSortsFirst ? 1 : -1;
  return a < b ? -1 : 1;
}

/**
 * Orders dates for lists and timelines: by the earliest day they may mean (an open start
 * first), then, among dates that start together, the narrower first (an open end last):
 * `2020`, `2020-01`, `2020-01-01` sort as `2020-01-01`, `2020-01`, `2020`. Ties (the same
 * span, as `2020-08` and `2020-08~`) fall back to the EDTF text, so the order is total and
 * only equal dates compare as 0.
 */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  return (
    compareDays(earliestDay(a), earliestDay(b), true) ||
    compareDays(latestDay(a), latestDay(b), false) ||
    (toEdtf(a) < toEdtf(b) ? -1 : toEdtf(a) > toEdtf(b) ? 1 : 0)
  );
}
