/**
 * `node dist/bench/bundle/run.js [--json] [--sizes 10000,100000]`: hand sync, measured.
 * Export and import of N revisions, each against raw age encryption or decryption of the
 * very same bytes in the same run (the `age-encryption` package alone, no Casebook), the import
 * that merges N concurrent edits, with its goal: 10k in under 5 s, and a bundle carrying a
 * 64 MiB evidence file.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Vault, attachBytes } from '../../db';
import { exportBundle, importBundle } from '../../db/bundles';
import { ensureDeviceIdentity, loadAge, trustDevice } from '../../db/identity';
import type { JsonObject } from '../../shared/records';
import { measurement, table, type Measurement } from '../report';
import { sampleRecords } from '../sampleRecords';

const passphrase = 'benchmark passphrase, not a secret';
const cheapKdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 };

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

async function device(dir: string) {
  // The passphrase's Argon2id cost is not what is measured here.
  const { vault } = await Vault.create(dir, passphrase, { kdfCost: cheapKdf });
  return { vault, identity: await ensureDeviceIdentity(vault) };
}

/** Raw age over the same bytes: encrypt the plaintext, or decrypt the file, streamed alike. */
async function rawAge(file: string, identity: string, recipient: string) {
  const { Decrypter, Encrypter } = await loadAge();
  const chunks = (bytes: Uint8Array) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 256 * 1024)
          controller.enqueue(bytes.subarray(at, at + 256 * 1024));
        controller.close();
      },
    });
  const drain = async (stream: ReadableStream<Uint8Array>) => {
    let n = 0;
    for await (const chunk of stream) n += chunk.length;
    return n;
  };
  const ciphertext = readFileSync(file);
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  let plaintext = new Uint8Array(0);
  const decrypt = await timeAsync(async () => {
    const parts: Uint8Array[] = [];
    for await (const chunk of await decrypter.decrypt(chunks(ciphertext))) parts.push(chunk);
    plaintext = Buffer.concat(parts);
  });
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const encrypt = await timeAsync(async () => drain(await encrypter.encrypt(chunks(plaintext))));
  return { decrypt, encrypt, plaintextBytes: plaintext.length };
}

async function measureSize(n: number, work: string): Promise<Measurement[]> {
  const size = label(n);
  const records = sampleRecords(n);
  const field = await device(path.join(work, `field-${size}`));
  const hq = await device(path.join(work, `hq-${size}`));
  trustDevice(hq.vault, field.identity.entry);
  trustDevice(field.vault, hq.identity.entry);
  field.vault.batch(() => {
    for (const r of records) field.vault.put(r.type, r.body, { id: r.id });
  });

  const full = path.join(work, `full-${size}.cbundle`);
  const to = { recipients: [hq.identity.entry.recipient], sinceLast: true };
  const exported = await timeAsync(() => exportBundle(field.vault, full, to));
  const raw = await rawAge(full, hq.identity.ageIdentity, hq.identity.entry.recipient);
  const imported = await timeAsync(() => importBundle(hq.vault, full));

  // Both sides change every record, in different fields: every record merges on import.
  const edit = (vault: Vault, change: (body: JsonObject) => JsonObject) =>
    vault.batch(() => {
      for (const r of records) vault.put(r.type, change(r.body as JsonObject), { id: r.id });
    });
  edit(field.vault, (body) => ({ ...body, sex: 'female' }));
  edit(hq.vault, (body) => ({ ...body, region: 'Minsk' }));
  const concurrent = path.join(work, `concurrent-${size}.cbundle`);
  await exportBundle(field.vault, concurrent, to);
  const rawConcurrent = await rawAge(
    concurrent,
    hq.identity.ageIdentity,
    hq.identity.entry.recipient,
  );
  const merged = await timeAsync(() => importBundle(hq.vault, concurrent));
  let count = 0;
  const listMerged = await timeAsync(async () => {
    for (const record of hq.vault.list()) if (record.parents.length === 2) count++;
  });
  if (count !== n) throw new Error(`${count} of ${n} records merged`);
  field.vault.lock();
  hq.vault.lock();

  return [
    measurement(`bundle export, ${size} revisions`, exported, raw.encrypt, {
      note: 'raw age encryption of the same plaintext',
    }),
    measurement(
      `bundle file size, ${size} revisions`,
      statSync(full).size / 1024 / 1024,
      raw.plaintextBytes / 1024 / 1024,
      {
        unit: 'MiB',
        note: 'plaintext JSON Lines',
      },
    ),
    measurement(`bundle import into a new vault, ${size}`, imported, raw.decrypt, {
      ...(n === 10_000 ? { goal: '< 5000 ms', met: imported < 5000 } : {}),
      note: 'raw age decryption of the same file',
    }),
    measurement(`bundle import merging ${size} concurrent edits`, merged, rawConcurrent.decrypt, {
      ...(n === 10_000 ? { goal: '< 5000 ms', met: merged < 5000 } : {}),
      note: 'raw age decryption of the same file',
    }),
    measurement(`list ${size} merged records`, listMerged, null, {
      note: 'three-way merge of two heads each',
    }),
  ];
}

/**
 * A bundle carrying one evidence file of `mib` MiB (the body read and re-hashed, base64 in
 * parts, then re-encrypted under the receiving vault's key), against raw age over the same
 * plaintext bundle.
 */
async function measureAttachment(mib: number, work: string): Promise<Measurement[]> {
  const field = await device(path.join(work, `field-file-${mib}`));
  const hq = await device(path.join(work, `hq-file-${mib}`));
  trustDevice(hq.vault, field.identity.entry);
  field.vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
  const bytes = new Uint8Array(mib * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  await attachBytes(field.vault, {
    recordId: 'case-1',
    bytes,
    name: 'evidence.bin',
    mediaType: 'application/octet-stream',
  });
  const file = path.join(work, `file-${mib}.cbundle`);
  const exported = await timeAsync(() =>
    exportBundle(field.vault, file, { recipients: [hq.identity.entry.recipient] }),
  );
  const raw = await rawAge(file, hq.identity.ageIdentity, hq.identity.entry.recipient);
  const imported = await timeAsync(() => importBundle(hq.vault, file));
  field.vault.lock();
  hq.vault.lock();
  return [
    measurement(`bundle export with a ${mib} MiB attachment`, exported, raw.encrypt, {
      note: 'raw age encryption of the same plaintext',
    }),
    measurement(`bundle import of a ${mib} MiB attachment`, imported, raw.decrypt, {
      note: 'raw age decryption of the same file',
    }),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '10000,100000' },
    },
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-bundle-'));
  try {
    if (!values.json) process.stderr.write('warming up...\n');
    await measureSize(2_000, work);
    const rows: Measurement[] = [];
    for (const n of values.sizes.split(',').map(Number)) {
      if (!values.json) process.stderr.write(`measuring ${label(n)} revisions...\n`);
      rows.push(...(await measureSize(n, work)));
    }
    if (!values.json) process.stderr.write('measuring a bundle with an attachment...\n');
    rows.push(...(await measureAttachment(64, work)));
    if (values.json) for (const row of rows) process.stdout.write(JSON.stringify(row) + '\n');
    else process.stdout.write(table(rows) + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
