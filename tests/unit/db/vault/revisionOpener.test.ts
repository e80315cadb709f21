import { describe, expect, it } from 'vitest';
import recordVector from '../../../vectors/record-v1.json';
import { loadSodium } from '../../../../db/crypto/sodium';
import { RecordCipher, revisionAdditionalData } from '../../../../db/crypto/recordCipher';
import { RevisionOpener } from '../../../../db/vault/revisionOpener';

const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const additionalData = fromHex(recordVector.additionalData);
const sealed = fromHex(recordVector.sealed);

async function opener() {
  return new RevisionOpener(await loadSodium(), fromHex(recordVector.recordKey));
}

describe('opening record ciphertext on the libsodium heap (RevisionOpener)', () => {
  it('opens the fixed test vector to its plaintext text', async () => {
    const open = await opener();
    expect(open.openText(additionalData, sealed)).toBe(recordVector.plaintext);
    // The work area is reused: a second opening gives the same text, not leftovers.
    expect(open.openText(additionalData, sealed)).toBe(recordVector.plaintext);
    open.wipe();
  });

  it('refuses a flipped byte anywhere, other additional data, a short value or another version', async () => {
    const open = await opener();
    for (const at of [1, 30, sealed.length - 1]) {
      const altered = sealed.slice();
      altered[at]! ^= 0x01;
      expect(open.openText(additionalData, altered)).toBeNull();
    }
    const moved = additionalData.slice();
    moved[moved.length - 1]! ^= 0x01;
    expect(open.openText(moved, sealed)).toBeNull();
    expect(open.openText(additionalData, sealed.subarray(0, 40))).toBeNull();
    const version2 = sealed.slice();
    version2[0] = 2;
    expect(open.openText(additionalData, version2)).toBeNull();
    expect(open.openText(additionalData, sealed)).toBe(recordVector.plaintext);
    open.wipe();
  });

  it('opens what the record cipher seals, in every script and at every size up to 8 MiB', async () => {
    const sodium = await loadSodium();
    const key = fromHex(recordVector.recordKey);
    const cipher = new RecordCipher(sodium, key.slice());
    const open = new RevisionOpener(sodium, key);
    const texts = [
      '',
      '{"body":null}',
      JSON.stringify({ names: ['Марыя Калеснікава', 'Maryja Kaleśnikava', 'ماريا', '😀 𝄞'] }),
      'ў'.repeat(100_000),
      'x'.repeat(8 * 1024 * 1024),
    ];
    for (const text of texts) {
      const place = { ...recordVector.place, recordId: `r${text.length}` };
      const sealedText = cipher.seal(place, Buffer.from(text, 'utf8'));
      expect(open.openText(revisionAdditionalData(place), sealedText)).toBe(text);
    }
    open.wipe();
  });

  it('zeroes the key where it kept it, and cannot be used after wipe()', async () => {
    const sodium = await loadSodium();
    const open = await opener();
    const heap = (sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium;
    const keyAt = (open as unknown as { key: number }).key;
    const key = fromHex(recordVector.recordKey);
    expect(Buffer.from(heap.HEAPU8.subarray(keyAt, keyAt + 32)).equals(key)).toBe(true);
    open.wipe();
    expect(heap.HEAPU8.subarray(keyAt, keyAt + 32).every((byte) => byte === 0)).toBe(true);
    expect(() => open.openText(additionalData, sealed)).toThrow(/wiped/);
  });
});
