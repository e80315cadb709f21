import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  Vault,
  attachBytes,
  deleteAttachment,
  listAttachments,
  readAttachment,
  verifyAttachments,
} from '../../../db';
import { loadSodium } from '../../../db/crypto/sodium';
import { deriveAttachmentWrapKey } from '../../../db/attachments/wrapKey';
import { openFileKey } from '../../../db/attachments/keyring';
import { SealedBox } from '../../../db/crypto/sealedBox';
import { filesUnder, passphrase } from '../../support/vaults';
import { bodyPath, patterned, vaultWithCase } from './support';

const keyRow = (dir: string, fileId: string) => {
  const db = new Database(path.join(dir, 'vault.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT sealed FROM attachment_keys WHERE file_id = ?')
      .pluck()
      .get(fileId) as Buffer | undefined;
  } finally {
    db.close();
  }
};

describe('destroying evidence files', () => {
  it('after deleteAttachment, neither the key nor the body is anywhere, so even the vault key opens nothing', async () => {
    const { vault, dir } = await vaultWithCase();
    const { fileId } = await attachBytes(vault, {
      recordId: 'case-1',
      bytes: patterned(200_000),
      name: 'letter.pdf',
      mediaType: 'application/pdf',
    });
    const kept = await attachBytes(vault, {
      recordId: 'case-1',
      bytes: patterned(10, 3),
      name: 'kept.pdf',
      mediaType: 'application/pdf',
    });
    const sealed = keyRow(dir, fileId)!;
    const body = readFileSync(bodyPath(dir, fileId));
    // Before: the row, unwrapped with the vault's subkey, opens the body with plain libsodium.
    const sodium = await loadSodium();
    const fileKey = openFileKey(vault.attachmentStore().box, vault.vaultId, fileId, sealed)!;
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
      body.subarray(1, 25),
      fileKey.key,
    );
    const ad = Buffer.from(`casebook/attachment/v1\0${vault.vaultId}\0${fileId}`, 'latin1');
    expect(
      sodium.crypto_secretstream_xchacha20poly1305_pull(state, body.subarray(25, 25 + 65553), ad),
    ).not.toBe(false);
    expect(filesUnder(dir).some((file) => readFileSync(file).includes(sealed.subarray(25)))).toBe(
      true,
    );

    deleteAttachment(vault, fileId);
    expect(existsSync(bodyPath(dir, fileId))).toBe(false);
    expect(keyRow(dir, fileId)).toBeUndefined();
    // No copy of the wrapped key is left in the database, its WAL, or anywhere in the folder.
    for (const file of filesUnder(dir)) {
      expect(readFileSync(file).includes(sealed.subarray(25)), file).toBe(false);
      expect(readFileSync(file).includes(body.subarray(25, 25 + 64)), file).toBe(false);
    }
    await expect(readAttachment(vault, fileId, { maxBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'record_not_found',
    });
    expect(listAttachments(vault).map((info) => info.fileId)).toEqual([kept.fileId]);
    expect((await verifyAttachments(vault)).problems).toEqual([]);
    vault.lock();
  });

  it('the wrapped key opens only with the vault subkey; after erase nothing opens at all', async () => {
    const { vault, dir } = await vaultWithCase();
    const { fileId } = await attachBytes(vault, {
      recordId: 'case-1',
      bytes: patterned(1000),
      name: 'a.jpg',
      mediaType: 'image/jpeg',
    });
    vault.lock();
    const sodium = await loadSodium();
    const sealed = keyRow(dir, fileId)!;
    const wrongSubkey = new SealedBox(sodium, deriveAttachmentWrapKey(sodium, new Uint8Array(32)));
    expect(openFileKey(wrongSubkey, 'x', fileId, sealed)).toBeNull();

    Vault.erase(dir);
    expect(existsSync(path.join(dir, 'attachments'))).toBe(false);
    await expect(Vault.unlock(dir, passphrase)).rejects.toMatchObject({ code: 'no_vault' });
  });
});
