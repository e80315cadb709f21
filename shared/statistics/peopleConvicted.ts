import { tally, type Evidence, type Figure } from './figure';
import { isApproximate, placeInPeriod, type Period } from './placement';
import type { RecordIndex } from './recordIndex';

/**
 * People convicted on political charges in `period`: criminal proceedings with a guilty
 * verdict dated in the period. Every criminal proceeding in the vault is political, since
 * that is what the vault documents. People, not proceedings: two convictions make one person.
 * An appeal does not undo the count; the verdict was given.
 */
export function peopleConvicted(index: RecordIndex, period: Period): Figure {
  const evidence: Evidence[] = [];
  for (const { id, body } of index.proceedings) {
    if (body.kind !== 'criminal' || body.verdict?.outcome !== 'convicted') continue;
    const certainty = placeInPeriod(body.verdict.date, period);
    if (!certainty) continue;
    evidence.push({
      unit: body.personId,
      recordId: id,
      certainty,
      approximate: isApproximate(body.verdict.date),
    });
  }
  return tally(evidence);
}
