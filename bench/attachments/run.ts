/**
 * `node dist/bench/attachments/run.js [--json] [--mib 256] [--runs 3]`: evidence files, measured.
 * Attach (read, hash, encrypt, write, sync) and extract (read, decrypt, hash, write, sync) of
 * one file, against raw libsodium secretstream push and pull of the very same bytes in memory
 * and against a plain copy of the file, all in the same run. Goal from the issue: attach and
 * extract at 70% or more of raw secretstream.
 */
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Vault, attachFile, extractAttachment } from '../../db';
import { loadSodium } from '../../db/crypto/sodium';
import { measurement, table, type Measurement } from '../report';

const passphrase = 'benchmark passphrase, not a secret';
const cheapKdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 };
const chunk = 64 * 1024;
const mib = 1024 * 1024;

async function timeAsync(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Bytes that do not compress or repeat, made quickly. */
function sampleBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  let state = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  return bytes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      mib: { type: 'string', default: '256' },
      runs: { type: 'string', default: '3' },
    },
  });
  const size = Number(values.mib) * mib;
  const runs = Number(values.runs);
  const work = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-attachments-'));
  const sodium = await loadSodium();
  try {
    const bytes = sampleBytes(size);
    const source = path.join(work, 'evidence.bin');
    writeFileSync(source, bytes);
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const ad = new TextEncoder().encode('casebook/attachment/v1\0vault\0file');
    const message = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const final = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

    const pushes: number[] = [];
    const pulls: number[] = [];
    const copies: number[] = [];
    const attaches: number[] = [];
    const extracts: number[] = [];
    const { vault } = await Vault.create(path.join(work, 'vault'), passphrase, {
      kdfCost: cheapKdf,
    });
    vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
    // Alternating the contenders, so that none is always the one after a disk flush.
    for (let run = 0; run < runs; run++) {
      let header: Uint8Array = new Uint8Array(0);
      const ciphertext: Uint8Array[] = [];
      pushes.push(
        await timeAsync(() => {
          const push = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
          header = push.header;
          for (let at = 0; at < size; at += chunk) {
            const last = at + chunk >= size;
            ciphertext.push(
              sodium.crypto_secretstream_xchacha20poly1305_push(
                push.state,
                bytes.subarray(at, at + chunk),
                ad,
                last ? final : message,
              ),
            );
          }
        }),
      );
      pulls.push(
        await timeAsync(() => {
          const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
          for (const c of ciphertext) {
            if (!sodium.crypto_secretstream_xchacha20poly1305_pull(state, c, ad))
              throw new Error('raw pull failed');
          }
        }),
      );
      ciphertext.length = 0;
      const copy = path.join(work, `copy-${run}.bin`);
      copies.push(
        await timeAsync(() => {
          copyFileSync(source, copy);
          const fd = openSync(copy, 'r+');
          fsyncSync(fd);
          closeSync(fd);
        }),
      );
      rmSync(copy);
      let fileId = '';
      attaches.push(
        await timeAsync(async () => {
          fileId = (await attachFile(vault, { recordId: 'case-1', path: source })).fileId;
        }),
      );
      const out = path.join(work, `extracted-${run}.bin`);
      extracts.push(await timeAsync(() => extractAttachment(vault, fileId, out)));
      rmSync(out);
    }
    vault.lock();

    const rate = (ms: number) => size / mib / (ms / 1000);
    const label = `${values.mib} MiB`;
    const push = rate(median(pushes));
    const pull = rate(median(pulls));
    const copy = rate(median(copies));
    const attach = rate(median(attaches));
    const extract = rate(median(extracts));
    const unit = { unit: 'MiB/s' };
    const rows: Measurement[] = [
      measurement(`attach ${label} (median of ${runs})`, attach, push, {
        ...unit,
        goal: '>= 0.7x raw push',
        met: attach / push >= 0.7,
        note: 'raw secretstream push of the same bytes in memory',
      }),
      measurement(`extract ${label} (median of ${runs})`, extract, pull, {
        ...unit,
        goal: '>= 0.7x raw pull',
        met: extract / pull >= 0.7,
        note: 'raw secretstream pull of the same bytes in memory',
      }),
      measurement(`attach ${label} against a plain copy`, attach, copy, {
        ...unit,
        note: 'copyFile + fsync of the same file',
      }),
      measurement(`extract ${label} against a plain copy`, extract, copy, {
        ...unit,
        note: 'copyFile + fsync of the same file',
      }),
      measurement('machine load during the run (1-minute average)', os.loadavg()[0]!, null, {
        unit: 'runnable',
        note: `${os.availableParallelism()} cores`,
      }),
    ];
    if (values.json) for (const row of rows) process.stdout.write(JSON.stringify(row) + '\n');
    else process.stdout.write(table(rows) + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
