import { earliestDay, latestDay } from '../../shared/dates';
import type { JsonObject } from '../../shared/records';
import { defaultVocabularies } from '../../shared/vocabularies';
import { makeCorpus, seededRandom } from '../search/corpus';

/**
 * Cases for the list benchmark, valid against the case model: a title that names a person, a
 * case type, a date of day, month or year precision (some none), a region, and the search
 * corpus's hundred words of summary. Made from a seed, so every run lists the same rows.
 */
export interface ListedCase {
  readonly id: string;
  readonly body: JsonObject;
  /** What a list row shows. */
  readonly title: string;
  readonly caseType: string;
  /** The first and last day the case's date may mean, as cases.list filters; null if none. */
  readonly earliest: string | null;
  readonly latest: string | null;
}

const titleOfType: Record<string, string> = {
  'criminal-prosecution': 'Крымінальная справа',
  'administrative-prosecution': 'Адміністрацыйная справа',
  detention: 'Затрыманне',
  search: 'Ператрус',
  'torture-ill-treatment': 'Катаванні',
  'death-in-custody': 'Смерць у няволі',
  'pressure-on-relatives': 'Ціск на сваякоў',
  dismissal: 'Звальненне',
  'trial-in-absentia': 'Завочны суд',
  'listed-as-extremist': 'Унясенне ў спіс «экстрэмістаў»',
};

export function listedCases(count: number, seed = 8_2020): ListedCase[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const vocabularies = defaultVocabularies();
  const caseTypes = vocabularies['case-types'].terms.map((term) => term.id);
  const regions = vocabularies.regions.terms.map((term) => term.id);
  // Persons are only a source of names here; the summaries are the search corpus's cases.
  const corpus = makeCorpus(Math.max(100, Math.floor(count / 20)), count, seed);
  const summaries = corpus.records.filter((record) => record.type === 'case');
  return summaries.map((record, i) => {
    const caseType = pick(caseTypes);
    const name = pick(corpus.people).name.spellings.be;
    const title = `${titleOfType[caseType] ?? 'Справа'}: ${name}`;
    const day = (record.body.date as { date: string }).date;
    const precision = random();
    const date: { date: string } | null =
      precision < 0.1
        ? null
        : precision < 0.25
          ? { date: day.slice(0, 4) }
          : precision < 0.5
            ? { date: day.slice(0, 7) }
            : { date: day };
    const body: JsonObject = {
      title,
      type: caseType,
      summary: record.body.summary!,
      place: { country: 'BY', region: pick(regions) },
      ...(date ? { date } : {}),
    };
    return {
      id: `case-${i.toString(36).padStart(5, '0')}`,
      body,
      title,
      caseType,
      earliest: date ? earliestDay(date) : null,
      latest: date ? latestDay(date) : null,
    };
  });
}
