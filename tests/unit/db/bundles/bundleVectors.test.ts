import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importBundle, signedPayload } from '../../../../db/bundles';
import { payloadHash, verifyPayload } from '../../../../db/bundles/signature';
import { loadSodium } from '../../../../db/crypto/sodium';
import { loadAge } from '../../../../db/identity';
import { newVault, tempDir } from '../../../support/vaults';
import vector from './vectors/bundle-v1.json';

/** docs/bundle.md's format, pinned: the same lines always make the same signed bytes. */
describe('bundle format v1 test vector', () => {
  it('Casebook signs the vector lines into exactly the vector plaintext', async () => {
    const sodium = await loadSodium();
    const keys = sodium.crypto_sign_seed_keypair(Buffer.from(vector.signingSeed, 'hex'));
    expect(Buffer.from(keys.publicKey).toString('hex')).toBe(vector.signingPublicKey);
    expect(payloadHash().update(vector.lines.join('')).digest('hex')).toBe(vector.sha256);
    expect(signedPayload(sodium, keys.privateKey, vector.lines).toString('utf8')).toBe(
      vector.plaintext,
    );
  });

  it('plain libsodium, given only the document, checks the signature', async () => {
    const sodium = await loadSodium();
    const message = Buffer.from(`casebook/bundle/v1\0${vector.sha256}`, 'utf8');
    expect(message.toString('hex')).toBe(vector.signedMessage);
    expect(
      sodium.crypto_sign_verify_detached(
        Buffer.from(vector.signature, 'hex'),
        message,
        Buffer.from(vector.signingPublicKey, 'hex'),
      ),
    ).toBe(true);
    expect(verifyPayload(sodium, vector.signingPublicKey, vector.sha256, vector.signature)).toBe(
      true,
    );
    expect(verifyPayload(sodium, vector.signingPublicKey, '0'.repeat(64), vector.signature)).toBe(
      false,
    );
  });

  it('the age file opens with the age identity, to the plaintext', async () => {
    const { Decrypter, identityToRecipient } = await loadAge();
    expect(await identityToRecipient(vector.ageIdentity)).toBe(vector.ageRecipient);
    const decrypter = new Decrypter();
    decrypter.addIdentity(vector.ageIdentity);
    expect(await decrypter.decrypt(Buffer.from(vector.ageFileBase64, 'base64'), 'text')).toBe(
      vector.plaintext,
    );
  });

  it('a vault imports the vector bundle with that identity, once its signer is trusted', async () => {
    const file = path.join(tempDir(), 'vector.cbundle');
    writeFileSync(file, Buffer.from(vector.ageFileBase64, 'base64'));
    const { vault } = await newVault();
    const report = await importBundle(vault, file, {
      identities: [vector.ageIdentity],
      trustSigner: vector.signingPublicKey,
    });
    expect(report).toMatchObject({ revisions: 3, added: 3, records: 2 });
    expect(vault.get('person-0001').body).toMatchObject({ region: 'by-mi' });
    expect(vault.history('person-0001').map((r) => r.at)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
    ]);
    expect(() => vault.get('case-0001')).toThrow(/was deleted/);
    vault.lock();
  });
});
