import { earliestDay, fuzzyDateAt, latestDay, type FuzzyDate } from '../../shared/dates';
import { browsableTypes, type BrowsableType, type ChannelArgs } from '../../shared/ipc/contract';
import type { Vocabulary } from '../../shared/model';
import type { JsonObject } from '../../shared/records';

/** The days a record may be about, as ISO days; '' and '\uffff' stand for an open end. */
export interface DaySpan {
  readonly earliest: string;
  readonly latest: string;
}

/**
 * What the lists of detentions, trials, testimonies and sources filter by, taken from a body
 * once: `terms` holds `facility:sizo-1-minsk`, `article:cc-342`, `consent:withdrawn` ...
 */
export interface BrowseFacets {
  readonly terms: ReadonlySet<string>;
  /** Null when the record has no date at all: it is left out of a dated range. */
  readonly span: DaySpan | null;
  /** The person the record is about: a detention's or trial's personId, the interviewee. */
  readonly personId: string | null;
}

const isBrowsable = (type: string): type is BrowsableType =>
  (browsableTypes as readonly string[]).includes(type);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const objectAt = (value: unknown): JsonObject =>
  isPlainObject(value) ? (value as JsonObject) : {};

/** The span from the first to the last of some dates; an open end stays open. */
function spanOf(dates: readonly (FuzzyDate | null)[]): DaySpan | null {
  const known = dates.filter((date): date is FuzzyDate => date !== null);
  if (known.length === 0) return null;
  const earliest = known.map((date) => earliestDay(date) ?? '').sort()[0]!;
  const latest = known
    .map((date) => latestDay(date) ?? '\uffff')
    .sort()
    .at(-1)!;
  return { earliest, latest };
}

function stageOf(body: JsonObject): string {
  if (body.appeal !== undefined) return 'appeal';
  return body.verdict !== undefined ? 'verdict' : 'awaiting_verdict';
}

function consentOf(body: JsonObject): string {
  const consent = objectAt(body.consent);
  if (body.consent === undefined) return 'none';
  return consent.withdrawnOn !== undefined ? 'withdrawn' : 'given';
}

/** Facets are saved between sessions: a change to what this takes bumps facetRulesVersion. */
export function browseFacetsOf(type: string, body: JsonObject | null): BrowseFacets | null {
  if (!body || !isBrowsable(type)) return null;
  const terms = new Set<string>();
  const term = (key: string, value: unknown) => {
    if (typeof value === 'string') terms.add(`${key}:${value}`);
  };
  const personId = (value: unknown) => (typeof value === 'string' ? value : null);
  switch (type) {
    case 'detention': {
      term('facility', body.facility);
      const from = fuzzyDateAt(body.from);
      // Still held: the span runs on to today and beyond.
      const to = body.to === undefined ? null : fuzzyDateAt(body.to);
      const span = spanOf([from, to]);
      return {
        terms,
        span: span && body.to === undefined ? { ...span, latest: '\uffff' } : span,
        personId: personId(body.personId),
      };
    }
    case 'proceeding': {
      term('kind', body.kind);
      term('stage', stageOf(body));
      if (Array.isArray(body.charges)) for (const charge of body.charges) term('article', charge);
      const hearings = Array.isArray(body.hearings) ? body.hearings : [];
      return {
        terms,
        span: spanOf([
          ...hearings.map((hearing) => fuzzyDateAt(objectAt(hearing).date)),
          fuzzyDateAt(objectAt(body.verdict).date),
          fuzzyDateAt(objectAt(body.appeal).date),
        ]),
        personId: personId(body.personId),
      };
    }
    case 'testimony':
      term('consent', consentOf(body));
      return {
        terms,
        span: spanOf([fuzzyDateAt(body.date)]),
        personId: personId(body.intervieweeId),
      };
    case 'source':
      term('kind', body.kind);
      term('reliability', body.reliability);
      return { terms, span: spanOf([fuzzyDateAt(body.obtainedOn)]), personId: null };
  }
}

/** A term and every term under it, as facet keys (`facility:sizo-1-minsk` ...). */
function withDescendants(key: string, vocabulary: Vocabulary | undefined, id: string): Set<string> {
  const found = new Set([id]);
  const terms = vocabulary?.terms ?? [];
  for (let grew = true; grew;) {
    grew = false;
    for (const term of terms) {
      if (term.parent !== undefined && found.has(term.parent) && !found.has(term.id)) {
        found.add(term.id);
        grew = true;
      }
    }
  }
  return new Set([...found].map((term) => `${key}:${term}`));
}

export type BrowseFilter = Omit<ChannelArgs<'records.browse'>, 'offset' | 'limit' | 'query'>;

/**
 * The test one record must pass for the filters given; built once per call, so that the
 * subtrees of the chosen terms are worked out once and not for every row.
 */
export function browseFilter(
  { facility, article, kind, stage, consent, reliability, from, to }: BrowseFilter,
  vocabularies: Readonly<Record<string, Vocabulary>>,
): (facets: BrowseFacets) => boolean {
  // A term of a tree stands for the terms under it: "Criminal Code" means every article of it.
  const subtrees = [
    facility === undefined ? null : withDescendants('facility', vocabularies.facilities, facility),
    article === undefined ? null : withDescendants('article', vocabularies.articles, article),
  ].filter((keys): keys is Set<string> => keys !== null);
  const wanted = [
    kind === undefined ? null : `kind:${kind}`,
    stage === undefined ? null : `stage:${stage}`,
    consent === undefined ? null : `consent:${consent}`,
    reliability === undefined ? null : `reliability:${reliability}`,
  ].filter((key): key is string => key !== null);
  const first = from === undefined ? null : earliestDay({ date: from });
  const last = to === undefined ? null : latestDay({ date: to });
  return (facets) => {
    if (!wanted.every((key) => facets.terms.has(key))) return false;
    for (const keys of subtrees) {
      if (![...facets.terms].some((key) => keys.has(key))) return false;
    }
    if (first === null && last === null) return true;
    // Records whose dates may fall in the range, as search's date filter counts them.
    if (!facets.span) return false;
    return (
      (last === null || facets.span.earliest <= last) &&
      (first === null || facets.span.latest >= first)
    );
  };
}
