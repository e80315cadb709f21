import type { Migration } from './migration';
import { revisions } from './0001-revisions';
import { sealedState } from './0002-sealed-state';
import { concurrentHeads } from './0003-concurrent-heads';
import { attachmentKeys } from './0004-attachment-keys';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [
  revisions,
  sealedState,
  concurrentHeads,
  attachmentKeys,
];
