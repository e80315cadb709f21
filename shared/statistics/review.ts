import { isIsoDay, type IsoDay } from '../dates';
import { administrativeCases, type AdministrativeCases } from './administrativeCases';
import { deathsInCustodyIn, deathsInCustodyUpTo } from './deathsInCustody';
import type { Figure } from './figure';
import {
  formerAndCurrentPoliticalPrisoners,
  type FormerAndCurrentPoliticalPrisoners,
} from './formerAndCurrentPoliticalPrisoners';
import { heldIncommunicado } from './heldIncommunicado';
import { peopleConvicted } from './peopleConvicted';
import { peopleReleased, type PeopleReleased } from './peopleReleased';
import { persecutionInstances, type PersecutionInstances } from './persecutionInstances';
import type { Period } from './placement';
import { politicalPrisonersOn, type PoliticalPrisoners } from './politicalPrisoners';
import { indexRecords, type RecordIndex, type StatisticsRecord } from './recordIndex';

/** Names the shape below; a change to it that breaks readers changes the number. */
export const reviewFormat = 'casebook-review/1';

export interface ReviewRequest {
  readonly records: Iterable<StatisticsRecord>;
  /** The day the review is as of: counted in "as of" figures. */
  readonly asOf: IsoDay;
  /** The period of the period figures, `from` counted and `to` not; both or neither. */
  readonly from?: IsoDay;
  readonly to?: IsoDay;
  /** "Held incommunicado for more than N days". */
  readonly incommunicadoDays?: number;
}

/** Both readings of a bitemporal figure (docs/model.md, "Status history"). */
export interface AsKnown<T> {
  /** Everything the vault holds now, retractions included. */
  readonly today: T;
  /** Only what had been recorded by the end of `asOf`: the figure published that day. */
  readonly onAsOf: T;
}

/** Figures for the period [from, to). */
export interface PeriodFigures {
  readonly from: IsoDay;
  readonly to: IsoDay;
  readonly convicted: Figure;
  readonly released: PeopleReleased;
  readonly deathsInCustody: Figure;
  readonly administrative: AdministrativeCases;
  readonly persecutionInstances: PersecutionInstances;
}

/** Every figure of the periodic review, as plain JSON; docs/statistics.md describes it. */
export interface Review {
  readonly format: typeof reviewFormat;
  readonly asOf: IsoDay;
  readonly incommunicadoDays: number;
  readonly politicalPrisoners: AsKnown<PoliticalPrisoners>;
  readonly formerAndCurrentPoliticalPrisoners: AsKnown<FormerAndCurrentPoliticalPrisoners>;
  /** Deaths in custody on or before `asOf`. */
  readonly deathsInCustody: Figure;
  readonly heldIncommunicado: Figure;
  /** Null when no period was asked for. */
  readonly period: PeriodFigures | null;
}

/**
 * What is wrong with a request, in words the CLI can print, or undefined. `computeReview`
 * refuses such a request by throwing, since a caller that checked first never sees it.
 */
export function reviewRequestProblem(request: Omit<ReviewRequest, 'records'>): string | undefined {
  const { asOf, from, to, incommunicadoDays } = request;
  if (!isIsoDay(asOf)) return 'the as-of day must be a day written YYYY-MM-DD';
  if ((from === undefined) !== (to === undefined)) {
    return 'a period needs both its first day (from) and the day after its last (to)';
  }
  if (from !== undefined && to !== undefined) {
    if (!isIsoDay(from) || !isIsoDay(to)) return 'from and to must be days written YYYY-MM-DD';
    if (from >= to) return 'the period must end after it starts: to is the day after the last';
  }
  if (
    incommunicadoDays !== undefined &&
    !(Number.isInteger(incommunicadoDays) && incommunicadoDays >= 0)
  ) {
    return 'the number of days incommunicado must be a whole number, 0 or more';
  }
  return undefined;
}

export function computeReview(request: ReviewRequest): Review {
  const problem = reviewRequestProblem(request);
  if (problem) throw new RangeError(problem);
  const { asOf, from, to, incommunicadoDays = 365 } = request;
  const index = indexRecords(request.records);
  const then = { knownOn: asOf };
  return {
    format: reviewFormat,
    asOf,
    incommunicadoDays,
    politicalPrisoners: {
      today: politicalPrisonersOn(index, asOf),
      onAsOf: politicalPrisonersOn(index, asOf, then),
    },
    formerAndCurrentPoliticalPrisoners: {
      today: formerAndCurrentPoliticalPrisoners(index, asOf),
      onAsOf: formerAndCurrentPoliticalPrisoners(index, asOf, then),
    },
    deathsInCustody: deathsInCustodyUpTo(index, asOf),
    heldIncommunicado: heldIncommunicado(index, asOf, incommunicadoDays),
    period: from === undefined || to === undefined ? null : periodFigures(index, { from, to }),
  };
}

function periodFigures(index: RecordIndex, period: Period): PeriodFigures {
  return {
    ...period,
    convicted: peopleConvicted(index, period),
    released: peopleReleased(index, period),
    deathsInCustody: deathsInCustodyIn(index, period),
    administrative: administrativeCases(index, period),
    persecutionInstances: persecutionInstances(index, period),
  };
}
