import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault, type Argon2idCost } from '../../db';

/** Real Argon2id, at the lowest cost libsodium allows, so tests stay fast. One test uses the default. */
export const testKdfCost: Argon2idCost = { opslimit: 1, memlimit: 8 * 1024 * 1024 };
export const passphrase = 'correct horse battery staple';

export function tempDir(prefix = 'casebook-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function newVault(dir = path.join(tempDir(), 'vault')) {
  const { vault, recoveryCode } = await Vault.create(dir, passphrase, { kdfCost: testKdfCost });
  return { vault, recoveryCode, dir };
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false })
    .map((name) => path.join(dir, String(name)))
    .filter((file) => statSync(file).isFile());
}

/** Every file's bytes, by name: to show that something changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [file, readFileSync(file).toString('base64')]));
}

/** The forms a planted string could take in a file: UTF-8, UTF-16LE, UTF-16BE. */
export function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

/** Files under `dirs` in which any sentinel appears in any encoding, as "file: sentinel". */
export function findSentinels(dirs: readonly string[], sentinels: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file);
      for (const sentinel of sentinels) {
        if (encodings(sentinel).some((needle) => bytes.includes(needle)))
          found.push(`${file}: ${sentinel}`);
      }
    }
  }
  return found;
}
