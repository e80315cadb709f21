import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../../db/store/migrations/runner';
import { migrations } from '../../../../db/store/migrations';
import type { Migration } from '../../../../db/store/migrations/migration';

describe('migration runner', () => {
  it('brings a new database to the latest schema, and is a no-op the second time', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(schemaVersion(db)).toBe(migrations.length);
    migrate(db);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('refuses a database from a newer Casebook and changes nothing', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of Casebook/);
    expect(schemaVersion(db)).toBe(migrations.length + 1);
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
  });

  it('rolls back every step when one fails', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE a (x)') },
    ];
    expect(() => migrate(db, failing)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
  });
});
