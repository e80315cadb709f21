import { describe, expect, it } from 'vitest';
import recordVector from '../../vectors/record-v1.json';
import keyslotVector from '../../vectors/keyslot-v1.json';
import { loadSodium } from '../../../db/crypto/sodium';
import {
  RecordCipher,
  deriveRecordKey,
  revisionAdditionalData,
} from '../../../db/crypto/recordCipher';
import { deriveKeyEncryptionKey } from '../../../db/crypto/passphraseKey';
import { unwrapVaultKey } from '../../../db/crypto/keyslots';

const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('record ciphertext format v1 (fixed test vector)', () => {
  it('derives the record key from the vault key as documented', async () => {
    const sodium = await loadSodium();
    expect(hex(deriveRecordKey(sodium, fromHex(recordVector.vaultKey)))).toBe(
      recordVector.recordKey,
    );
  });

  it('builds the documented additional data', () => {
    expect(hex(revisionAdditionalData(recordVector.place))).toBe(recordVector.additionalData);
  });

  it('seals to exactly the vector bytes with the vector nonce', async () => {
    const sodium = await loadSodium();
    const cipher = new RecordCipher(sodium, fromHex(recordVector.recordKey));
    const sealed = cipher.seal(
      recordVector.place,
      new TextEncoder().encode(recordVector.plaintext),
      fromHex(recordVector.nonce),
    );
    expect(hex(sealed)).toBe(recordVector.sealed);
  });

  it('opens with plain libsodium and the documented layout, without Casebook code', async () => {
    const sodium = await loadSodium();
    const sealed = fromHex(recordVector.sealed);
    expect(sealed[0]).toBe(1);
    const plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(25),
      fromHex(recordVector.additionalData),
      sealed.subarray(1, 25),
      fromHex(recordVector.recordKey),
    );
    expect(new TextDecoder().decode(plaintext)).toBe(recordVector.plaintext);
  });
});

describe('passphrase keyslot v1 (fixed test vector)', () => {
  it('derives the key-encryption key with Argon2id as documented', async () => {
    const sodium = await loadSodium();
    const kek = deriveKeyEncryptionKey(
      sodium,
      keyslotVector.passphrase,
      fromHex(keyslotVector.salt),
      keyslotVector,
    );
    expect(hex(kek)).toBe(keyslotVector.kek);
  });

  it('unwraps the vault key from the vector slot', async () => {
    const sodium = await loadSodium();
    const slot = {
      kind: 'passphrase' as const,
      kdf: {
        algorithm: 'argon2id13' as const,
        opslimit: keyslotVector.opslimit,
        memlimit: keyslotVector.memlimit,
        salt: keyslotVector.salt,
      },
      nonce: keyslotVector.nonce,
      wrappedKey: keyslotVector.wrappedKey,
    };
    const key = unwrapVaultKey(sodium, keyslotVector.vaultId, slot, keyslotVector.passphrase);
    expect(key && hex(key)).toBe(keyslotVector.vaultKey);
    expect(
      unwrapVaultKey(sodium, keyslotVector.vaultId, slot, 'correct horse battery stapler'),
    ).toBeNull();
  });
});
