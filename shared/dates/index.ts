export {
  dayOfTimestamp,
  firstDayOf,
  isCalendarDate,
  isIsoDay,
  lastDayOf,
  precisionOf,
  type CalendarDate,
  type IsoDay,
  type Precision,
} from './calendar';
export {
  calendarDateSchema,
  fuzzyDateAt,
  fuzzyDateSchema,
  fuzzyPointSchema,
  fuzzyRangeSchema,
  isFuzzyRange,
  isoDaySchema,
  onDay,
  type FuzzyDate,
  type FuzzyPoint,
  type FuzzyRange,
} from './fuzzyDate';
export {
  certainlyAfter,
  certainlyOnOrBefore,
  earliestDay,
  latestDay,
  possiblyAfter,
  possiblyOnOrBefore,
} from './bounds';
export { compareFuzzyDates } from './ordering';
export { parseEdtf, toEdtf, type EdtfParseResult } from './edtf';
