import { describe, expect, it } from 'vitest';
import { statSync, truncateSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Vault } from '../../../db';
import type { RecordRevision } from '../../../shared/records';
import { vaultWithConflict } from '../../support/conflicts';
import { newVault, passphrase, tempDir } from '../../support/vaults';

async function collect(records: AsyncIterable<RecordRevision>): Promise<RecordRevision[]> {
  const all: RecordRevision[] = [];
  for await (const record of records) all.push(record);
  return all;
}

/**
 * More records than fit on one page of listAll (500), of three types, in an order that is not
 * their id order, with edits, deletes and text in several scripts.
 */
async function mixedVault() {
  const { vault, dir } = await newVault();
  vault.batch(() => {
    for (let i = 1_234; i > 0; i--) {
      const type = ['person', 'case', 'source'][i % 3]!;
      vault.put(
        type,
        {
          names: [`Алесь Бяляцкі ${i}`, `Aleś Bialacki ${i}`, `أليس ${i}`],
          notes: 'Затрыманне на вуліцы, 😀 '.repeat(i % 7),
          n: i,
        },
        { id: `r-${String(i).padStart(5, '0')}` },
      );
    }
  });
  for (let i = 5; i <= 1_234; i += 97) vault.put('person', { edited: i }, { id: `r-${i}` });
  for (let i = 3; i <= 1_234; i += 11) vault.delete(`r-${String(i).padStart(5, '0')}`);
  return { vault, dir };
}

/** A locked vault of `count` people, p0001 onwards, for someone to tamper with. */
async function vaultOf(count: number) {
  const { vault, dir } = await newVault();
  vault.batch(() => {
    for (let i = 1; i <= count; i++) {
      const id = `p${String(i).padStart(4, '0')}`;
      vault.put('person', { names: [`Person ${id}`], notes: 'ж'.repeat(300) }, { id });
    }
  });
  vault.lock();
  return dir;
}

const sealedOf = (db: Database.Database, id: string) =>
  db.prepare('SELECT sealed FROM revisions WHERE record_id = ?').pluck().get(id) as Buffer;

function withRawDatabase(dir: string, work: (db: Database.Database) => void) {
  const db = new Database(`${dir}/vault.db`);
  try {
    work(db);
  } finally {
    db.close();
  }
}

describe('liveIds', () => {
  it('gives the ids of list({ type }), in its order, without opening a record', async () => {
    const { vault } = await mixedVault();
    for (const type of ['person', 'case', 'source', 'testimony']) {
      expect(vault.liveIds(type)).toEqual([...vault.list({ type })].map((r) => r.id));
    }
    vault.lock();
    expect(() => vault.liveIds('person')).toThrow(/locked/i);
  });
});

