import type { SqliteDatabase } from '../store/database';
import type { HeadRevision } from '../store/revisionStore';

const columns =
  'r.seq, r.record_id, r.revision_id, r.type, r.parents, r.device_id, r.deleted, r.sealed, h.heads';

/**
 * The live heads in record id order, a page at a time by key (`record_id > last`), so no
 * SQLite statement stays open between pages: a reader that awaits between pages leaves the
 * connection free for writes, and sees each page as it is when that page is read.
 */
export const headPageQueries = {
  all: `SELECT ${columns} FROM records h JOIN revisions r ON r.seq = h.head_seq
    WHERE h.deleted = 0 AND h.record_id > ? ORDER BY h.record_id LIMIT ?`,
  ofType: `SELECT ${columns} FROM records h JOIN revisions r ON r.seq = h.head_seq
    WHERE h.deleted = 0 AND h.type = ? AND h.record_id > ? ORDER BY h.record_id LIMIT ?`,
} as const;

type Row = [number, string, string, string, string, string, number, Buffer, number];

export function headPageReader(
  db: SqliteDatabase,
  type: string | undefined,
  pageSize: number,
): () => HeadRevision[] {
  const statement = db.prepare(type === undefined ? headPageQueries.all : headPageQueries.ofType);
  statement.raw(true);
  let after = '';
  let done = false;
  return () => {
    if (done) return [];
    const rows = (
      type === undefined ? statement.all(after, pageSize) : statement.all(type, after, pageSize)
    ) as Row[];
    if (rows.length < pageSize) done = true;
    if (rows.length > 0) after = rows[rows.length - 1]![1];
    return rows.map((row) => ({
      seq: row[0],
      recordId: row[1],
      revisionId: row[2],
      type: row[3],
      parents: row[4] === '' ? [] : row[4].split(','),
      device: row[5],
      deleted: row[6] === 1,
      sealed: row[7],
      heads: row[8],
    }));
  };
}
