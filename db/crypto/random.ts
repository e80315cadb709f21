import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the operating system's CSPRNG. libsodium.js's randombytes_buf costs ~170 µs
 * a call in Node, and even randomFillSync costs several µs a call, which a put pays twice
 * (nonce, revision id). So bytes are drawn 64 KiB at a time and handed out once each; a
 * handed-out slice is a copy, and the pool's used bytes are zeroed.
 */
const poolSize = 64 * 1024;
const pool = new Uint8Array(poolSize);
let used = poolSize;

export function randomBytes(length: number): Uint8Array {
  if (length > poolSize) return randomFillSync(new Uint8Array(length));
  if (used + length > poolSize) {
    randomFillSync(pool);
    used = 0;
  }
  const out = pool.slice(used, used + length);
  pool.fill(0, used, used + length);
  used += length;
  return out;
}

export function randomHex(byteLength: number): string {
  return Buffer.from(randomBytes(byteLength)).toString('hex');
}
