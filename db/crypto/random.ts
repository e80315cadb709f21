import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the operating system. libsodium.js's randombytes_buf costs ~170 µs a call
 * in Node (it pulls entropy a byte at a time), which alone made encrypted puts 5x slower;
 * Node's CSPRNG is the same OS source without that cost.
 */
export function randomBytes(length: number): Uint8Array {
  return randomFillSync(new Uint8Array(length));
}

export function randomHex(byteLength: number): string {
  return Buffer.from(randomBytes(byteLength)).toString('hex');
}
