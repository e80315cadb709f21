import type { FuzzyDate } from '../../../../shared/dates';
import {
  formatRecordError,
  parseRecord,
  type ReleaseReason,
  type StatusKind,
} from '../../../../shared/model';
import type { StatisticsRecord } from '../../../../shared/statistics';

/**
 * A vault of a few hundred people built from a seed, and beside it a ledger of what was put in
 * it: for every date, the span of days the generator meant by it, as day numbers it chose
 * itself. The expected figures (expectedReview.ts) are worked out from the ledger alone, never
 * by asking the engine or shared/dates, so a wrong rule in either shows as a wrong number.
 */

// ---------------------------------------------------------------- the ledger

/** The days a date was made to mean: `lo` to `hi` inclusive; null is an open end. */
export interface Span {
  readonly lo: number | null;
  readonly hi: number | null;
  readonly approximate: boolean;
}

/** No date recorded: any day at all. */
export const undated: Span = { lo: null, hi: null, approximate: false };

export interface StatusFact {
  readonly kind: StatusKind;
  readonly from: Span;
  readonly to?: Span;
  /** Days, as written in the timestamps. */
  readonly recorded: number;
  readonly endRecorded?: number;
  readonly retracted?: number;
}

export interface PersonFacts {
  readonly id: string;
  readonly female: boolean;
  readonly region: string | undefined;
  readonly statuses: StatusFact[];
}

export interface ProceedingFacts {
  readonly id: string;
  readonly personId: string;
  readonly kind: 'criminal' | 'administrative';
  readonly charges: readonly string[];
  readonly verdict?: { readonly outcome: string; readonly date: Span };
  readonly jailTerm: boolean;
  readonly fine: boolean;
  readonly communityService: boolean;
}

export interface DetentionFacts {
  readonly id: string;
  readonly personId: string;
  readonly to?: Span;
  readonly releaseReason?: ReleaseReason;
  /** The person was moved on to another detention the day this one ended. */
  readonly transfer: boolean;
  /** Each period with the end it was given: its own `to`, or the detention's end. */
  readonly incommunicado: { readonly from: Span; readonly to?: Span }[];
}

export interface CaseFacts {
  readonly id: string;
  readonly type: string;
  readonly date: Span;
}

export interface Ledger {
  readonly persons: PersonFacts[];
  readonly proceedings: ProceedingFacts[];
  readonly detentions: DetentionFacts[];
  readonly cases: CaseFacts[];
}

export interface GeneratedVault {
  readonly records: StatisticsRecord[];
  readonly ledger: Ledger;
}

// ---------------------------------------------------------------- days and dice

const msPerDay = 86_400_000;

/** Days since 1970-01-01. `Date` is safe here: the generator's years are all after 2000. */
export function dayOf(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
    msPerDay
  );
}

export function isoOf(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

const monthOf = (day: number) => isoOf(day).slice(0, 7);
const firstOfMonth = (day: number) => dayOf(`${monthOf(day)}-01`);
const lastOfMonth = (day: number) => {
  const date = new Date(day * msPerDay);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / msPerDay;
};

/** mulberry32: small, seeded, and the same on every machine. */
class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![1];
  }
  subset<T>(items: readonly T[], min: number, max: number): T[] {
    const chosen = new Set<T>();
    const size = this.int(min, max);
    while (chosen.size < size) chosen.add(this.pick(items));
    return [...chosen];
  }
}

interface Dated {
  readonly date: FuzzyDate;
  readonly span: Span;
}

type Form =
  'day' | 'month' | 'year' | 'about-day' | 'about-month' | 'days' | 'months' | 'since' | 'by';

/**
 * A date for something that happened on `day`, written as a monitor might know it. Every form
 * contains `day`, so dates of one story stay in order and the records stay valid.
 */
