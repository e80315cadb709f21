import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { revisions } from '../../../../db/store/migrations/0001-revisions';

describe('migration 0001: revisions', () => {
  it('creates the revision, head and meta tables, and nothing that would hold plaintext', () => {
    const db = new Database(':memory:');
    revisions.up(db);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['records', 'revisions', 'vault_meta']);
    const columns = db.prepare('SELECT name, type FROM pragma_table_info(?)').all('revisions');
    expect(columns).toEqual([
      { name: 'seq', type: 'INTEGER' },
      { name: 'record_id', type: 'TEXT' },
      { name: 'revision_id', type: 'TEXT' },
      { name: 'type', type: 'TEXT' },
      { name: 'parents', type: 'TEXT' },
      { name: 'device_id', type: 'TEXT' },
      { name: 'deleted', type: 'INTEGER' },
      { name: 'sealed', type: 'BLOB' },
    ]);
  });

  it('refuses a second revision with the same id on one record', () => {
    const db = new Database(':memory:');
    revisions.up(db);
    const insert = db.prepare(
      "INSERT INTO revisions (record_id, revision_id, type, parents, device_id, deleted, sealed) VALUES ('r', 'x', 't', '', 'd', 0, x'00')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
