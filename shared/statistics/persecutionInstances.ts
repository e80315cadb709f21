import { breakdown, tally, type Evidence, type Figure } from './figure';
import { isApproximate, placeInPeriod, type Period } from './placement';
import type { RecordIndex } from './recordIndex';

export interface PersecutionInstances {
  readonly total: Figure;
  /** By the case's `type` (a `case-types` term). */
  readonly byCaseType: Record<string, Figure>;
}

/**
 * Cases dated in `period` ("at least 625 instances of persecution recorded in February"),
 * counted as cases: one person searched and then tried is two instances.
 */
export function persecutionInstances(index: RecordIndex, period: Period): PersecutionInstances {
  const evidence: Evidence[] = [];
  const types = new Map<string, string>();
  for (const { id, body } of index.cases) {
    const certainty = placeInPeriod(body.date, period);
    if (!certainty) continue;
    evidence.push({ unit: id, recordId: id, certainty, approximate: isApproximate(body.date) });
    types.set(id, body.type);
  }
  return {
    total: tally(evidence),
    byCaseType: breakdown(evidence, (item) => [types.get(item.unit)!]),
  };
}
