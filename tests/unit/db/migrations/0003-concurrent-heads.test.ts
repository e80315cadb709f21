import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { revisions } from '../../../../db/store/migrations/0001-revisions';
import { sealedState } from '../../../../db/store/migrations/0002-sealed-state';
import { concurrentHeads } from '../../../../db/store/migrations/0003-concurrent-heads';

function schema2WithOneRecord() {
  const db = new Database(':memory:');
  revisions.up(db);
  sealedState.up(db);
  db.exec(`INSERT INTO revisions (record_id, revision_id, type, parents, device_id, deleted, sealed)
    VALUES ('p1', 'r1', 'person', '', 'd', 0, x'00');
    INSERT INTO records (record_id, type, head_seq, deleted) VALUES ('p1', 'person', 1, 0);`);
  return db;
}

describe('migration 0003: concurrent heads', () => {
  it('counts the heads of every existing record as one, and adds the sealed settings table', () => {
    const db = schema2WithOneRecord();
    concurrentHeads.up(db);
    expect(db.prepare('SELECT record_id, head_seq, heads FROM records').all()).toEqual([
      { record_id: 'p1', head_seq: 1, heads: 1 },
    ]);
    expect(
      db.prepare('SELECT name, type FROM pragma_table_info(?)').all('sealed_settings'),
    ).toEqual([
      { name: 'name', type: 'TEXT' },
      { name: 'sealed', type: 'BLOB' },
    ]);
  });

  it('refuses a record with no head, and finds records with several heads through an index', () => {
    const db = schema2WithOneRecord();
    concurrentHeads.up(db);
    expect(() => db.prepare("UPDATE records SET heads = 0 WHERE record_id = 'p1'").run()).toThrow(
      /CHECK/,
    );
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT record_id FROM records WHERE heads > 1 ORDER BY record_id',
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/records_with_concurrent_heads/);
  });
});
