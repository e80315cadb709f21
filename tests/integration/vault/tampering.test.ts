import { describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Vault } from '../../../db';
import { newVault, passphrase } from '../../support/vaults';

/** A locked vault with three people, for someone to tamper with. */
async function lockedVault() {
  const { vault, dir } = await newVault();
  for (const id of ['p1', 'p2', 'p3'])
    vault.put('person', { names: [`Person ${id}`], notes: 'x'.repeat(3000) }, { id });
  vault.lock();
  return dir;
}

function withRawDatabase(dir: string, work: (db: Database.Database) => void) {
  const db = new Database(`${dir}/vault.db`);
  try {
    work(db);
  } finally {
    db.close();
  }
}

const sealedOf = (db: Database.Database, id: string) =>
  db.prepare('SELECT sealed FROM revisions WHERE record_id = ?').pluck().get(id) as Buffer;

describe('a tampered vault', () => {
  it('a flipped byte in a ciphertext: that record fails with its name, the others still open', async () => {
    const dir = await lockedVault();
    withRawDatabase(dir, (db) => {
      const sealed = sealedOf(db, 'p2');
      sealed[100]! ^= 0x01;
      db.prepare('UPDATE revisions SET sealed = ? WHERE record_id = ?').run(sealed, 'p2');
    });
    const vault = await Vault.unlock(dir, passphrase);
    expect(() => vault.get('p2')).toThrow(
      /Record p2 \(revision [0-9a-f]{32}\) cannot be opened: its stored ciphertext was altered or damaged/,
    );
    expect(vault.get('p1').body).toMatchObject({ names: ['Person p1'] });
    expect(vault.get('p3').body).toMatchObject({ names: ['Person p3'] });
    expect(() => [...vault.list()]).toThrow(/Record p2/);
    vault.lock();
  });

  it('two ciphertexts swapped between rows: both fail with their names, never show each other', async () => {
    const dir = await lockedVault();
    withRawDatabase(dir, (db) => {
      const [one, three] = [sealedOf(db, 'p1'), sealedOf(db, 'p3')];
      const update = db.prepare('UPDATE revisions SET sealed = ? WHERE record_id = ?');
      update.run(three, 'p1');
      update.run(one, 'p3');
    });
    const vault = await Vault.unlock(dir, passphrase);
    expect(() => vault.get('p1')).toThrow(
      expect.objectContaining({
        code: 'record_damaged',
        message: expect.stringContaining('Record p1'),
      }),
    );
    expect(() => vault.get('p3')).toThrow(
      expect.objectContaining({
        code: 'record_damaged',
        message: expect.stringContaining('Record p3'),
      }),
    );
    expect(vault.get('p2').body).toMatchObject({ names: ['Person p2'] });
    vault.lock();
  });

  it('a tombstone flag flipped in clear does not hide or revive a record silently', async () => {
    const dir = await lockedVault();
    withRawDatabase(dir, (db) => {
      db.prepare('UPDATE revisions SET deleted = 1 WHERE record_id = ?').run('p1');
      db.prepare('UPDATE records SET deleted = 1 WHERE record_id = ?').run('p1');
    });
    const vault = await Vault.unlock(dir, passphrase);
    expect(() => vault.history('p1')).toThrow(/Record p1 .* altered or damaged/);
    vault.lock();
  });

  it.each([
    ['to half its size', (size: number) => Math.floor(size / 2)],
    ['to a few bytes', () => 10],
    ['to nothing', () => 0],
  ])(
    'a database file truncated %s: a clear error naming the file, nothing written',
    async (_what, newSize) => {
      const dir = await lockedVault();
      const file = `${dir}/vault.db`;
      truncateSync(file, newSize(statSync(file).size));
      const before = readFileSync(file);
      const attempt = async () => {
        const vault = await Vault.unlock(dir, passphrase);
        try {
          for (const id of ['p1', 'p2', 'p3']) vault.get(id);
          Array.from(vault.list());
        } finally {
          vault.lock();
        }
      };
      await expect(attempt()).rejects.toMatchObject({
        code: 'database_damaged',
        message: expect.stringContaining(file),
      });
      expect(readFileSync(file).equals(before)).toBe(true);
    },
  );

  it('a damaged key file: a clear error naming it', async () => {
    const dir = await lockedVault();
    writeFileSync(`${dir}/keyslots.json`, '{"format": "casebook-keyslots", "version": 1, "slo');
    await expect(Vault.unlock(dir, passphrase)).rejects.toMatchObject({
      code: 'keyslots_damaged',
      message: expect.stringContaining('keyslots.json'),
    });
  });

  it("another vault's key file: refused, not mixed", async () => {
    const dir = await lockedVault();
    const other = await lockedVault();
    writeFileSync(`${dir}/keyslots.json`, readFileSync(`${other}/keyslots.json`));
    await expect(Vault.unlock(dir, passphrase)).rejects.toMatchObject({ code: 'keyslots_damaged' });
  });
});
