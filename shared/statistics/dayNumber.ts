import type { IsoDay } from '../dates';

/**
 * The number of days from 1970-01-01 to `day` (negative before it), in the proleptic Gregorian
 * calendar. Counted by hand (H. Hinnant's days_from_civil) rather than with `Date`, which reads
 * years 0 to 99 as 1900 to 1999 and would make "N days before" wrong for them.
 */
export function dayNumber(day: IsoDay): number {
  const month = Number(day.slice(5, 7));
  const dayOfMonth = Number(day.slice(8, 10));
  // Years start in March, so that the leap day is the last day of the year.
  const year = Number(day.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
