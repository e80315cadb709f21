import type { IsoDay } from '../dates';
import { statusesValidOn, type StatusEntry } from '../model';
import type { Evidence } from './figure';
import { isApproximate } from './placement';

/** As known today (no `knownOn`), or as the organisation knew it at the end of `knownOn`. */
export interface KnowledgeDate {
  readonly knownOn?: IsoDay;
}

/**
 * Evidence that one of a person's status entries held on `day`, under the bitemporal rule of
 * docs/model.md, which `statusesValidOn` is the one implementation of. The person record is
 * the record behind it: the statuses live in it.
 */
export function statusEvidence(
  personId: string,
  entries: readonly StatusEntry[],
  day: IsoDay,
  knowledge: KnowledgeDate,
): Evidence | undefined {
  const certain = statusesValidOn(entries, day, { ...knowledge, certainty: 'certain' });
  const held =
    certain.length > 0
      ? certain
      : statusesValidOn(entries, day, { ...knowledge, certainty: 'possible' });
  if (held.length === 0) return undefined;
  return {
    unit: personId,
    recordId: personId,
    certainty: certain.length > 0 ? 'certain' : 'possible',
    approximate: held.some(
      (entry) => isApproximate(entry.validFrom) || isApproximate(entry.validTo),
    ),
  };
}

/**
 * The entry with its end forgotten. "Held at some time up to `day`" is "held on `day` had it
 * never ended", so the cumulative figures reuse the bitemporal rule instead of restating it.
 */
export function withoutEnd(entry: StatusEntry): StatusEntry {
  const { validTo: _validTo, endRecordedAt: _endRecordedAt, ...open } = entry;
  return open;
}
