import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Vault } from '../../../db';
import { newVault, passphrase } from '../../support/vaults';

const fixture = path.resolve(__dirname, '../fixtures/put-loop.cjs');

/** A small seeded generator, so the sequence of kill delays is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Runs the writer, kills it with SIGKILL `delayMs` after it is ready, returns what it acknowledged. */
function writeUntilKilled(
  dir: string,
  prefix: string,
  delayMs: number,
): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture, dir, passphrase, prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', (chunk) => {
      const wasReady = out.startsWith('ready\n');
      out += chunk;
      if (!wasReady && out.startsWith('ready\n')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself: ${err}`));
      // Only whole lines are acknowledgements; a half-written last line is not.
      const lines = out.split('\n').slice(1, -1);
      resolve(lines.map((line) => line.split(' ') as [string, string]));
    });
  });
}

describe('crash safety', () => {
  it('a writer killed with SIGKILL 50 times loses no acknowledged write and leaves a sound database', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const random = seededRandom(20240304);
    const acknowledged = new Map<string, Set<string>>();
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const acks = await writeUntilKilled(dir, `r${round}`, 5 + Math.floor(random() * 150));
      for (const [id, revision] of acks) {
        if (!acknowledged.has(id)) acknowledged.set(id, new Set());
        acknowledged.get(id)!.add(revision);
      }
      total += acks.length;

      const raw = new Database(path.join(dir, 'vault.db'), { fileMustExist: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();

      const reopened = await Vault.unlock(dir, passphrase);
      for (const [id] of acks) {
        const stored = new Set(reopened.history(id).map((r) => r.revision));
        for (const revision of acknowledged.get(id)!)
          expect(stored.has(revision), `${id} ${revision}`).toBe(true);
      }
      reopened.lock();
    }
    // The kills must have landed mid-stream, not before the first write.
    expect(total).toBeGreaterThan(100);
  });
});
