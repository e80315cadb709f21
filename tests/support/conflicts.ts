import path from 'node:path';

import { seedDefaultVocabularies } from '../../db/caseRecords';
import { exportBundle, importBundle } from '../../db/bundles';
import { ensureDeviceIdentity, trustDevice } from '../../db/identity';
import type { Vault } from '../../db';
import { newVault, tempDir } from './vaults';

const person = { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }] };

async function send(from: Vault, to: Vault, recipient: string): Promise<void> {
  const file = path.join(tempDir('casebook-conflict-bundles-'), 'bundle.cbundle');
  await exportBundle(from, file, { recipients: [recipient] });
  await importBundle(to, file);
}

/**
 * Headquarters' vault in `dir`, left with one conflict after a bundle from a field laptop
 * (docs/bundle.md): person p1's region and date of birth were changed differently on the two
 * devices after they last synced. Both vaults are locked again; `dir` opens with `passphrase`.
 */
export async function vaultWithConflict(dir: string) {
  const hq = await newVault(dir);
  const field = await newVault();
  try {
    seedDefaultVocabularies(hq.vault);
    const hqIdentity = await ensureDeviceIdentity(hq.vault);
    const fieldIdentity = await ensureDeviceIdentity(field.vault);
    trustDevice(hq.vault, { ...fieldIdentity.entry, name: 'Field laptop 3' });
    trustDevice(field.vault, { ...hqIdentity.entry, name: 'Headquarters' });

    hq.vault.put('person', { ...person, region: 'by-mi' }, { id: 'p1' });
    await send(hq.vault, field.vault, fieldIdentity.entry.recipient);

    const fieldRevision = field.vault.put(
      'person',
      { ...person, region: 'by-br', birthDate: { date: '1962-09-25' } },
      { id: 'p1' },
    ).revision;
    const hqRevision = hq.vault.put(
      'person',
      { ...person, region: 'by-vi', birthDate: { date: '1962-09', approximate: true } },
      { id: 'p1' },
    ).revision;
    await send(field.vault, hq.vault, hqIdentity.entry.recipient);
    return { fieldRevision, hqRevision, fieldDevice: field.vault.deviceId };
  } finally {
    hq.vault.lock();
    field.vault.lock();
  }
}
