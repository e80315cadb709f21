import type { Migration } from './migration';

/**
 * Derived data kept encrypted between sessions (the search index first). `up_to_seq` is the
 * last revision the state reflects, so a reader catches up with only what came after it.
 */
export const sealedState: Migration = {
  version: 2,
  name: 'sealed-state',
  up(db) {
    db.exec(`
      CREATE TABLE sealed_state (
        name TEXT PRIMARY KEY,
        up_to_seq INTEGER NOT NULL,
        sealed BLOB NOT NULL
      );
    `);
  },
};
