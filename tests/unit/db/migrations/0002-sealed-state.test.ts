import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sealedState } from '../../../../db/store/migrations/0002-sealed-state';

describe('migration 0002: sealed state', () => {
  it('adds a table of named, sealed states with how far into the log each reaches', () => {
    const db = new Database(':memory:');
    sealedState.up(db);
    expect(db.prepare('SELECT name, type FROM pragma_table_info(?)').all('sealed_state')).toEqual([
      { name: 'name', type: 'TEXT' },
      { name: 'up_to_seq', type: 'INTEGER' },
      { name: 'sealed', type: 'BLOB' },
    ]);
  });
});
