import type { Figure, Review } from '../../../../shared/statistics';
import {
  dayOf,
  type DetentionFacts,
  type Ledger,
  type PersonFacts,
  type Span,
  type StatusFact,
} from './generatedVault';

/**
 * The review a generated vault must produce, worked out from its ledger: spans of day numbers
 * and flags the generator set when it made each record. Written to be obviously right rather
 * than fast (the incommunicado figure walks day by day), and sharing no code with the engine.
 */

type Level = 'certain' | 'possible' | undefined;

const notRecorded = '(not recorded)';

/** Counts units once each, certain over possible, with the records behind each. */
class Expected {
  private units = new Map<
    string,
    { certain: Set<string>; possible: Set<string>; approxCertain: boolean; approxPossible: boolean }
  >();

  add(unit: string, recordId: string, level: Level, approximate: boolean): void {
    if (level === undefined) return;
    const entry = this.units.get(unit) ?? {
      certain: new Set<string>(),
      possible: new Set<string>(),
      approxCertain: false,
      approxPossible: false,
    };
    this.units.set(unit, entry);
    entry[level].add(recordId);
    if (level === 'certain') entry.approxCertain ||= approximate;
    else entry.approxPossible ||= approximate;
  }

  figure(): Figure {
    const certain = [...this.units].filter(([, e]) => e.certain.size > 0);
    const possible = [...this.units].filter(([, e]) => e.certain.size === 0);
    const approximate = [
      ...certain.filter(([, e]) => e.approxCertain),
      ...possible.filter(([, e]) => e.approxPossible),
    ];
    const records = (units: typeof certain, level: 'certain' | 'possible') =>
      [...new Set(units.flatMap(([, e]) => [...e[level]]))].sort();
    return {
      count: certain.length,
      ids: certain.map(([id]) => id).sort(),
      recordIds: records(certain, 'certain'),
      uncertain: {
        count: possible.length,
        ids: possible.map(([id]) => id).sort(),
        recordIds: records(possible, 'possible'),
      },
      approximateIds: approximate.map(([id]) => id).sort(),
    };
  }
}

class ExpectedByKey {
  private byKey = new Map<string, Expected>();
  add(keys: readonly string[], unit: string, recordId: string, level: Level, approximate: boolean) {
    if (level === undefined) return;
    for (const key of keys) {
      const expected = this.byKey.get(key) ?? new Expected();
      this.byKey.set(key, expected);
      expected.add(unit, recordId, level, approximate);
    }
  }
  figures(): Record<string, Figure> {
    return Object.fromEntries([...this.byKey].map(([key, e]) => [key, e.figure()]));
  }
}

/** A span against the days [from, to). */
function inPeriod(span: Span, from: number, to: number): Level {
  if (span.lo !== null && span.hi !== null && span.lo >= from && span.hi < to) return 'certain';
  const overlaps = (span.lo === null || span.lo < to) && (span.hi === null || span.hi >= from);
  return overlaps ? 'possible' : undefined;
}

function onOrBefore(span: Span, day: number): Level {
  if (span.hi !== null && span.hi <= day) return 'certain';
  return span.lo === null || span.lo <= day ? 'possible' : undefined;
}

/** The span of a status as known on `knownOn` (today when undefined); undefined if unknown. */
function asKnown(
  fact: StatusFact,
  knownOn: number | undefined,
): { from: Span; to?: Span } | undefined {
  if (knownOn === undefined) {
    if (fact.retracted !== undefined) return undefined;
    return { from: fact.from, ...(fact.to && { to: fact.to }) };
  }
  if (fact.recorded > knownOn) return undefined;
  if (fact.retracted !== undefined && fact.retracted <= knownOn) return undefined;
  const endKnown = (fact.endRecorded ?? fact.recorded) <= knownOn;
  return { from: fact.from, ...(endKnown && fact.to && { to: fact.to }) };
}

function heldOn(span: { from: Span; to?: Span }, day: number): Level {
  const { from, to } = span;
  if (from.hi !== null && from.hi <= day && (to === undefined || (to.lo !== null && to.lo > day))) {
    return 'certain';
  }
  const started = from.lo === null || from.lo <= day;
  const notEnded = to === undefined || to.hi === null || to.hi > day;
  return started && notEnded ? 'possible' : undefined;
}

