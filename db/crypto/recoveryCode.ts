import { randomBytes } from './random';

/**
 * A recovery code is 160 random bits in Crockford base32 (no I, L, O, U: nothing to misread
 * when it is copied by hand onto paper), shown once at set-up, in groups of four.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 32;

export function generateRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return formatRecoveryCode(out);
}

function formatRecoveryCode(code: string): string {
  return code.match(/.{4}/g)!.join('-');
}

/**
 * Reads a code as a person types it back: any case, with or without dashes and spaces,
 * O for 0 and I or L for 1. Returns the canonical form, or null if it cannot be a code.
 */
export function parseRecoveryCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== codeLength) return null;
  for (const ch of cleaned) if (!alphabet.includes(ch)) return null;
  return formatRecoveryCode(cleaned);
}
