import type { IsoDay } from '../dates';
import { tally, type Evidence, type Figure } from './figure';
import { isWoman, type RecordIndex } from './recordIndex';
import { statusEvidence, withoutEnd, type KnowledgeDate } from './statusEvidence';

export interface FormerAndCurrentPoliticalPrisoners {
  readonly total: Figure;
  readonly women: Figure;
}

/**
 * Everyone recognised as a political prisoner at any time up to and including `day`, released
 * or not ("the number of former and current political prisoners approaches 3,000"): a
 * `political_prisoner` entry whose start is on or before `day`, as known today or then.
 */
export function formerAndCurrentPoliticalPrisoners(
  index: RecordIndex,
  day: IsoDay,
  knowledge: KnowledgeDate = {},
): FormerAndCurrentPoliticalPrisoners {
  const evidence: Evidence[] = [];
  for (const [personId, person] of index.persons) {
    const entries = (person.statuses ?? [])
      .filter((entry) => entry.kind === 'political_prisoner')
      .map(withoutEnd);
    const item = statusEvidence(personId, entries, day, knowledge);
    if (item) evidence.push(item);
  }
  return {
    total: tally(evidence),
    women: tally(evidence.filter((item) => isWoman(index, item.unit))),
  };
}