function politicalPrisoners(ledger: Ledger, day: number, knownOn: number | undefined) {
  const total = new Expected();
  const women = new Expected();
  const byRegion = new ExpectedByKey();
  const byArticle = new ExpectedByKey();
  for (const person of ledger.persons) {
    let level: Level;
    let approximateCertain = false;
    let approximatePossible = false;
    for (const fact of person.statuses.filter((s) => s.kind === 'political_prisoner')) {
      const known = asKnown(fact, knownOn);
      const held = known && heldOn(known, day);
      const approximate = fact.from.approximate || fact.to?.approximate === true;
      if (held === 'certain') {
        level = 'certain';
        approximateCertain ||= approximate;
      } else if (held === 'possible') {
        level ??= 'possible';
        approximatePossible ||= approximate;
      }
    }
    const approximate = level === 'certain' ? approximateCertain : approximatePossible;
    total.add(person.id, person.id, level, approximate);
    if (person.female) women.add(person.id, person.id, level, approximate);
    byRegion.add([person.region ?? notRecorded], person.id, person.id, level, approximate);
    byArticle.add(articlesOf(ledger, person), person.id, person.id, level, approximate);
  }
  return {
    total: total.figure(),
    women: women.figure(),
    byRegion: byRegion.figures(),
    byArticle: byArticle.figures(),
  };
}

function articlesOf(ledger: Ledger, person: PersonFacts): string[] {
  const articles = ledger.proceedings
    .filter((p) => p.personId === person.id && p.kind === 'criminal')
    .filter((p) => p.verdict?.outcome !== 'acquitted' && p.verdict?.outcome !== 'terminated')
    .flatMap((p) => p.charges);
  return articles.length > 0 ? [...new Set(articles)] : [notRecorded];
}

function formerAndCurrent(ledger: Ledger, day: number, knownOn: number | undefined) {
  const total = new Expected();
  const women = new Expected();
  for (const person of ledger.persons) {
    for (const fact of person.statuses.filter((s) => s.kind === 'political_prisoner')) {
      const known = asKnown(fact, knownOn);
      const level = known && onOrBefore(known.from, day);
      total.add(person.id, person.id, level, fact.from.approximate);
      if (person.female) women.add(person.id, person.id, level, fact.from.approximate);
    }
  }
  return { total: total.figure(), women: women.figure() };
}

function deaths(ledger: Ledger, place: (span: Span) => Level): Figure {
  const expected = new Expected();
  for (const d of ledger.detentions) {
    if (d.releaseReason === 'death_in_custody') {
      expected.add(d.personId, d.id, place(d.to!), d.to!.approximate);
    }
  }
  for (const person of ledger.persons) {
    for (const fact of person.statuses) {
      if (fact.kind === 'died_in_custody' && fact.retracted === undefined) {
        expected.add(person.id, person.id, place(fact.from), fact.from.approximate);
      }
    }
  }
  return expected.figure();
}

/** The spells of isolation of each person: statuses not retracted, and detention periods. */
function spellsOf(ledger: Ledger): Map<string, { recordId: string; from: Span; to?: Span }[]> {
  const spells = new Map<string, { recordId: string; from: Span; to?: Span }[]>();
  const add = (personId: string, spell: { recordId: string; from: Span; to?: Span }) =>
    spells.set(personId, [...(spells.get(personId) ?? []), spell]);
  for (const person of ledger.persons) {
    for (const fact of person.statuses) {
      if (fact.kind !== 'incommunicado' && fact.kind !== 'whereabouts_unknown') continue;
      if (fact.retracted !== undefined) continue;
      add(person.id, { recordId: person.id, from: fact.from, ...(fact.to && { to: fact.to }) });
    }
  }
  for (const d of ledger.detentions as DetentionFacts[]) {
    for (const period of d.incommunicado) add(d.personId, { recordId: d.id, ...period });
  }
  return spells;
}

// Far enough out that no generated span reaches past them.
const horizonStart = dayOf('2000-01-01');
const horizonEnd = dayOf('2040-01-01');

