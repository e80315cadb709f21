import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSodium } from '../../../db/crypto/sodium';
import { RecordCipher, type RevisionPlace } from '../../../db/crypto/recordCipher';
import { randomBytes } from '../../../db/crypto/random';

const place: RevisionPlace = {
  vaultId: 'a'.repeat(32),
  recordId: 'case-7',
  revisionId: 'b'.repeat(32),
  type: 'case',
  device: 'c'.repeat(32),
  deleted: false,
  parents: ['d'.repeat(32)],
};

async function cipher() {
  return new RecordCipher(await loadSodium(), randomBytes(32));
}

describe('record cipher', () => {
  it('round-trips any bytes', async () => {
    const c = await cipher();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (plaintext) => {
        expect(c.open(place, c.seal(place, plaintext))).toEqual(plaintext);
      }),
      { numRuns: 200 },
    );
  });

  it('uses a fresh nonce each time, so equal records do not look equal on disk', async () => {
    const c = await cipher();
    const text = new TextEncoder().encode('{"name":"Ales Bialiacki"}');
    expect(Buffer.from(c.seal(place, text)).equals(Buffer.from(c.seal(place, text)))).toBe(false);
  });

  it('refuses a ciphertext moved to any other place', async () => {
    const c = await cipher();
    const sealed = c.seal(place, new TextEncoder().encode('{"x":1}'));
    const moves: Partial<RevisionPlace>[] = [
      { vaultId: 'e'.repeat(32) },
      { recordId: 'case-8' },
      { revisionId: 'f'.repeat(32) },
      { type: 'person' },
      { device: '0'.repeat(32) },
      { deleted: true },
      { parents: [] },
    ];
    for (const move of moves) expect(c.open({ ...place, ...move }, sealed)).toBeNull();
  });

  it('refuses any single flipped bit, a truncation, and an unknown version byte', async () => {
    const c = await cipher();
    const sealed = c.seal(place, new TextEncoder().encode('{"name":"Ihar Losik"}'));
    fc.assert(
      fc.property(fc.nat(sealed.length * 8 - 1), (bit) => {
        const bad = sealed.slice();
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(c.open(place, bad)).toBeNull();
      }),
    );
    expect(c.open(place, sealed.subarray(0, sealed.length - 1))).toBeNull();
    expect(c.open(place, sealed.subarray(0, 10))).toBeNull();
  });

  it('wipes its key on request', async () => {
    const key = randomBytes(32);
    const c = new RecordCipher(await loadSodium(), key);
    c.wipe();
    expect(key.every((byte) => byte === 0)).toBe(true);
  });
});
