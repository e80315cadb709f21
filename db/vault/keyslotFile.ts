import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { VaultError } from '../errors';
import { keyslotFileSchema, type KeyslotFile } from '../crypto/keyslots';
import { randomBytes } from '../crypto/random';

export function readKeyslotFile(file: string): KeyslotFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new VaultError(
      'keys_destroyed',
      `The vault's key file ${file} is missing, so nothing can open this vault. If it was erased on purpose, this is expected; otherwise restore the vault from a backup bundle.`,
    );
  }
  try {
    return keyslotFileSchema.parse(JSON.parse(text));
  } catch {
    throw new VaultError(
      'keyslots_damaged',
      `The vault's key file ${file} is damaged, so nothing can open this vault. Restore the vault from a backup bundle.`,
    );
  }
}

function fsyncDir(dir: string): void {
  // Directory fsync makes the rename itself durable; Windows cannot open directories.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the key file atomically: a crash leaves the old slots or the new, never half. */
export function writeKeyslotFile(file: string, content: KeyslotFile): void {
  const temp = `${file}.new`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(content, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Crypto-shredding: overwrite the wrapped keys with random bytes, sync, then unlink. Without
 * the slots the vault key is gone and every ciphertext in the vault with it.
 */
export function shredKeyslotFile(file: string): void {
  for (const target of [file, `${file}.new`]) {
    let size: number;
    try {
      size = statSync(target).size;
    } catch {
      continue;
    }
    const fd = openSync(target, 'r+');
    try {
      writeSync(fd, randomBytes(Math.max(size, 1)), 0, undefined, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(target);
  }
  fsyncDir(path.dirname(file));
}
