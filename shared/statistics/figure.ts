import type { Certainty } from './placement';

/**
 * One reason to count one unit: this record puts this person (or case, or sentence) in the
 * figure, certainly or possibly. Figures are built from evidence so that every number comes
 * with the records behind it.
 */
export interface Evidence {
  /** What is counted: a person id, or the record's own id when records are counted. */
  readonly unit: string;
  /** The record that puts the unit in the figure. */
  readonly recordId: string;
  readonly certainty: Certainty;
  /** The dates this evidence was judged on include an approximate one. */
  readonly approximate: boolean;
}

/** The units that count, and the records that make them count, both sorted. */
export interface Tally {
  readonly count: number;
  readonly ids: string[];
  readonly recordIds: string[];
}

/**
 * A number in a review. `count` is certain; `uncertain` holds the units that only possibly
 * belong, so `count + uncertain.count` is the upper bound. `approximateIds` are units, certain
 * or not, counted on an approximate date: "about August" may reach outside the span recorded.
 */
export interface Figure extends Tally {
  readonly uncertain: Tally;
  readonly approximateIds: string[];
}

/** The key under which breakdowns put units that lack the field (no region, no charges). */
export const notRecorded = '(not recorded)';

interface UnitEvidence {
  certain: Set<string>;
  possible: Set<string>;
  approximateCertain: boolean;
  approximatePossible: boolean;
}

/**
 * Counts each unit once: certainly when any evidence is certain (its records are the certain
 * ones), otherwise possibly. A person convicted twice in a period is one person.
 */
export function tally(evidence: Iterable<Evidence>): Figure {
  const units = new Map<string, UnitEvidence>();
  for (const item of evidence) {
    let unit = units.get(item.unit);
    if (!unit) {
      unit = {
        certain: new Set(),
        possible: new Set(),
        approximateCertain: false,
        approximatePossible: false,
      };
      units.set(item.unit, unit);
    }
    if (item.certainty === 'certain') {
      unit.certain.add(item.recordId);
      unit.approximateCertain ||= item.approximate;
    } else {
      unit.possible.add(item.recordId);
      unit.approximatePossible ||= item.approximate;
    }
  }
  const certain = new Accumulator();
  const uncertain = new Accumulator();
  const approximateIds: string[] = [];
  for (const [id, unit] of units) {
    const isCertain = unit.certain.size > 0;
    (isCertain ? certain : uncertain).add(id, isCertain ? unit.certain : unit.possible);
    if (isCertain ? unit.approximateCertain : unit.approximatePossible) approximateIds.push(id);
  }
  return {
    ...certain.tally(),
    uncertain: uncertain.tally(),
    approximateIds: approximateIds.sort(),
  };
}

class Accumulator {
  private readonly ids: string[] = [];
  private readonly recordIds = new Set<string>();

  add(id: string, recordIds: Iterable<string>): void {
    this.ids.push(id);
    for (const recordId of recordIds) this.recordIds.add(recordId);
  }

  tally(): Tally {
    return { count: this.ids.length, ids: this.ids.sort(), recordIds: [...this.recordIds].sort() };
  }
}

/**
 * One figure per key, keys in order. A unit under several keys (a prisoner charged under two
 * articles) counts under each, so the parts may add up to more than the whole.
 */
export function breakdown(
  evidence: Iterable<Evidence>,
  keysOf: (item: Evidence) => readonly string[],
): Record<string, Figure> {
  const byKey = new Map<string, Evidence[]>();
  for (const item of evidence) {
    for (const key of keysOf(item)) {
      const items = byKey.get(key);
      if (items) items.push(item);
      else byKey.set(key, [item]);
    }
  }
  const figures: Record<string, Figure> = {};
  for (const key of [...byKey.keys()].sort()) figures[key] = tally(byKey.get(key)!);
  return figures;
}
