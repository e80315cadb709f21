import { earliestDay, latestDay, type FuzzyDate, type IsoDay } from '../dates';
import { dayNumber } from './dayNumber';
import { tally, type Evidence, type Figure } from './figure';
import { isApproximate } from './placement';
import type { RecordIndex } from './recordIndex';

/**
 * One stretch of time without contact, from one record: an `incommunicado` or
 * `whereabouts_unknown` status entry, or an incommunicado period of a detention. `end` is the
 * first day with contact again; undefined while it lasts.
 */
interface Spell {
  readonly recordId: string;
  readonly start: FuzzyDate;
  readonly end: FuzzyDate | undefined;
}

/** Days as numbers, half-open: [from, to). Infinite when a date is open or a spell lasts. */
interface Days {
  readonly from: number;
  readonly to: number;
}

/**
 * People held incommunicado on `day` for more than `longerThanDays` days: without a day of
 * contact since `longerThanDays` days before `day` or earlier, as known today.
 *
 * Spells join: a person moved from SIZO to a colony is recorded as two detentions, each with
 * its incommunicado period, and is no less isolated for it. The certain figure joins the days
 * each spell certainly covers; the upper bound joins the days each possibly covers.
 */
export function heldIncommunicado(index: RecordIndex, day: IsoDay, longerThanDays: number): Figure {
  const today = dayNumber(day);
  const since = today - longerThanDays;
  const evidence: Evidence[] = [];
  for (const [personId, spells] of spellsByPerson(index)) {
    for (const certainty of ['certain', 'possible'] as const) {
      const cover = certainty === 'certain' ? certainlyCovered : possiblyCovered;
      const run = runThrough(spells, cover, today);
      if (!run || run.days.from > since) continue;
      for (const spell of run.spells) {
        const approximate = isApproximate(spell.start) || isApproximate(spell.end);
        evidence.push({ unit: personId, recordId: spell.recordId, certainty, approximate });
      }
    }
  }
  return tally(evidence);
}

function spellsByPerson(index: RecordIndex): Map<string, Spell[]> {
  const byPerson = new Map<string, Spell[]>();
  const add = (personId: string, spell: Spell) => {
    const spells = byPerson.get(personId);
    if (spells) spells.push(spell);
    else byPerson.set(personId, [spell]);
  };
  for (const [personId, person] of index.persons) {
    for (const entry of person.statuses ?? []) {
      if (entry.kind !== 'incommunicado' && entry.kind !== 'whereabouts_unknown') continue;
      if (entry.retractedAt !== undefined) continue;
      add(personId, { recordId: personId, start: entry.validFrom, end: entry.validTo });
    }
  }
  for (const { id, body } of index.detentions) {
    for (const period of body.incommunicadoPeriods ?? []) {
      // A period left open ends, at the latest, with the detention it belongs to.
      add(body.personId, { recordId: id, start: period.from, end: period.to ?? body.to });
    }
  }
  return byPerson;
}

/** From the last day the start may mean to the first day the end may mean. */
function certainlyCovered(spell: Spell): Days {
  const start = latestDay(spell.start);
  const end = spell.end === undefined ? Infinity : dayOrInfinity(earliestDay(spell.end), -1);
  return { from: start === null ? Infinity : dayNumber(start), to: end };
}

/** From the first day the start may mean to the last day the end may mean. */
function possiblyCovered(spell: Spell): Days {
  const start = earliestDay(spell.start);
  const end = spell.end === undefined ? Infinity : dayOrInfinity(latestDay(spell.end), 1);
  return { from: start === null ? -Infinity : dayNumber(start), to: end };
}

function dayOrInfinity(day: IsoDay | null, sign: 1 | -1): number {
  return day === null ? sign * Infinity : dayNumber(day);
}

/**
 * The unbroken stretch of covered days that contains `today`, and the spells that make it up.
 * Spells that touch (one ends the day the next starts) join, as half-open spans do.
 */
function runThrough(
  spells: readonly Spell[],
  cover: (spell: Spell) => Days,
  today: number,
): { days: Days; spells: Spell[] } | undefined {
  const covered = spells
    .map((spell) => ({ spell, days: cover(spell) }))
    .filter(({ days }) => days.from < days.to)
    // Compared, not subtracted: two open starts are both -Infinity, and their difference NaN.
    .sort((a, b) => (a.days.from < b.days.from ? -1 : a.days.from > b.days.from ? 1 : 0));
  let run: { days: { from: number; to: number }; spells: Spell[] } | undefined;
  for (const { spell, days } of covered) {
    if (run && days.from <= run.days.to) {
      run.days.to = Math.max(run.days.to, days.to);
      run.spells.push(spell);
      continue;
    }
    if (run && run.days.from <= today && today < run.days.to) break;
    run = { days: { ...days }, spells: [spell] };
  }
  return run && run.days.from <= today && today < run.days.to ? run : undefined;
}
