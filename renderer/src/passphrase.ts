/** Same minimum as the vault (db/vault/vault.ts), counted the same way: code points after NFC. */
export const minPassphraseLength = 8;

export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

export type PassphraseStrength = 'empty' | 'weak' | 'fair' | 'good' | 'strong';

/**
 * A hint, not a gate: long passphrases of several words are what resist guessing, so length
 * and word count weigh most. Repeated characters ("aaaaaaaaaaaa") count for little.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase === '') return 'empty';
  const length = passphraseLength(passphrase);
  const distinct = new Set(passphrase.normalize('NFC').toLowerCase()).size;
  const words = passphrase
    .trim()
    .split(/[\s\-_.,]+/u)
    .filter((word) => [...word].length >= 2).length;
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}\s]/u].filter((kind) =>
    kind.test(passphrase),
  ).length;
  if (length < minPassphraseLength || distinct < 5) return 'weak';
  if (words >= 4 && length >= 20 && distinct >= 10) return 'strong';
  if ((words >= 3 && length >= 16) || (length >= 14 && kinds >= 3)) return 'good';
  if (length >= 12) return 'fair';
  return 'weak';
}
