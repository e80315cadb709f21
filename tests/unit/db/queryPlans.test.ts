import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../db/store/migrations/runner';
import { revisionQueries } from '../../../db/store/revisionStore';

/** The hot queries must stay index lookups as the vault grows; a full SCAN here means a slow vault. */
function plan(sql: string, ...params: unknown[]): string {
  const db = new Database(':memory:');
  migrate(db);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');
}

describe('query plans of the hot queries', () => {
  it.each([['head'], ['headPointer']] as const)('%s reads by two primary keys', (name) => {
    const detail = plan(revisionQueries[name], 'x');
    expect(detail).toMatch(/SEARCH h USING PRIMARY KEY \(record_id=\?\)/);
    expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/SCAN/);
  });

  it('history reads through the record index', () => {
    expect(plan(revisionQueries.history, 'x')).toMatch(
      /SEARCH r USING INDEX revisions_by_record \(record_id=\?\)/,
    );
  });

  it('listing heads walks the head table in id order and jumps to each revision', () => {
    const detail = plan(revisionQueries.heads);
    expect(detail).toMatch(/SCAN h/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
  });

  it("merging reads a record's links and one revision through the record index", () => {
    expect(plan(revisionQueries.links, 'x')).toMatch(
      /SEARCH revisions USING INDEX revisions_by_record \(record_id=\?\)/,
    );
    expect(plan(revisionQueries.revision, 'x', 'y')).toMatch(
      /SEARCH r USING INDEX revisions_by_record \(record_id=\? AND revision_id=\?\)/,
    );
  });

  it('a bundle pages through the revision log by sequence number', () => {
    expect(plan(revisionQueries.revisionsBetween, 0, 10, 500)).toMatch(
      /SEARCH r USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
    );
  });
});
