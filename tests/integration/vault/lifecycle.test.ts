import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Vault } from '../../../db';
import { newVault, passphrase, snapshot, tempDir } from '../../support/vaults';

describe('a vault on disk', () => {
  it('keeps what was put, as revisions, across lock and unlock', async () => {
    const { vault, dir } = await newVault();
    const first = vault.put('person', { names: ['Ales Bialiacki'] }, { id: 'p1' });
    const second = vault.put(
      'person',
      { names: ['Aleś Bialiacki', 'Алесь Бяляцкі'] },
      { id: 'p1' },
    );
    const other = vault.put('case', { title: 'Search of the Viasna office' });
    vault.lock();
    expect(vault.isLocked).toBe(true);
    expect(() => vault.get('p1')).toThrow(/locked/);

    const again = await Vault.unlock(dir, passphrase);
    const head = again.get('p1');
    expect(head).toMatchObject({
      id: 'p1',
      type: 'person',
      revision: second.revision,
      parents: [first.revision],
    });
    expect(head.body).toEqual({ names: ['Aleś Bialiacki', 'Алесь Бяляцкі'] });
    expect(again.history('p1').map((r) => r.revision)).toEqual([first.revision, second.revision]);
    expect([...again.list()].map((r) => r.id).sort()).toEqual([other.id, 'p1'].sort());
    expect([...again.list({ type: 'case' })].map((r) => r.id)).toEqual([other.id]);
    again.lock();
  });

  it('deletes with a tombstone and keeps the history', async () => {
    const { vault } = await newVault();
    const put = vault.put('person', { names: ['Ihar Losik'] }, { id: 'p2' });
    const tomb = vault.delete('p2');
    expect(() => vault.get('p2')).toThrow(/was deleted/);
    expect([...vault.list()]).toEqual([]);
    const history = vault.history('p2');
    expect(history.map((r) => [r.revision, r.deleted, r.body])).toEqual([
      [put.revision, false, { names: ['Ihar Losik'] }],
      [tomb.revision, true, null],
    ]);
    expect(() => vault.delete('p2')).toThrow(/already deleted/);
    const revived = vault.put('person', { names: ['Ihar Losik'] }, { id: 'p2' });
    expect(vault.get('p2').parents).toEqual([tomb.revision]);
    expect(revived.id).toBe('p2');
    vault.lock();
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { vault, dir } = await newVault();
    vault.put('person', { names: ['A'] }, { id: 'p3' });
    vault.lock();
    const before = snapshot(dir);
    const reopened = await Vault.unlock(dir, passphrase);
    expect(() => reopened.put('Person!', {})).toThrow(/record type/);
    expect(() => reopened.put('person', {}, { id: 'Марыя' })).toThrow(/never put a name in one/);
    expect(() => reopened.put('case', {}, { id: 'p3' })).toThrow(/is a person, not a case/);
    expect(() => reopened.put('person', [] as never)).toThrow(/JSON object/);
    expect(() => reopened.get('nope')).toThrow(/no record nope/);
    expect(() => reopened.get('Марыя Калеснікава')).toThrow(/no record with that id/);
    reopened.lock();
    expect(snapshot(dir)).toEqual(before);
  });

  it('runs a batch as one transaction: all writes land, or none', async () => {
    const { vault } = await newVault();
    expect(() =>
      vault.batch(() => {
        vault.put('person', { n: 1 }, { id: 'b1' });
        vault.put('case', { n: 2 }, { id: 'b1' });
      }),
    ).toThrow(/not a case/);
    expect(() => vault.get('b1')).toThrow(/no record b1/);
    vault.batch(() => {
      for (let i = 0; i < 10; i++) vault.put('person', { n: i }, { id: `b${i}` });
    });
    expect([...vault.list()]).toHaveLength(10);
    vault.lock();
  });

  it('will not make a vault over another one', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    await expect(Vault.create(dir, passphrase)).rejects.toThrow(/already a vault/);
  });

  it('says plainly that a folder holds no vault', async () => {
    await expect(Vault.unlock(tempDir(), passphrase)).rejects.toMatchObject({ code: 'no_vault' });
  });

  it('refuses a short passphrase at creation', async () => {
    await expect(Vault.create(tempDir(), 'short')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('secrets', () => {
  it('a wrong passphrase opens nothing, says so, and changes no byte', async () => {
    const { vault, dir } = await newVault();
    vault.put('person', { names: ['Mikalai Statkevich'] });
    vault.lock();
    const before = snapshot(dir);
    await expect(Vault.unlock(dir, 'correct horse battery stapler')).rejects.toMatchObject({
      code: 'wrong_secret',
      message: expect.stringMatching(/does not open this vault\. Nothing was changed/),
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('the recovery code opens the vault, however it is typed', async () => {
    const { vault, dir, recoveryCode } = await newVault();
    vault.put('person', { names: ['Viktar Babaryka'] }, { id: 'p4' });
    vault.lock();
    const opened = await Vault.unlock(dir, recoveryCode.toLowerCase().replace(/-/g, ' '));
    expect(opened.get('p4').body).toEqual({ names: ['Viktar Babaryka'] });
    opened.lock();
  });

  it('after a passphrase change the old one fails, the new one and the recovery code open, the data is intact', async () => {
    const { vault, dir, recoveryCode } = await newVault();
    const written = vault.put('person', { names: ['Siarhei Tsikhanouski'] }, { id: 'p5' });
    vault.lock();
    const sealedBefore = readFileSync(`${dir}/vault.db`);
    const unlocked = await Vault.unlock(dir, passphrase);
    unlocked.changePassphrase('a different long passphrase');
    unlocked.lock();
    await expect(Vault.unlock(dir, passphrase)).rejects.toMatchObject({ code: 'wrong_secret' });
    for (const secret of ['a different long passphrase', recoveryCode]) {
      const opened = await Vault.unlock(dir, secret);
      expect(opened.get('p5')).toMatchObject({
        revision: written.revision,
        body: { names: ['Siarhei Tsikhanouski'] },
      });
      opened.lock();
    }
    // Rewrapping the key never re-encrypts records: the database file is untouched by it.
    expect(readFileSync(`${dir}/vault.db`).equals(sealedBefore)).toBe(true);
  });

  it('a passphrase typed with composed or decomposed letters is the same passphrase', async () => {
    const dir = `${tempDir()}/v`;
    const { vault } = await Vault.create(dir, 'Łukašenka nie\u0301 vieryć', {
      kdfCost: { opslimit: 1, memlimit: 8 * 1024 * 1024 },
    });
    vault.lock();
    (await Vault.unlock(dir, 'Łukašenka nié vieryć')).lock();
  });

  it('lock wipes the vault key and every subkey', async () => {
    const { vault } = await newVault();
    // Reaching into private fields on purpose: the keys are not exposed, and must not be.
    const keys = vault as unknown as {
      vaultKey: Uint8Array;
      cipher: { box: { key: Uint8Array } };
      stateBox: { key: Uint8Array };
    };
    const held = [keys.vaultKey, keys.cipher.box.key, keys.stateBox.key];
    expect(held.every((key) => key.some((b) => b !== 0))).toBe(true);
    vault.lock();
    expect(held.every((key) => key.every((b) => b === 0))).toBe(true);
  });
});

describe('emergency erase', () => {
  it('after erase neither the passphrase nor the recovery code opens the vault', async () => {
    const { vault, dir, recoveryCode } = await newVault();
    vault.put('person', { names: ['Maryja Kalesnikava'] });
    vault.erase();
    for (const secret of [passphrase, recoveryCode]) {
      await expect(Vault.unlock(dir, secret)).rejects.toMatchObject({ code: 'no_vault' });
    }
  });

  it('destroying the keyslots alone makes the database unreadable', async () => {
    const { vault, dir, recoveryCode } = await newVault();
    vault.put('person', { names: ['Maryja Kalesnikava'] });
    vault.lock();
    const { shredKeyslotFile } = await import('../../../db/vault/keyslotFile');
    shredKeyslotFile(`${dir}/keyslots.json`);
    for (const secret of [passphrase, recoveryCode]) {
      await expect(Vault.unlock(dir, secret)).rejects.toMatchObject({ code: 'keys_destroyed' });
    }
  });
});
