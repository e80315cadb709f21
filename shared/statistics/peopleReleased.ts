import { compareFuzzyDates, toEdtf } from '../dates';
import type { Detention } from '../model';
import { breakdown, notRecorded, tally, type Evidence, type Figure } from './figure';
import { isApproximate, placeInPeriod, type Period } from './placement';
import type { RecordIndex, Stored } from './recordIndex';

export interface PeopleReleased {
  readonly total: Figure;
  /** By `releaseReason`; `(not recorded)` when the detention gives none. */
  readonly byReason: Record<string, Figure>;
}

/**
 * People whose detention ended in `period` (the day of release, `to`), counted once however
 * often released. A death in custody ends a detention but is no release: it has its own
 * figure. A detention followed, on the date written as its end, by another detention of the
 * same person is a transfer (SIZO to colony), not a release: the model has no reason for it.
 */
export function peopleReleased(index: RecordIndex, period: Period): PeopleReleased {
  const evidence: Evidence[] = [];
  const reasons = new Map<string, string>();
  for (const detention of index.detentions) {
    const { id, body } = detention;
    if (body.to === undefined || body.releaseReason === 'death_in_custody') continue;
    if (isTransfer(index, detention)) continue;
    const certainty = placeInPeriod(body.to, period);
    if (!certainty) continue;
    evidence.push({
      unit: body.personId,
      recordId: id,
      certainty,
      approximate: isApproximate(body.to),
    });
    reasons.set(id, body.releaseReason ?? notRecorded);
  }
  return {
    total: tally(evidence),
    byReason: breakdown(evidence, (item) => [reasons.get(item.recordId)!]),
  };
}

function isTransfer(index: RecordIndex, detention: Stored<Detention>): boolean {
  const { from, to } = detention.body;
  if (to === undefined) return false;
  const end = toEdtf(to);
  const start = toEdtf(from);
  return (index.detentionsByPerson.get(detention.body.personId) ?? []).some((next) => {
    if (next.id === detention.id || toEdtf(next.body.from) !== end) return false;
    // With coarse dates two detentions may each begin where the other ends (SIZO 2021 to
    // 2021-03-01, colony 2021-03-01 to 2021); then the one that begins later is the later one.
    const cycle = next.body.to !== undefined && toEdtf(next.body.to) === start;
    return !cycle || compareFuzzyDates(next.body.from, from) > 0;
  });
}
