import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Vault } from '../../../db';
import { newVault, tempDir } from '../../support/vaults';

/** A vault with one case to attach evidence to, and a folder for files outside it. */
export async function vaultWithCase(): Promise<{ vault: Vault; dir: string; outside: string }> {
  const { vault, dir } = await newVault();
  vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
  return { vault, dir, outside: tempDir('casebook-files-') };
}

/** Bytes that differ at every position, so a moved or swapped chunk cannot read back equal. */
export function patterned(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export function writeFile(folder: string, name: string, bytes: Uint8Array): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

export const bodyPath = (dir: string, fileId: string) => path.join(dir, 'attachments', fileId);
