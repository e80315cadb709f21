import type Database from 'better-sqlite3';

/** One step of the schema. Versions are consecutive from 1; `PRAGMA user_version` records the last applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
