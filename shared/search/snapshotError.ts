/**
 * Why a snapshot of the index cannot be loaded. Each reason has the same remedy, rebuilding
 * the index from the records, but the caller may want to say which it was.
 */
export type SnapshotProblem = 'not_a_snapshot' | 'other_version' | 'damaged';

export class SnapshotUnusable extends Error {
  constructor(
    readonly problem: SnapshotProblem,
    detail: string,
  ) {
    super(`The search index snapshot cannot be used (${detail}); rebuild it from the records.`);
    this.name = 'SnapshotUnusable';
  }
}

export function damaged(detail: string): SnapshotUnusable {
  return new SnapshotUnusable('damaged', detail);
}
