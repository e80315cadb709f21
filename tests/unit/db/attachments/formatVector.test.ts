import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import vector from '../../../vectors/attachment-v1.json';
import { loadSodium } from '../../../../db/crypto/sodium';
import { SealedBox } from '../../../../db/crypto/sealedBox';
import { deriveAttachmentWrapKey } from '../../../../db/attachments/wrapKey';
import { keyAdditionalData, openFileKey, sealFileKey } from '../../../../db/attachments/keyring';
import { bodyAdditionalData } from '../../../../db/attachments/bodyFormat';
import { BodyDecoder } from '../../../../db/attachments/bodyCipher';
import { custodyEntryHash } from '../../../../db/attachments/custody';
import { canonicalJson } from '../../../../shared/records';
import type { CustodyEntry } from '../../../../shared/model';

const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const body = new Uint8Array(Buffer.from(vector.body, 'base64'));
const plaintext = Uint8Array.from({ length: vector.size }, (_, i) => i % 251);

describe('attachment format v1 (fixed test vector)', () => {
  it('derives the wrap key and builds both additional data as documented', async () => {
    const sodium = await loadSodium();
    expect(hex(deriveAttachmentWrapKey(sodium, fromHex(vector.vaultKey)))).toBe(
      vector.attachmentWrapKey,
    );
    expect(hex(keyAdditionalData(vector.vaultId, vector.fileId))).toBe(vector.keyAdditionalData);
    expect(hex(bodyAdditionalData(vector.vaultId, vector.fileId))).toBe(vector.bodyAdditionalData);
    expect(Buffer.from(fromHex(vector.bodyAdditionalData)).toString('latin1')).toBe(
      `casebook/attachment/v1\0${vector.vaultId}\0${vector.fileId}`,
    );
  });

  it('wraps the file key and custody anchor to exactly the vector bytes, and unwraps them', async () => {
    const sodium = await loadSodium();
    const box = new SealedBox(sodium, fromHex(vector.attachmentWrapKey));
    const fileKey = {
      key: fromHex(vector.fileKey),
      anchor: { count: vector.custodyCount, head: fromHex(vector.custodyHead) },
    };
    expect(
      hex(sealFileKey(box, vector.vaultId, vector.fileId, fileKey, fromHex(vector.keyNonce))),
    ).toBe(vector.sealedKey);
    expect(openFileKey(box, vector.vaultId, vector.fileId, fromHex(vector.sealedKey))).toEqual(
      fileKey,
    );
    expect(openFileKey(box, vector.vaultId, 'another-file', fromHex(vector.sealedKey))).toBeNull();
  });

  it('opens with plain libsodium and the documented layout, without Casebook code', async () => {
    const sodium = await loadSodium();
    const sealed = fromHex(vector.sealedKey);
    expect(sealed[0]).toBe(1);
    const unwrapped = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(25),
      fromHex(vector.keyAdditionalData),
      sealed.subarray(1, 25),
      fromHex(vector.attachmentWrapKey),
    );
    expect(unwrapped).toHaveLength(68);
    const key = unwrapped.subarray(0, 32);
    expect(hex(key)).toBe(vector.fileKey);
    expect(Buffer.from(unwrapped).readUInt32BE(32)).toBe(vector.custodyCount);
    expect(hex(unwrapped.subarray(36))).toBe(vector.custodyHead);

    expect(body[0]).toBe(1);
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(body.subarray(1, 25), key);
    const ad = fromHex(vector.bodyAdditionalData);
    const out: Uint8Array[] = [];
    const tags: number[] = [];
    for (let at = 25; at < body.length; at += 65536 + 17) {
      const pulled = sodium.crypto_secretstream_xchacha20poly1305_pull(
        state,
        body.subarray(at, at + 65536 + 17),
        ad,
      );
      expect(pulled).not.toBe(false);
      if (!pulled) return;
      out.push(pulled.message);
      tags.push(pulled.tag);
    }
    expect(tags).toEqual([
      sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
      sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
    ]);
    const opened = Buffer.concat(out);
    expect(opened.equals(Buffer.from(plaintext))).toBe(true);
    expect(createHash('sha256').update(opened).digest('hex')).toBe(vector.plaintextSha256);
  });

  it("Casebook's decoder opens the vector body chunk by chunk", async () => {
    const sodium = await loadSodium();
    const decoder = BodyDecoder.open(
      sodium,
      fromHex(vector.fileKey),
      fromHex(vector.bodyAdditionalData),
      body.subarray(0, 25),
    )!;
    const first = decoder.pull(body.subarray(25, 25 + 65553))!;
    const last = decoder.pull(body.subarray(25 + 65553))!;
    expect([first.final, last.final]).toEqual([false, true]);
    expect(Buffer.concat([first.message, last.message]).equals(Buffer.from(plaintext))).toBe(true);
  });

  it('chains custody entries by the SHA-256 of their canonical JSON', () => {
    for (const { entry, canonicalJson: canonical, sha256 } of vector.custody) {
      expect(canonicalJson(entry)).toBe(canonical);
      expect(hex(custodyEntryHash(entry as CustodyEntry))).toBe(sha256);
      expect(createHash('sha256').update(canonical, 'utf8').digest('hex')).toBe(sha256);
    }
    expect(vector.custody[1]!.entry.previous).toBe(vector.custody[0]!.sha256);
    expect(vector.custodyHead).toBe(vector.custody[1]!.sha256);
  });
});
