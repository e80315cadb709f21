import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSodium } from '../../../../db/crypto/sodium';
import { BodyDecoder, BodyEncoder } from '../../../../db/attachments/bodyCipher';
import { bodySize, chunkCiphertextBytes } from '../../../../db/attachments/bodyFormat';

const chunk = 64 * 1024;
const key = new Uint8Array(32).fill(7);
const ad = new TextEncoder().encode('casebook/attachment/v1\0v\0f');

/** Encrypts `data` fed in the given piece sizes; returns the whole body. */
async function encrypt(data: Uint8Array, pieces: number[]): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const encoder = new BodyEncoder(sodium, key, ad);
  const out: Uint8Array[] = [encoder.header];
  let at = 0;
  for (const piece of pieces) {
    encoder.push(data.subarray(at, at + piece), (c) => out.push(c));
    at += piece;
  }
  encoder.push(data.subarray(at), (c) => out.push(c));
  out.push(encoder.final());
  return Buffer.concat(out);
}

async function decrypt(body: Uint8Array): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  const decoder = BodyDecoder.open(sodium, key, ad, body.subarray(0, 25));
  if (!decoder) return null;
  const out: Uint8Array[] = [];
  for (let at = 25; at < body.length; at += chunkCiphertextBytes) {
    const opened = decoder.pull(body.subarray(at, at + chunkCiphertextBytes));
    if (!opened) return null;
    out.push(opened.message);
    if (opened.final !== at + chunkCiphertextBytes >= body.length) return null;
  }
  return Buffer.concat(out);
}

describe('the body cipher', () => {
  it('round-trips any bytes fed in any pieces, to a body of the documented size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk),
          fc.integer({ min: 0, max: 4 * chunk }),
        ),
        fc.array(fc.integer({ min: 0, max: 2 * chunk }), { maxLength: 6 }),
        async (size, pieces) => {
          const data = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
          const body = await encrypt(data, pieces);
          expect(body.length).toBe(bodySize(size));
          expect(Buffer.from((await decrypt(body))!).equals(Buffer.from(data))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('cuts the same chunks however the input is split', async () => {
    const data = Uint8Array.from({ length: 2 * chunk + 3 }, (_, i) => i & 0xff);
    const whole = await encrypt(data, []);
    const split = await encrypt(data, [1, chunk, 5]);
    // Different headers (random), same chunk layout: every size matches.
    expect(split.length).toBe(whole.length);
    expect(Buffer.from((await decrypt(split))!).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a body under another additional data, or with a dropped final chunk', async () => {
    const sodium = await loadSodium();
    const body = await encrypt(new Uint8Array(chunk + 1), []);
    const foreign = BodyDecoder.open(sodium, key, new Uint8Array([1]), body.subarray(0, 25))!;
    expect(foreign.pull(body.subarray(25, 25 + chunkCiphertextBytes))).toBeNull();
    expect(await decrypt(body.subarray(0, 25 + chunkCiphertextBytes))).toBeNull();
    expect(BodyDecoder.open(sodium, key, ad, Uint8Array.of(2, ...body.subarray(1, 25)))).toBeNull();
  });
});
