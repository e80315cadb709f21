import { tally, type Evidence, type Figure } from './figure';
import { isApproximate, placeInPeriod, type Period } from './placement';
import type { RecordIndex } from './recordIndex';

/**
 * Administrative prosecutions decided in a period ("548 trials under the Administrative
 * Offences Code; 95 jail terms, 84 fines, three sentenced to community service"). These count
 * proceedings, not people: the reviews count sentences, and the same person can be jailed
 * twice in a month. One proceeding with a jail term and a fine counts under both.
 */
export interface AdministrativeCases {
  /** Administrative proceedings with a verdict, whatever its outcome, dated in the period. */
  readonly trials: Figure;
  readonly jailTerms: Figure;
  readonly fines: Figure;
  readonly communityService: Figure;
}

export function administrativeCases(index: RecordIndex, period: Period): AdministrativeCases {
  const trials: Evidence[] = [];
  const jailTerms: Evidence[] = [];
  const fines: Evidence[] = [];
  const communityService: Evidence[] = [];
  for (const { id, body } of index.proceedings) {
    if (body.kind !== 'administrative' || body.verdict === undefined) continue;
    const certainty = placeInPeriod(body.verdict.date, period);
    if (!certainty) continue;
    const item = {
      unit: id,
      recordId: id,
      certainty,
      approximate: isApproximate(body.verdict.date),
    };
    trials.push(item);
    const { sentence } = body;
    // Zero days or hours is no sentence of that kind, whatever was typed into the field.
    if ((sentence?.jailDays ?? 0) > 0) jailTerms.push(item);
    if (sentence?.fine !== undefined) fines.push(item);
    if ((sentence?.communityServiceHours ?? 0) > 0) communityService.push(item);
  }
  return {
    trials: tally(trials),
    jailTerms: tally(jailTerms),
    fines: tally(fines),
    communityService: tally(communityService),
  };
}
