import type { IsoDay } from '../dates';
import { breakdown, notRecorded, tally, type Evidence, type Figure } from './figure';
import { isWoman, type RecordIndex } from './recordIndex';
import { statusEvidence, type KnowledgeDate } from './statusEvidence';

/** Political prisoners on a day, with the breakdowns every review gives. */
export interface PoliticalPrisoners {
  readonly total: Figure;
  readonly women: Figure;
  /** By the person's region; `(not recorded)` when the person has none. */
  readonly byRegion: Record<string, Figure>;
  /** By article charged (chargedArticles); a prisoner charged under two counts under both. */
  readonly byArticle: Record<string, Figure>;
}

/**
 * People with a `political_prisoner` status that held on `day`, as known today or as known on
 * `knowledge.knownOn` (docs/model.md, "Status history"). A person with two entries is one
 * prisoner. Sex, region and charges are read as recorded today: they are not bitemporal.
 */
export function politicalPrisonersOn(
  index: RecordIndex,
  day: IsoDay,
  knowledge: KnowledgeDate = {},
): PoliticalPrisoners {
  const evidence: Evidence[] = [];
  for (const [personId, person] of index.persons) {
    const entries = (person.statuses ?? []).filter((entry) => entry.kind === 'political_prisoner');
    const item = statusEvidence(personId, entries, day, knowledge);
    if (item) evidence.push(item);
  }
  return {
    total: tally(evidence),
    women: tally(evidence.filter((item) => isWoman(index, item.unit))),
    byRegion: breakdown(evidence, (item) => [index.persons.get(item.unit)?.region ?? notRecorded]),
    byArticle: breakdown(evidence, (item) => chargedArticles(index, item.unit)),
  };
}

/**
 * The articles a person is held under: every charge of their criminal proceedings, except
 * proceedings that ended in acquittal or termination. Proceedings have no start date, so one
 * opened after the day asked about cannot be told from one merely tried after it; counting
 * its articles is the smaller error than dropping the charges of everyone awaiting trial.
 */
export function chargedArticles(index: RecordIndex, personId: string): string[] {
  const articles = new Set<string>();
  for (const { body } of index.proceedingsByPerson.get(personId) ?? []) {
    if (body.kind !== 'criminal') continue;
    const outcome = body.verdict?.outcome;
    if (outcome === 'acquitted' || outcome === 'terminated') continue;
    for (const article of body.charges ?? []) articles.add(article);
  }
  return articles.size > 0 ? [...articles].sort() : [notRecorded];
}
