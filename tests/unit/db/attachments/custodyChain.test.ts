import { describe, expect, it } from 'vitest';
import {
  custodyEntry,
  custodyEntryHash,
  custodyProblems,
} from '../../../../db/attachments/custody';
import type { CustodyEntry } from '../../../../shared/model';

const sha = 'a'.repeat(64);
const at = '2024-05-02T10:00:00.000Z';

function after(previous: CustodyEntry | null, index: number, purpose?: string): CustodyEntry {
  return custodyEntry(
    'file-1',
    index,
    { action: index === 0 ? 'intake' : 'export', sha256: sha, at, purpose },
    previous && custodyEntryHash(previous),
  );
}

const anchorOf = (entries: CustodyEntry[]) => ({
  count: entries.length,
  head: custodyEntryHash(entries.at(-1)!),
});

describe('the custody chain', () => {
  const intake = after(null, 0);
  const first = after(intake, 1, 'lawyer');
  const second = after(first, 2, 'UN');

  it('accepts a line of entries that ends at its anchor', () => {
    const log = [intake, first, second];
    expect(custodyProblems('file-1', log, anchorOf(log))).toEqual([]);
  });

  it('accepts entries two devices added at the same time, merged by a bundle', () => {
    const here = after(first, 2, 'from this laptop');
    const there = after(first, 2, 'from headquarters');
    const next = after(there, 3, 'after the merge');
    const log = [intake, first, here, there, next];
    expect(custodyProblems('file-1', log, anchorOf(log))).toEqual([]);
  });

  it('reports a gap, a reordering, an entry of another file and a log shorter than its anchor', () => {
    expect(custodyProblems('file-1', [intake, second], anchorOf([intake, second]))).toEqual([
      'entry 2 (number 2) does not follow an entry before it: an entry was altered, removed or moved',
    ]);
    expect(
      custodyProblems('file-1', [intake, second, first], anchorOf([intake, second, first])),
    ).toContainEqual(expect.stringMatching(/^entry 2 \(number 2\) does not follow/));
    expect(custodyProblems('file-2', [intake], anchorOf([intake]))).toEqual([
      'entry 1 belongs to another file',
    ]);
    expect(custodyProblems('file-1', [intake, first], anchorOf([intake, first, second]))).toEqual([
      'the log has 2 entries where 3 were written: entries were removed or added outside Casebook',
    ]);
    expect(
      custodyProblems('file-1', [intake, first], { count: 2, head: custodyEntryHash(intake) }),
    ).toEqual(['the newest entry is not the one that was written last']);
    expect(custodyProblems('file-1', [first], anchorOf([first]))).toEqual([
      'the first entry is not the intake',
    ]);
  });
});
