import { z } from 'zod';
import { calendarDateProblem, firstDayOf, isCalendarDate, lastDayOf } from './calendar';

/**
 * Imprecise dates, as monitors know them: "9 August 2020", "August 2020", "about 2019",
 * "between 2020 and March 2021", "since 2021". Stored as JSON in record bodies; docs/dates.md
 * describes the shapes and their EDTF spelling.
 */

export const calendarDateSchema = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A single day, `YYYY-MM-DD`, for things the organisation itself saw happen (a consent given). */
export const isoDaySchema = z.string().superRefine((value, ctx) => {
  if (value.length !== 10 || calendarDateProblem(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a day of the calendar written YYYY-MM-DD (for example 2020-08-09)',
    });
  }
});

/** One year, month or day, perhaps approximate ("about August 2020"). */
export const fuzzyPointSchema = z.strictObject({
  date: calendarDateSchema,
  // `true` or absent, never `false`: one spelling per meaning keeps equal dates equal as JSON.
  approximate: z
    .literal(true, { error: 'must be true, or left out when the date is not approximate' })
    .optional(),
});

export type FuzzyPoint = z.infer<typeof fuzzyPointSchema>;

interface RangeEnds {
  readonly from?: FuzzyPoint | undefined;
  readonly to?: FuzzyPoint | undefined;
}

/**
 * Why a range's ends do not make a range, or undefined. The start may not begin after the end
 * begins, nor end after the end ends, so that each end lies wholly inside the range: "from
 * 2020-08-20 to 2020-08" is refused, because August 2020 may mean the 1st.
 */
export function rangeEndsProblem(range: RangeEnds): string | undefined {
  const { from, to } = range;
  if (!from && !to) return 'needs at least one end: "from", "to" or both';
  if (!from || !to || !isCalendarDate(from.date) || !isCalendarDate(to.date)) return undefined;
  if (firstDayOf(from.date) > firstDayOf(to.date) || lastDayOf(from.date) > lastDayOf(to.date)) {
    return 'ends before it starts: "to" must not be earlier than "from"';
  }
  return undefined;
}

/** A span between two points; a missing end is open ("since 2021", "until 2020-03"). */
export const fuzzyRangeSchema = z
  .strictObject({
    from: fuzzyPointSchema.optional(),
    to: fuzzyPointSchema.optional(),
  })
  .superRefine((range, ctx) => {
    const problem = rangeEndsProblem(range);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export type FuzzyRange = z.infer<typeof fuzzyRangeSchema>;

export const fuzzyDateSchema = z.union([fuzzyPointSchema, fuzzyRangeSchema], {
  error:
    'must be a date such as {"date": "2020-08"} or a range such as {"from": {"date": "2020"}, "to": {"date": "2021-03"}}',
});

export type FuzzyDate = FuzzyPoint | FuzzyRange;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isFuzzyPoint(value: unknown): value is FuzzyPoint {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (key !== 'date' && key !== 'approximate') return false;
  return (
    typeof value.date === 'string' &&
    isCalendarDate(value.date) &&
    (value.approximate === undefined || value.approximate === true)
  );
}

/**
 * The value as a fuzzy date, or null when it is not one: accepts exactly what fuzzyDateSchema
 * accepts (property-tested against it), by plain checks and the schema's own rule for a
 * range's ends. For hot paths: the lists take the facets of every record when they are
 * rebuilt, and the schema's parse was a third of taking them.
 */
export function fuzzyDateAt(value: unknown): FuzzyDate | null {
  if (!isPlainObject(value)) return null;
  if (isFuzzyPoint(value)) return value;
  for (const key in value) if (key !== 'from' && key !== 'to') return null;
  const { from, to } = value;
  if (from !== undefined && !isFuzzyPoint(from)) return null;
  if (to !== undefined && !isFuzzyPoint(to)) return null;
  const range = { from, to };
  return rangeEndsProblem(range) === undefined ? (range as FuzzyDate) : null;
}

export function isFuzzyRange(date: FuzzyDate): date is FuzzyRange {
  return !('date' in date);
}

/** The exact day `day` (`YYYY-MM-DD`). */
export function onDay(day: string): FuzzyPoint {
  return { date: day };
}
