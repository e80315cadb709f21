import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { revisions } from '../../../../db/store/migrations/0001-revisions';
import { sealedState } from '../../../../db/store/migrations/0002-sealed-state';
import { concurrentHeads } from '../../../../db/store/migrations/0003-concurrent-heads';
import { attachmentKeys } from '../../../../db/store/migrations/0004-attachment-keys';

describe('migration 0004: attachment keys', () => {
  it('adds a table of wrapped keys by file id, leaving existing records alone', () => {
    const db = new Database(':memory:');
    for (const migration of [revisions, sealedState, concurrentHeads]) migration.up(db);
    db.exec(`INSERT INTO revisions (record_id, revision_id, type, parents, device_id, deleted, sealed)
      VALUES ('p1', 'r1', 'person', '', 'd', 0, x'00');`);
    attachmentKeys.up(db);
    expect(
      db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all('attachment_keys'),
    ).toEqual([
      { name: 'file_id', type: 'TEXT', pk: 1 },
      { name: 'sealed', type: 'BLOB', pk: 0 },
    ]);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(1);
    db.prepare('INSERT INTO attachment_keys (file_id, sealed) VALUES (?, ?)').run(
      'f1',
      Buffer.from([1]),
    );
    expect(() =>
      db
        .prepare('INSERT INTO attachment_keys (file_id, sealed) VALUES (?, ?)')
        .run('f1', Buffer.from([2])),
    ).toThrow(/UNIQUE/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT sealed FROM attachment_keys WHERE file_id = ?')
      .all('f1') as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX|PRIMARY KEY/);
  });
});
