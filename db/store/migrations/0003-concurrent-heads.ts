import type { Migration } from './migration';

/**
 * Hand sync (docs/bundle.md). A record merged from several devices can have more than one
 * head: revisions written concurrently, none of which saw the others. `records.heads` counts
 * them, so the hot path (one head) stays one lookup and only merged records pay for a merge;
 * `head_seq` is then the newest head and `deleted` is 1 only when every head is a tombstone.
 * `sealed_settings` keeps what belongs to this vault and is not a record: the device identity,
 * the devices it trusts, the log of bundles sent and received. All of it sealed.
 */
export const concurrentHeads: Migration = {
  version: 3,
  name: 'concurrent-heads',
  up(db) {
    db.exec(`
      ALTER TABLE records ADD COLUMN heads INTEGER NOT NULL DEFAULT 1 CHECK (heads >= 1);
      CREATE INDEX records_with_concurrent_heads ON records (record_id) WHERE heads > 1;

      CREATE TABLE sealed_settings (
        name TEXT PRIMARY KEY,
        sealed BLOB NOT NULL
      );
    `);
  },
};