function vague(
  dice: Dice,
  day: number,
  exactness: 'mostly-exact' | 'exact' = 'mostly-exact',
): Dated {
  const form: Form =
    exactness === 'exact'
      ? 'day'
      : dice.weighted<Form>([
          [55, 'day'],
          [12, 'month'],
          [3, 'year'],
          [6, 'about-day'],
          [4, 'about-month'],
          [8, 'days'],
          [4, 'months'],
          [4, 'since'],
          [4, 'by'],
        ]);
  const year = isoOf(day).slice(0, 4);
  switch (form) {
    case 'day':
      return { date: { date: isoOf(day) }, span: { lo: day, hi: day, approximate: false } };
    case 'month':
      return {
        date: { date: monthOf(day) },
        span: { lo: firstOfMonth(day), hi: lastOfMonth(day), approximate: false },
      };
    case 'year':
      return {
        date: { date: year },
        span: { lo: dayOf(`${year}-01-01`), hi: dayOf(`${year}-12-31`), approximate: false },
      };
    case 'about-day':
      return {
        date: { date: isoOf(day), approximate: true },
        span: { lo: day, hi: day, approximate: true },
      };
    case 'about-month':
      return {
        date: { date: monthOf(day), approximate: true },
        span: { lo: firstOfMonth(day), hi: lastOfMonth(day), approximate: true },
      };
    case 'days': {
      const lo = day - dice.int(0, 20);
      const hi = day + dice.int(0, 20);
      return {
        date: { from: { date: isoOf(lo) }, to: { date: isoOf(hi) } },
        span: { lo, hi, approximate: false },
      };
    }
    case 'months': {
      const lo = firstOfMonth(day - dice.int(0, 60));
      const hi = lastOfMonth(day + dice.int(0, 60));
      return {
        date: { from: { date: monthOf(lo) }, to: { date: monthOf(hi) } },
        span: { lo, hi, approximate: false },
      };
    }
    case 'since': {
      const lo = day - dice.int(0, 30);
      return { date: { from: { date: isoOf(lo) } }, span: { lo, hi: null, approximate: false } };
    }
    case 'by': {
      const hi = lastOfMonth(day + dice.int(0, 45));
      return { date: { to: { date: monthOf(hi) } }, span: { lo: null, hi, approximate: false } };
    }
  }
}

/** When the organisation learned something: a day, written with or without an offset. */
function stamp(dice: Dice, day: number): string {
  return `${isoOf(day)}${dice.chance(0.3) ? 'T09:30:00+03:00' : 'T12:00:00Z'}`;
}

/** Later on the same day than any `stamp`, so an end is never learned before its start. */
const laterStamp = (day: number) => `${isoOf(day)}T18:00:00Z`;

// ---------------------------------------------------------------- the vault

/** Stories start between these days; things recorded may run a little past `lastStart`. */
export const firstStart = dayOf('2020-08-01');
export const lastStart = dayOf('2024-10-31');
const endOfRecords = dayOf('2025-06-30');

const regions = ['by-hm', 'by-br', 'by-ho', 'by-hr', 'by-ma', 'by-mi', 'by-vi'] as const;
const criminalArticles = ['cc-130', 'cc-342', 'cc-361-1', 'cc-367', 'cc-368', 'cc-369', 'cc-423-1'];
const administrativeArticles = ['coao-19.11', 'coao-24.3', 'coao-24.23'];
const releaseReasons = [
  'served',
  'pardon',
  'amnesty',
  'sentence_changed',
  'released_pending_trial',
  'other',
] as const;
const givenNames = ['Ales', 'Maryja', 'Ihar', 'Volha', 'Mikalaj', 'Nasta', 'Siarhiej', 'Iryna'];
const surnames = ['Kavalenka', 'Lednik', 'Losik', 'Bialiacki', 'Statkievic', 'Marozava', 'Zuk'];

type Body = Record<string, unknown>;

class VaultBuilder {
  readonly records: StatisticsRecord[] = [];
  readonly ledger: Ledger = { persons: [], proceedings: [], detentions: [], cases: [] };
  private counters = new Map<string, number>();

  constructor(readonly dice: Dice) {}

  nextId(type: string): string {
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    return `${type}-${String(n).padStart(4, '0')}`;
  }

  /** Every body goes through the model's own validation, so the data is data the app accepts. */
  put(type: StatisticsRecord['type'], id: string, body: Body): void {
    const parsed = parseRecord(type, body);
    if (!parsed.ok)
      throw new Error(
        `generated ${type} ${id} is invalid: ${parsed.errors.map(formatRecordError).join('; ')}`,
      );
    this.records.push({ id, type, body: parsed.value } as StatisticsRecord);
  }