function incommunicado(ledger: Ledger, day: number, longerThan: number): Figure {
  const expected = new Expected();
  for (const [personId, spells] of spellsOf(ledger)) {
    for (const level of ['certain', 'possible'] as const) {
      const covers = (spell: (typeof spells)[number], t: number) => {
        const held = heldOn(spell, t);
        return level === 'certain' ? held === 'certain' : held !== undefined;
      };
      const covered = (t: number) => spells.some((spell) => covers(spell, t));
      let first = day;
      while (first > horizonStart && covered(first - 1)) first -= 1;
      if (!covered(day) || first > day - longerThan) continue;
      let last = day;
      while (last < horizonEnd && covered(last + 1)) last += 1;
      for (const spell of spells) {
        let inRun = false;
        for (let t = first; t <= last && !inRun; t += 1) inRun = covers(spell, t);
        const approximate = spell.from.approximate || spell.to?.approximate === true;
        if (inRun) expected.add(personId, spell.recordId, level, approximate);
      }
    }
  }
  return expected.figure();
}

export interface ReviewQuery {
  readonly asOf: string;
  readonly from?: string;
  readonly to?: string;
  readonly incommunicadoDays?: number;
}

export function expectedReview(ledger: Ledger, query: ReviewQuery): Review {
  const asOf = dayOf(query.asOf);
  const longerThan = query.incommunicadoDays ?? 365;
  return {
    format: 'casebook-review/1',
    asOf: query.asOf,
    incommunicadoDays: longerThan,
    politicalPrisoners: {
      today: politicalPrisoners(ledger, asOf, undefined),
      onAsOf: politicalPrisoners(ledger, asOf, asOf),
    },
    formerAndCurrentPoliticalPrisoners: {
      today: formerAndCurrent(ledger, asOf, undefined),
      onAsOf: formerAndCurrent(ledger, asOf, asOf),
    },
    deathsInCustody: deaths(ledger, (span) => onOrBefore(span, asOf)),
    heldIncommunicado: incommunicado(ledger, asOf, longerThan),
    period:
      query.from === undefined || query.to === undefined
        ? null
        : periodFigures(ledger, query.from, query.to),
  };
}

function periodFigures(ledger: Ledger, fromIso: string, toIso: string) {
  const from = dayOf(fromIso);
  const to = dayOf(toIso);
  const place = (span: Span) => inPeriod(span, from, to);

  const convicted = new Expected();
  const trials = new Expected();
  const jailTerms = new Expected();
  const fines = new Expected();
  const communityService = new Expected();
  for (const p of ledger.proceedings) {
    if (!p.verdict) continue;
    const level = place(p.verdict.date);
    const approximate = p.verdict.date.approximate;
    if (p.kind === 'criminal' && p.verdict.outcome === 'convicted') {
      convicted.add(p.personId, p.id, level, approximate);
    }
    if (p.kind !== 'administrative') continue;
    trials.add(p.id, p.id, level, approximate);
    if (p.jailTerm) jailTerms.add(p.id, p.id, level, approximate);
    if (p.fine) fines.add(p.id, p.id, level, approximate);
    if (p.communityService) communityService.add(p.id, p.id, level, approximate);
  }

  const released = new Expected();
  const byReason = new ExpectedByKey();
  for (const d of ledger.detentions) {
    if (!d.to || d.transfer || d.releaseReason === 'death_in_custody') continue;
    const level = place(d.to);
    released.add(d.personId, d.id, level, d.to.approximate);
    byReason.add([d.releaseReason ?? notRecorded], d.personId, d.id, level, d.to.approximate);
  }

  const instances = new Expected();
  const byCaseType = new ExpectedByKey();
  for (const c of ledger.cases) {
    instances.add(c.id, c.id, place(c.date), c.date.approximate);
    byCaseType.add([c.type], c.id, c.id, place(c.date), c.date.approximate);
  }

  return {
    from: fromIso,
    to: toIso,
    convicted: convicted.figure(),
    released: { total: released.figure(), byReason: byReason.figures() },
    deathsInCustody: deaths(ledger, place),
    administrative: {
      trials: trials.figure(),
      jailTerms: jailTerms.figure(),
      fines: fines.figure(),
      communityService: communityService.figure(),
    },
    persecutionInstances: { total: instances.figure(), byCaseType: byCaseType.figures() },
  };
}
