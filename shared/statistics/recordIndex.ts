import type { Case, Detention, Person, Proceeding, RecordBody, RecordType } from '../model';

/** A record as statistics read it: its id, its type, and its body as `parseRecord` returned it. */
export type StatisticsRecord = {
  [T in RecordType]: { readonly id: string; readonly type: T; readonly body: RecordBody<T> };
}[RecordType];

export interface Stored<T> {
  readonly id: string;
  readonly body: T;
}

/**
 * The records figures read, gathered once: the input may be a one-pass iterable (a vault
 * cursor), and every figure needs people's sex and region, or a person's other detentions.
 * Testimonies, sources, acts and vocabularies are not counted by any figure yet.
 */
export interface RecordIndex {
  readonly persons: ReadonlyMap<string, Person>;
  readonly cases: readonly Stored<Case>[];
  readonly detentions: readonly Stored<Detention>[];
  readonly proceedings: readonly Stored<Proceeding>[];
  readonly detentionsByPerson: ReadonlyMap<string, readonly Stored<Detention>[]>;
  readonly proceedingsByPerson: ReadonlyMap<string, readonly Stored<Proceeding>[]>;
}

export function indexRecords(records: Iterable<StatisticsRecord>): RecordIndex {
  const persons = new Map<string, Person>();
  const cases: Stored<Case>[] = [];
  const detentions: Stored<Detention>[] = [];
  const proceedings: Stored<Proceeding>[] = [];
  for (const record of records) {
    switch (record.type) {
      case 'person':
        persons.set(record.id, record.body);
        break;
      case 'case':
        cases.push({ id: record.id, body: record.body });
        break;
      case 'detention':
        detentions.push({ id: record.id, body: record.body });
        break;
      case 'proceeding':
        proceedings.push({ id: record.id, body: record.body });
        break;
      default:
        break;
    }
  }
  return {
    persons,
    cases,
    detentions,
    proceedings,
    detentionsByPerson: groupByPerson(detentions),
    proceedingsByPerson: groupByPerson(proceedings),
  };
}

function groupByPerson<T extends { readonly personId: string }>(
  records: readonly Stored<T>[],
): Map<string, Stored<T>[]> {
  const byPerson = new Map<string, Stored<T>[]>();
  for (const record of records) {
    const list = byPerson.get(record.body.personId);
    if (list) list.push(record);
    else byPerson.set(record.body.personId, [record]);
  }
  return byPerson;
}

/** Women, as every review counts them ("1,405 political prisoners, 170 of them women"). */
export function isWoman(index: RecordIndex, personId: string): boolean {
  return index.persons.get(personId)?.sex === 'female';
}
