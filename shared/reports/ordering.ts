import { compareFuzzyDates, fuzzyDateSchema } from '../dates';
import type { RedactedRecord } from '../redaction';

/** Records by their redacted `from` date, earliest first; undated ones last, in given order. */
export function earliestFirst(records: readonly RedactedRecord[]): RedactedRecord[] {
  const dated = records.map((record, index) => {
    const parsed = fuzzyDateSchema.safeParse(record.body.from);
    return { record, index, date: parsed.success ? parsed.data : undefined };
  });
  return dated
    .sort((a, b) => {
      if (a.date && b.date) return compareFuzzyDates(a.date, b.date) || a.index - b.index;
      if (a.date) return -1;
      if (b.date) return 1;
      return a.index - b.index;
    })
    .map((d) => d.record);
}