  addCase(type: string, dated: Dated | undefined, personId: string): string {
    const id = this.nextId('case');
    this.put('case', id, {
      title: `Case ${id}`,
      type,
      ...(dated && { date: dated.date }),
      involvements: [{ personId, role: 'victim' }],
    });
    this.ledger.cases.push({ id, type, date: dated?.span ?? undated });
    return id;
  }
}

interface StatusDraft {
  body: Body;
  fact: StatusFact;
}

function status(
  dice: Dice,
  kind: StatusKind,
  from: Dated,
  recorded: number,
  end?: { to: Dated; learned: number },
): StatusDraft {
  const body: Body = { kind, validFrom: from.date, recordedAt: stamp(dice, recorded) };
  let fact: StatusFact = { kind, from: from.span, recorded };
  if (end) {
    body.validTo = end.to.date;
    // Most ends are news that came later; some were known when the entry was made.
    if (end.learned > recorded) body.endRecordedAt = laterStamp(end.learned);
    fact = {
      ...fact,
      to: end.to.span,
      ...(end.learned > recorded && { endRecorded: end.learned }),
    };
  }
  if (kind === 'political_prisoner') body.recognisedBy = 'Viasna';
  return { body, fact };
}

function retract(draft: StatusDraft, day: number): StatusDraft {
  return {
    body: { ...draft.body, retractedAt: laterStamp(day) },
    fact: { ...draft.fact, retracted: day },
  };
}

/** Usually learned within days; sometimes months later ("recorded late"). */
function learnedAfter(dice: Dice, day: number): number {
  return day + (dice.chance(0.7) ? dice.int(0, 20) : dice.int(60, 400));
}

/**
 * Someone arrested on political charges: one custody (perhaps moved from SIZO to a colony),
 * criminal proceedings, political-prisoner status, perhaps isolation, perhaps death.
 */
