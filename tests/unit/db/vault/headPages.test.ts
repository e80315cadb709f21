import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../db/store/migrations/runner';
import { headPageQueries } from '../../../../db/vault/headPages';

function plan(sql: string, ...params: unknown[]): string {
  const db = new Database(':memory:');
  migrate(db);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');
}

describe('the pages of listAll', () => {
  it.each([
    ['every type', headPageQueries.all, ['', 500]],
    ['one type', headPageQueries.ofType, ['person', '', 500]],
  ] as const)(
    'for %s, start where the last page ended, in id order, and jump to each revision',
    (_what, sql, params) => {
      const detail = plan(sql, ...params);
      expect(detail).toMatch(/SEARCH h USING PRIMARY KEY \(record_id>\?\)/);
      expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(detail).not.toMatch(/TEMP B-TREE|SCAN/);
    },
  );
});
