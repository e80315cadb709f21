import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { casebook } from '../../support/cli';
import { passphrase, tempDir } from '../../support/vaults';
import { organisation, receive, send } from './devices';

/** Everything a person can see of a vault: current records, every history, the conflicts. */
function everything(vault: Vault) {
  const records = [...vault.list()];
  const ids = [...records.map((r) => r.id), 'gone'].sort();
  return {
    records,
    history: ids.map((id) => vault.history(id)),
    conflicts: [...vault.conflicts()],
  };
}

describe('restoring a wiped vault from a full bundle', () => {
  it('brings back the same records, the same history and the same conflicts', async () => {
    const [field, hq] = await organisation('field', 'hq');
    const person = (name: string, sex: string) => ({ names: [{ value: name }], sex });
    field!.vault.put('person', person('Марыя', 'female'), { id: 'p1' });
    field!.vault.put('person', person('Gone', 'male'), { id: 'gone' });
    field!.vault.delete('gone');
    await receive(hq!, await send(field!, [hq!]));
    hq!.vault.put('person', person('Марыя', 'unknown'), { id: 'p1' });
    hq!.vault.put('person', person('Ігар', 'male'), { id: 'p2' });
    field!.vault.put('person', person('Марыя', 'male'), { id: 'p1' });
    await receive(field!, await send(hq!, [field!]));
    const before = everything(field!.vault);
    expect(before.conflicts).toHaveLength(1);
    field!.vault.lock();
    hq!.vault.lock();

    const backup = path.join(tempDir(), 'backup.cbundle');
    const bundleEnv = {
      CASEBOOK_PASSPHRASE: passphrase,
      CASEBOOK_BUNDLE_PASSPHRASE: 'the backup passphrase, long',
    };
    const exported = casebook(
      ['--vault', field!.dir, 'bundle', 'export', '--passphrase', '--out', backup],
      { env: bundleEnv },
    );
    expect(exported.status, exported.stderr).toBe(0);
    expect(casebook(['--vault', field!.dir, 'erase', '--yes']).status).toBe(0);
    expect(existsSync(path.join(field!.dir, 'vault.db'))).toBe(false);

    const wrong = casebook(['--vault', field!.dir, 'bundle', 'restore', backup], {
      env: { ...bundleEnv, CASEBOOK_BUNDLE_PASSPHRASE: 'not the backup passphrase' },
    });
    expect(wrong.stderr).toMatch(/That passphrase does not open this bundle/);
    expect(existsSync(path.join(field!.dir, 'keyslots.json'))).toBe(false);

    const newPassphrase = 'a new passphrase after the raid';
    const restored = casebook(['--vault', field!.dir, 'bundle', 'restore', backup], {
      env: { ...bundleEnv, CASEBOOK_PASSPHRASE: newPassphrase },
    });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Vault restored in .*Recovery code.*\n\n {4}[0-9A-Z-]{39}\n/s);
    const vault = await Vault.unlock(field!.dir, newPassphrase);
    expect(everything(vault)).toEqual(before);
    vault.lock();
  });
});