describe('reading the whole vault on opening threads (listAll)', () => {
  it('gives exactly what list() gives, in the same order, with and without a type', async () => {
    const { vault } = await mixedVault();
    try {
      const expected = [...vault.list()];
      expect(expected.length).toBeGreaterThan(1_000);
      expect(expected.some((record) => record.type === 'case')).toBe(true);
      expect(await collect(vault.listAll())).toEqual(expected);
      for (const type of ['person', 'case', 'source', 'testimony']) {
        expect(await collect(vault.listAll({ type }))).toEqual([...vault.list({ type })]);
      }
      expect(vault.openingThreads).toBeGreaterThan(0);
    } finally {
      vault.lock();
    }
  });

  it('a vault of one page is opened on this thread, without starting any', async () => {
    const dir = await vaultOf(20);
    const vault = await Vault.unlock(dir, passphrase);
    try {
      expect(await collect(vault.listAll())).toEqual([...vault.list()]);
      expect(vault.openingThreads).toBe(0);
    } finally {
      vault.lock();
    }
  });

  it('shows a record with concurrent heads merged, as list() does', async () => {
    const dir = `${tempDir()}/vault`;
    await vaultWithConflict(dir);
    const vault = await Vault.unlock(dir, passphrase);
    try {
      const listed = await collect(vault.listAll());
      expect(listed).toEqual([...vault.list()]);
      const merged = listed.find((record) => record.id === 'p1');
      expect(merged?.parents).toHaveLength(2);
    } finally {
      vault.lock();
    }
  });

  it.each([
    ['on an opening thread (a vault of several pages)', 1_200, 'p0800'],
    ['on this thread (a vault of one page)', 3, 'p0002'],
  ])(
    'a tampered ciphertext %s: the records before it arrive, then the error names it',
    async (_where, count, tampered) => {
      const dir = await vaultOf(count);
      withRawDatabase(dir, (db) => {
        const sealed = sealedOf(db, tampered);
        sealed[30]! ^= 0x01;
        db.prepare('UPDATE revisions SET sealed = ? WHERE record_id = ?').run(sealed, tampered);
      });
      const vault = await Vault.unlock(dir, passphrase);
      try {
        const seen: string[] = [];
        const reading = (async () => {
          for await (const record of vault.listAll()) seen.push(record.id);
        })();
        await expect(reading).rejects.toMatchObject({
          code: 'record_damaged',
          message: expect.stringMatching(
            new RegExp(
              `^Record ${tampered} \\(revision [0-9a-f]{32}\\) cannot be opened: its stored ciphertext was altered or damaged`,
            ),
          ),
        });
        expect(seen).toHaveLength(Number(tampered.slice(1)) - 1);
        expect(vault.openingThreads > 0).toBe(count > 500);
      } finally {
        vault.lock();
      }
    },
  );

  it('two ciphertexts swapped between rows on different pages: the first is named', async () => {
    const dir = await vaultOf(1_200);
    withRawDatabase(dir, (db) => {
      const [a, b] = [sealedOf(db, 'p0100'), sealedOf(db, 'p0900')];
      const update = db.prepare('UPDATE revisions SET sealed = ? WHERE record_id = ?');
      update.run(b, 'p0100');
      update.run(a, 'p0900');
    });
    const vault = await Vault.unlock(dir, passphrase);
    try {
      await expect(collect(vault.listAll())).rejects.toMatchObject({
        code: 'record_damaged',
        message: expect.stringContaining('Record p0100 '),
      });
      // Skipping past the first, the second is refused too: nothing is shown under a wrong id.
      await expect(collect(vault.listAll({ type: 'person' }))).rejects.toMatchObject({
        code: 'record_damaged',
      });
    } finally {
      vault.lock();
    }
  });

  it('a truncated database file: the error names the file', async () => {
    const { vault, dir } = await mixedVault();
    vault.lock();
    const file = `${dir}/vault.db`;
    const reopened = await Vault.unlock(dir, passphrase);
    try {
      truncateSync(file, Math.floor(statSync(file).size / 2));
      await expect(collect(reopened.listAll())).rejects.toMatchObject({
        code: 'database_damaged',
        message: expect.stringContaining(file),
      });
    } finally {
      reopened.lock();
    }
  });

  it('locking while a listing runs fails it with "locked" and ends the threads', async () => {
    const { vault } = await mixedVault();
    const listing = vault.listAll();
    const first = await listing.next();
    expect(first.done).toBe(false);
    expect(vault.openingThreads).toBeGreaterThan(0);
    vault.lock();
    await expect(
      (async () => {
        for (;;) if ((await listing.next()).done) return;
      })(),
    ).rejects.toMatchObject({ code: 'locked' });
    await expect.poll(() => vault.openingThreads, { timeout: 5_000 }).toBe(0);
    expect(() => vault.listAll()).toThrow(expect.objectContaining({ code: 'locked' }));
  });

  it('leaves the vault writable between pages, and a caller may stop early', async () => {
    const { vault } = await mixedVault();
    try {
      let read = 0;
      for await (const record of vault.listAll()) {
        // A write while the listing waits: no SQLite statement is held open across pages.
        if (read === 10) vault.put('person', { note: 'written mid-listing' }, { id: 'zz-new' });
        if (++read === 600) break;
        expect(record.deleted).toBe(false);
      }
      expect(vault.get('zz-new').body).toEqual({ note: 'written mid-listing' });
      const all = await collect(vault.listAll());
      expect(all.at(-1)?.id).toBe('zz-new');
    } finally {
      vault.lock();
    }
  });
});