function politicalPrisonerStory(vault: VaultBuilder, personId: string, statuses: StatusDraft[]) {
  const { dice } = vault;
  const arrest = dice.int(firstStart, lastStart);
  const caseId = vault.addCase(
    'criminal-prosecution',
    dice.chance(0.05) ? undefined : vague(dice, arrest),
    personId,
  );

  // Custody: one detention, or two joined by a transfer on one recorded date.
  const arrested = vague(dice, arrest);
  const transferDay = dice.chance(0.5) ? arrest + dice.int(40, 400) : undefined;
  const transferred = transferDay === undefined ? undefined : vague(dice, transferDay);
  const lastFrom = transferDay ?? arrest;
  const endRoll = dice.weighted([
    [35, 'held'],
    [57, 'released'],
    [5, 'died'],
    [3, 'released-no-reason'],
  ] as const);
  const endDay = endRoll === 'held' ? undefined : lastFrom + dice.int(20, 900);
  const ends = endDay === undefined || endDay > endOfRecords ? undefined : endDay;
  // A release written as the arrest was ("2021" and "2021") would read as a transfer back
  // into the first detention; monitors who know so little write no second detention.
  let ended = ends === undefined ? undefined : vague(dice, ends);
  if (ended && JSON.stringify(ended.date) === JSON.stringify(arrested.date)) {
    ended = vague(dice, ends!, 'exact');
  }
  const reason: ReleaseReason | undefined =
    ended === undefined || endRoll === 'released-no-reason'
      ? undefined
      : endRoll === 'died'
        ? 'death_in_custody'
        : dice.pick(releaseReasons);

  // Isolation: a period on a detention, a chain across the transfer, or a status entry.
  const isolation = dice.weighted([
    [70, 'none'],
    [12, 'period'],
    [8, 'chain'],
    [8, 'status'],
    [2, 'whereabouts'],
  ] as const);
  const isolatedFrom = arrest + dice.int(0, 150);

  const detentions: { id: string; body: Body; facts: DetentionFacts }[] = [];
  const custody = transferred === undefined ? [arrested] : [arrested, transferred];
  custody.forEach((from, i) => {
    const last = i === custody.length - 1;
    const to = last ? ended : transferred;
    const id = vault.nextId('detention');
    const body: Body = {
      personId,
      caseId,
      from: from.date,
      regime: i === 0 ? 'pretrial' : dice.pick(['general', 'strict', 'reinforced'] as const),
      ...(to && { to: to.date }),
      ...(last && reason && { releaseReason: reason }),
    };
    detentions.push({
      id,
      body,
      facts: {
        id,
        personId,
        ...(to && { to: to.span }),
        ...(last && reason && { releaseReason: reason }),
        transfer: !last,
        incommunicado: [],
      },
    });
  });

  const startDay = (i: number) => (i === 0 ? arrest : transferDay!);
  const endOf = (i: number) => (i === custody.length - 1 ? ends : transferDay);
  // Returns early when the isolation would begin after the detention it belongs to ended.
  const isolate = (): void => {
    if (isolation === 'period' || (isolation === 'chain' && custody.length === 1)) {
      // In whichever detention the day falls, up to its own end or a recorded one.
      const i = custody.length === 2 && isolatedFrom >= transferDay! ? 1 : 0;
      const startsDay = Math.max(isolatedFrom, startDay(i));
      const detentionEnd = endOf(i);
      if (detentionEnd !== undefined && startsDay >= detentionEnd - 1) return;
      const from = vague(dice, startsDay);
      const closeDay = dice.chance(0.5) ? startsDay + dice.int(30, 500) : undefined;
      const closes =
        closeDay !== undefined && (detentionEnd === undefined || closeDay < detentionEnd);
      const to = closes ? vague(dice, closeDay!) : undefined;
      const detention = detentions[i]!;
      detention.body.incommunicadoPeriods = [{ from: from.date, ...(to && { to: to.date }) }];
      const effectiveEnd = to?.span ?? detention.facts.to;
      detention.facts.incommunicado.push({
        from: from.span,
        ...(effectiveEnd && { to: effectiveEnd }),
      });
    } else if (isolation === 'chain') {
      // Isolated from some day in SIZO, through the transfer, on into the colony.
      const from = vague(dice, Math.min(isolatedFrom, transferDay! - 1));
      const [first, second] = detentions as [(typeof detentions)[0], (typeof detentions)[0]];
      first.body.incommunicadoPeriods = [{ from: from.date, to: transferred!.date }];
      first.facts.incommunicado.push({ from: from.span, to: transferred!.span });
      second.body.incommunicadoPeriods = [{ from: transferred!.date }];
      second.facts.incommunicado.push({
        from: transferred!.span,
        ...(second.facts.to && { to: second.facts.to }),
      });
    } else if (isolation === 'status' || isolation === 'whereabouts') {
      const from = vague(dice, isolatedFrom);
      const closeDay = dice.chance(0.4) ? isolatedFrom + dice.int(30, 600) : undefined;
      const end =
        closeDay === undefined
          ? undefined
          : { to: vague(dice, closeDay), learned: learnedAfter(dice, closeDay) };
      const draft = status(
        dice,
        isolation === 'status' ? 'incommunicado' : 'whereabouts_unknown',
        from,
        learnedAfter(dice, isolatedFrom),
        end,
      );
      statuses.push(
        dice.chance(0.1) ? retract(draft, draft.fact.recorded + dice.int(1, 60)) : draft,
      );
    }
  };
  isolate();
  for (const { id, body, facts } of detentions) {
    vault.put('detention', id, body);
    vault.ledger.detentions.push(facts);
  }

  // Criminal proceedings: usually one, sometimes a second conviction (art. 411 in the colony).
  const trials = dice.chance(0.12) ? 2 : 1;
  let verdictDay = arrest + dice.int(30, 300);
  for (let t = 0; t < trials; t += 1) {
    const outcome =
      reason === 'released_pending_trial'
        ? undefined
        : t === 1
          ? 'convicted'
          : dice.weighted([
              [86, 'convicted'],
              [4, 'acquitted'],
              [3, 'terminated'],
              [7, undefined],
            ] as const);
    const charges = t === 1 ? ['cc-411'] : dice.subset(criminalArticles, 1, 3);
    const dated = outcome === undefined || dice.chance(0.04) ? undefined : vague(dice, verdictDay);
    const id = vault.nextId('proceeding');
    vault.put('proceeding', id, {
      personId,
      caseId,
      kind: 'criminal',
      charges,
      ...(outcome && {
        verdict: { outcome, ...(dated && { date: dated.date }) },
        ...(outcome === 'convicted' && {
          sentence: { prisonMonths: dice.int(12, 180), regime: 'general' },
        }),
      }),
    });
    vault.ledger.proceedings.push({
      id,
      personId,
      kind: 'criminal',
      charges,
      ...(outcome && { verdict: { outcome, date: dated?.span ?? undated } }),
      jailTerm: false,
      fine: false,
      communityService: false,
    });
    verdictDay += dice.int(1, 200);
  }

  // Political-prisoner status, recognised some days after arrest and ended at release.
  if (dice.chance(0.85)) {
    const recognisedDay = arrest + dice.int(0, Math.min(90, (ends ?? endOfRecords) - arrest - 1));
    const recognised = vague(dice, recognisedDay);
    const end =
      ends === undefined ? undefined : { to: vague(dice, ends), learned: learnedAfter(dice, ends) };
    const recorded = learnedAfter(dice, recognisedDay);
    const right = status(dice, 'political_prisoner', recognised, recorded, end);
    if (dice.chance(0.12)) {
      // First entered with a wrong start, found out, and entered again the day of retraction.
      const wrongDay = Math.max(firstStart, recognisedDay + dice.int(-200, 200));
      const wrong = status(
        dice,
        'political_prisoner',
        vague(dice, wrongDay),
        Math.min(recorded, wrongDay + 5),
      );
      const retracted = wrong.fact.recorded + dice.int(1, 120);
      statuses.push(retract(wrong, retracted));
      const again = Math.max(recorded, retracted);
      statuses.push(
        status(
          dice,
          'political_prisoner',
          recognised,
          again,
          end && { ...end, learned: Math.max(end.learned, again) },
        ),
      );
    } else {
      statuses.push(right);
    }
  }
  if (dice.chance(0.3)) {
    statuses.push(status(dice, 'detained', vague(dice, arrest), learnedAfter(dice, arrest)));
  }
  if (reason === 'death_in_custody') {
    if (dice.chance(0.6)) {
      statuses.push(status(dice, 'died_in_custody', vague(dice, ends!), learnedAfter(dice, ends!)));
    }
    vault.addCase('death-in-custody', vague(dice, ends!), personId);
  } else if (ends !== undefined && dice.chance(0.3)) {
    statuses.push(status(dice, 'released', vague(dice, ends), learnedAfter(dice, ends)));
  } else if (ends === undefined && dice.chance(0.05)) {
    // A report of a death that proved false: entered, then retracted.
    const rumour = dice.int(arrest + 30, lastStart);
    const reported = status(
      dice,
      'died_in_custody',
      vague(dice, rumour),
      learnedAfter(dice, rumour),
    );
    statuses.push(retract(reported, reported.fact.recorded + dice.int(1, 30)));
  }
}

