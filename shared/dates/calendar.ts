/**
 * Calendar dates as monitors write them: a year, a month or a day of the proleptic Gregorian
 * calendar, in ISO 8601 form. Validated by hand rather than with `Date`, whose parser accepts
 * 2021-02-30 (rolling it over to March) and depends on the time zone of the machine.
 */

/** An ISO 8601 calendar day, `YYYY-MM-DD`, that exists in the calendar. */
export type IsoDay = string;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a day, or the whole month or year when less is known. */
export type CalendarDate = string;

export type Precision = 'year' | 'month' | 'day';

const calendarDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `value` is not a calendar date, in words an importer can print; undefined when it is one.
 * The words never repeat the value: it may have been typed into the wrong column and be a name.
 */
export function calendarDateProblem(value: string): string | undefined {
  const match = calendarDatePattern.exec(value);
  if (!match) return 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2020-08-09)';
  const [, yearText, monthText, dayText] = match;
  if (monthText === undefined) return undefined;
  const month = Number(monthText);
  if (month < 1 || month > 12) return 'has a month outside 01 to 12';
  if (dayText === undefined) return undefined;
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(Number(yearText), month)) {
    return 'is not a day of the calendar (that month has fewer days)';
  }
  return undefined;
}

export function isCalendarDate(value: string): boolean {
  return calendarDateProblem(value) === undefined;
}

export function isIsoDay(value: string): boolean {
  return value.length === 10 && isCalendarDate(value);
}

export function precisionOf(date: CalendarDate): Precision {
  if (date.length === 4) return 'year';
  return date.length === 7 ? 'month' : 'day';
}

/** The first day a calendar date may mean: 2020 means 2020-01-01 at the earliest. */
export function firstDayOf(date: CalendarDate): IsoDay {
  switch (precisionOf(date)) {
    case 'year':
      return `${date}-01-01`;
    case 'month':
      return `${date}-01`;
    case 'day':
      return date;
  }
}

/** The last day a calendar date may mean: 2020-02 means 2020-02-29 at the latest. */
export function lastDayOf(date: CalendarDate): IsoDay {
  switch (precisionOf(date)) {
    case 'year':
      return `${date}-12-31`;
    case 'month': {
      const last = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
      return `${date}-${String(last).padStart(2, '0')}`;
    }
    case 'day':
      return date;
  }
}

/** The calendar day on which an ISO 8601 date-time was written, as written (no time-zone shift). */
export function dayOfTimestamp(timestamp: string): IsoDay {
  return timestamp.slice(0, 10);
}
