import {
  certainlyOnOrBefore,
  earliestDay,
  latestDay,
  possiblyOnOrBefore,
  type FuzzyDate,
  type IsoDay,
} from '../dates';

/**
 * Whether a record belongs in a figure: `certain` when every day its date may mean does,
 * `possible` when only some do. A figure counts the certain and reports the possible apart, so
 * a review can say "4,690 (up to 4,702)" instead of guessing a day the monitor never knew.
 */
export type Certainty = 'certain' | 'possible';

/** A period of calendar days: `from` is counted, `to` is not (the first day after it). */
export interface Period {
  readonly from: IsoDay;
  readonly to: IsoDay;
}

/**
 * Where `date` stands against `period`. A missing date may mean any day, so it possibly falls
 * in every period: leaving it out would hide records from the upper bound without saying so.
 */
export function placeInPeriod(date: FuzzyDate | undefined, period: Period): Certainty | undefined {
  if (date === undefined) return 'possible';
  const earliest = earliestDay(date);
  const latest = latestDay(date);
  if (earliest !== null && latest !== null && earliest >= period.from && latest < period.to) {
    return 'certain';
  }
  const startsInTime = earliest === null || earliest < period.to;
  const endsInTime = latest === null || latest >= period.from;
  return startsInTime && endsInTime ? 'possible' : undefined;
}

/** Where `date` stands against "on or before `day`" (cumulative figures, "up to 4 March"). */
export function placeOnOrBefore(date: FuzzyDate | undefined, day: IsoDay): Certainty | undefined {
  if (date === undefined) return 'possible';
  if (certainlyOnOrBefore(date, day)) return 'certain';
  return possiblyOnOrBefore(date, day) ? 'possible' : undefined;
}

/** Approximate dates do not widen a span (docs/dates.md); figures list them instead. */
export function isApproximate(date: FuzzyDate | undefined): boolean {
  if (date === undefined) return false;
  if ('date' in date) return date.approximate === true;
  return date.from?.approximate === true || date.to?.approximate === true;
}
