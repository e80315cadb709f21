import type { Migration } from './migration';

/**
 * Records as immutable revisions (docs/vault-format.md). Only ids, type, revision links and
 * the tombstone flag are in clear; the body and the time it was written are in `sealed`.
 * `records` points at each record's head so reading the current state is one lookup.
 */
export const revisions: Migration = {
  version: 1,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE revisions (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        revision_id TEXT NOT NULL,
        type TEXT NOT NULL,
        parents TEXT NOT NULL,
        device_id TEXT NOT NULL,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        sealed BLOB NOT NULL
      );
      CREATE UNIQUE INDEX revisions_by_record ON revisions (record_id, revision_id);

      CREATE TABLE records (
        record_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        head_seq INTEGER NOT NULL,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1))
      ) WITHOUT ROWID;
    `);
  },
};