/** Someone tried under the Code of Administrative Offences, once or a few times. */
function administrativeStory(vault: VaultBuilder, personId: string) {
  const { dice } = vault;
  let verdictDay = dice.int(firstStart, lastStart);
  const trials = dice.int(1, 3);
  for (let t = 0; t < trials && verdictDay <= endOfRecords; t += 1) {
    const caseId = vault.addCase(
      'administrative-prosecution',
      dice.chance(0.05) ? undefined : vague(dice, verdictDay),
      personId,
    );
    const hasVerdict = dice.chance(0.96);
    const outcome = dice.weighted([
      [90, 'convicted'],
      [5, 'terminated'],
      [5, 'acquitted'],
    ] as const);
    const dated = dice.chance(0.03) ? undefined : vague(dice, verdictDay);
    const kinds =
      outcome === 'convicted'
        ? dice.weighted([
            [45, ['jail']],
            [33, ['fine']],
            [5, ['community']],
            [5, ['jail', 'fine']],
            [3, ['fine', 'community']],
            [2, ['zero-jail']],
            [7, []],
          ] as const)
        : [];
    const has = (kind: string) => (kinds as readonly string[]).includes(kind);
    const jailDays = has('jail') ? dice.int(1, 30) : has('zero-jail') ? 0 : undefined;
    const sentence: Body = {
      ...(jailDays !== undefined && { jailDays }),
      ...(has('fine') && { fine: { amount: dice.int(1, 50) * 40, currency: 'BYN' } }),
      ...(has('community') && { communityServiceHours: dice.int(8, 240) }),
    };
    const id = vault.nextId('proceeding');
    const charges = [dice.pick(administrativeArticles)];
    vault.put('proceeding', id, {
      personId,
      caseId,
      kind: 'administrative',
      charges,
      ...(hasVerdict && { verdict: { outcome, ...(dated && { date: dated.date }) } }),
      ...(hasVerdict && Object.keys(sentence).length > 0 && { sentence }),
    });
    vault.ledger.proceedings.push({
      id,
      personId,
      kind: 'administrative',
      charges,
      ...(hasVerdict && { verdict: { outcome, date: dated?.span ?? undated } }),
      jailTerm: hasVerdict && (jailDays ?? 0) > 0,
      fine: hasVerdict && has('fine'),
      communityService: hasVerdict && has('community'),
    });
    if (hasVerdict && jailDays !== undefined && jailDays > 0) {
      // Administrative arrests are recorded to the day: a jail term is served from the verdict.
      const detentionId = vault.nextId('detention');
      const released = verdictDay + jailDays;
      vault.put('detention', detentionId, {
        personId,
        caseId,
        from: { date: isoOf(verdictDay) },
        regime: 'administrative_arrest',
        ...(released <= endOfRecords && { to: { date: isoOf(released) }, releaseReason: 'served' }),
      });
      vault.ledger.detentions.push({
        id: detentionId,
        personId,
        ...(released <= endOfRecords && {
          to: { lo: released, hi: released, approximate: false },
          releaseReason: 'served' as const,
        }),
        transfer: false,
        incommunicado: [],
      });
    }
    // Spaced so that one arrest never ends on the recorded day the next begins.
    verdictDay += dice.int(45, 400);
  }
}

