import {
  certainlyAfter,
  certainlyOnOrBefore,
  dayOfTimestamp,
  possiblyAfter,
  possiblyOnOrBefore,
  type FuzzyDate,
  type IsoDay,
} from '../dates';
import type { StatusEntry } from './status';

export interface StatusQuery {
  /**
   * Answer as the organisation knew it at the end of this day, ignoring what was recorded
   * later. Without it, the answer is as known today: everything not retracted.
   */
  readonly knownOn?: IsoDay;
  /**
   * 'certain' (the default) keeps entries whose dates leave no doubt that they held on the day;
   * 'possible' also keeps those that may have held, given imprecise dates. Figures can give
   * both: "1,405 (up to 1,412)".
   */
  readonly certainty?: 'certain' | 'possible';
}

interface KnownSpan {
  readonly validFrom: FuzzyDate;
  readonly validTo: FuzzyDate | undefined;
}

/** The entry's span as known on `knownOn` (today when undefined), or undefined if not known. */
function knownSpan(entry: StatusEntry, knownOn: IsoDay | undefined): KnownSpan | undefined {
  if (knownOn === undefined) {
    return entry.retractedAt === undefined
      ? { validFrom: entry.validFrom, validTo: entry.validTo }
      : undefined;
  }
  // Days are compared as written in the timestamps: an entry stamped 2024-03-04T23:10:00Z
  // counts as known on 4 March, though it was already the 5th in Minsk.
  if (dayOfTimestamp(entry.recordedAt) > knownOn) return undefined;
  if (entry.retractedAt !== undefined && dayOfTimestamp(entry.retractedAt) <= knownOn) {
    return undefined;
  }
  const endKnown = dayOfTimestamp(entry.endRecordedAt ?? entry.recordedAt) <= knownOn;
  return { validFrom: entry.validFrom, validTo: endKnown ? entry.validTo : undefined };
}

/**
 * The entries that held on `day` (validFrom on or before it, validTo after it), as known today
 * or as known on `query.knownOn`. Returns the stored entries themselves, so callers can link
 * each figure to the record behind it.
 */
export function statusesValidOn(
  statuses: readonly StatusEntry[],
  day: IsoDay,
  query: StatusQuery = {},
): StatusEntry[] {
  const started = query.certainty === 'possible' ? possiblyOnOrBefore : certainlyOnOrBefore;
  const notEnded = query.certainty === 'possible' ? possiblyAfter : certainlyAfter;
  const { knownOn } = query;
  return statuses.filter((entry) => {
    const known = knownSpan(entry, knownOn);
    if (!known) return false;
    return started(known.validFrom, day) && (!known.validTo || notEnded(known.validTo, day));
  });
}
