import type { Migration } from './migration';

/**
 * Evidence files (docs/attachments.md). Each file's random key is kept here, wrapped, and only
 * here: deleting the row destroys the file, so this table is the one place in the vault where
 * rows are deleted, and it is kept apart from the append-only revisions. The file id is in
 * clear (it is also the body's file name); the key and the custody anchor are sealed.
 */
export const attachmentKeys: Migration = {
  version: 4,
  name: 'attachment-keys',
  up(db) {
    db.exec(`
      CREATE TABLE attachment_keys (
        file_id TEXT PRIMARY KEY,
        sealed BLOB NOT NULL
      );
    `);
  },
};
