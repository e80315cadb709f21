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

  it('seals a text straight from WASM memory to the same bytes as the wrapped call', async () => {
    const key = randomBytes(32);
    const sodium = await loadSodium();
    const fast = new RecordCipher(sodium, new Uint8Array(key));
    const wrapped = new RecordCipher(sodium, new Uint8Array(key));
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3000 }),
      fc.constantFrom('', 'Алесь Бяляцкі', 'Źmicier Daškievič', 'محمد عبد الله', '𝔘 \u{1F600}'),
    );
    fc.assert(
      fc.property(texts, fc.uint8Array({ minLength: 24, maxLength: 24 }), (text, nonce) => {
        const sealed = fast.sealText(place, text, nonce);
        const bytes = new TextEncoder().encode(text);
        expect(Buffer.from(sealed).equals(Buffer.from(wrapped.seal(place, bytes, nonce)))).toBe(
          true,
        );
        expect(wrapped.open(place, sealed)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
    // Past the scratch's size a text is sealed the ordinary way: the same bytes all the same.
    const long = 'Ў'.repeat(70_000);
    const nonce = randomBytes(24);
    expect(
      Buffer.from(fast.sealText(place, long, nonce)).equals(
        Buffer.from(wrapped.seal(place, new TextEncoder().encode(long), nonce)),
      ),
    ).toBe(true);
    // Without a nonce given, a fresh one each time.
    const once = fast.sealText(place, '{"x":1}');
    expect(Buffer.from(once).equals(Buffer.from(fast.sealText(place, '{"x":1}')))).toBe(false);
  });

  it('leaves no text and, once wiped, no key in libsodium’s memory', async () => {
    const sodium = await loadSodium();
    const key = randomBytes(32);
    const c = new RecordCipher(sodium, new Uint8Array(key));
    const sentinel = 'Сентынэль-7f3a Zapis Kavdada سجل';
    c.sealText(place, `{"name":"${sentinel}"}`);
    const heap = () =>
      Buffer.from((sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8);
    expect(heap().includes(Buffer.from(sentinel, 'utf8'))).toBe(false);
    expect(heap().includes(Buffer.from(key))).toBe(true);
    c.wipe();
    expect(heap().includes(Buffer.from(key))).toBe(false);
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
