import type { FuzzyDate, IsoDay } from '../dates';
import { tally, type Evidence, type Figure } from './figure';
import {
  isApproximate,
  placeInPeriod,
  placeOnOrBefore,
  type Certainty,
  type Period,
} from './placement';
import type { RecordIndex } from './recordIndex';

/** People who died in custody in `period`. */
export function deathsInCustodyIn(index: RecordIndex, period: Period): Figure {
  return deathsInCustody(index, (date) => placeInPeriod(date, period));
}

/** People who died in custody on or before `day`: "at least five deaths behind bars". */
export function deathsInCustodyUpTo(index: RecordIndex, day: IsoDay): Figure {
  return deathsInCustody(index, (date) => placeOnOrBefore(date, day));
}

/**
 * A death in custody is told by a detention ending with `death_in_custody` (its `to` is the
 * day of death) or by a `died_in_custody` status (its `validFrom`), as known today; a person
 * is counted once whichever, or both, the organisation recorded.
 */
function deathsInCustody(
  index: RecordIndex,
  place: (date: FuzzyDate | undefined) => Certainty | undefined,
): Figure {
  const evidence: Evidence[] = [];
  const add = (unit: string, recordId: string, date: FuzzyDate | undefined) => {
    const certainty = place(date);
    if (certainty) evidence.push({ unit, recordId, certainty, approximate: isApproximate(date) });
  };
  for (const { id, body } of index.detentions) {
    if (body.releaseReason === 'death_in_custody') add(body.personId, id, body.to);
  }
  for (const [personId, person] of index.persons) {
    for (const entry of person.statuses ?? []) {
      if (entry.kind === 'died_in_custody' && entry.retractedAt === undefined) {
        add(personId, personId, entry.validFrom);
      }
    }
  }
  return tally(evidence);
}