/** Relatives and others: searched, dismissed, pressured; a few listed as political prisoners by mistake. */
function otherStory(vault: VaultBuilder, personId: string, statuses: StatusDraft[]) {
  const { dice } = vault;
  const events = dice.int(0, 2);
  for (let e = 0; e < events; e += 1) {
    const day = dice.int(firstStart, lastStart);
    vault.addCase(
      dice.pick(['search', 'pressure-on-relatives', 'dismissal', 'listed-as-extremist']),
      dice.chance(0.08) ? undefined : vague(dice, day),
      personId,
    );
  }
  if (dice.chance(0.06)) {
    const day = dice.int(firstStart, lastStart);
    const mistaken = status(dice, 'political_prisoner', vague(dice, day), learnedAfter(dice, day));
    statuses.push(retract(mistaken, mistaken.fact.recorded + dice.int(1, 90)));
  }
}

/** A vault of `people` persons and their records, and the ledger of what it holds. */
export function generateVault(seed: number, people = 300): GeneratedVault {
  const vault = new VaultBuilder(new Dice(seed));
  const { dice } = vault;
  for (let p = 0; p < people; p += 1) {
    const personId = vault.nextId('person');
    const sex = dice.weighted([
      [30, 'female'],
      [60, 'male'],
      [5, 'unknown'],
      [5, undefined],
    ] as const);
    const region = dice.chance(0.92) ? dice.pick(regions) : undefined;
    const statuses: StatusDraft[] = [];
    const story = dice.weighted([
      [55, politicalPrisonerStory],
      [33, administrativeStory],
      [12, otherStory],
    ] as const);
    story(vault, personId, statuses);
    vault.put('person', personId, {
      names: [{ value: `${dice.pick(givenNames)} ${dice.pick(surnames)}`, lang: 'be-Latn' }],
      ...(sex && { sex }),
      ...(region && { region }),
      ...(statuses.length > 0 && { statuses: statuses.map((s) => s.body) }),
    });
    vault.ledger.persons.push({
      id: personId,
      female: sex === 'female',
      region,
      statuses: statuses.map((s) => s.fact),
    });
  }
  return { records: vault.records, ledger: vault.ledger };
}
