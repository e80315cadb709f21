import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  appendCustody,
  attachBytes,
  custodyLog,
  extractAttachment,
  listAttachments,
  verifyAttachments,
  type Vault,
} from '../../../db';
import {
  blobLine,
  encryptBytes,
  exportBundle,
  importBundle,
  isBundleError,
  partLine,
  signedPayload,
  type BundleProblem,
} from '../../../db/bundles';
import { decryptStream, fileStream } from '../../../db/bundles/ageStream';
import { loadSodium } from '../../../db/crypto/sodium';
import { readDeviceIdentity } from '../../../db/identity';
import { casebook } from '../../support/cli';
import { findSentinels, newVault, passphrase, snapshot, tempDir } from '../../support/vaults';
import { bundlePath, organisation, receive, send, type Device } from './devices';

/**
 * Evidence files travel in bundles: inside the age encryption and under the signature, and
 * restored on the receiving side under a key of its own, with their custody logs.
 */
const sentinelName = 'Сведка Зміцер Ярашэвіч.jpg';
const sentinelBytes = 'SENTINEL-BODY-Алесь Бяляцкі-слупок';

/** Bytes that differ at every position, so a moved or swapped part cannot read back equal. */
function patterned(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

async function fieldWithEvidence() {
  const [field, hq] = (await organisation('field', 'hq')) as [Device, Device];
  field.vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
  const files = {
    // A body of several parts, so the parts go through the stream one at a time.
    large: patterned(3 * 1024 * 1024 + 12_345, 7),
    sentinel: new TextEncoder().encode(sentinelBytes.repeat(40)),
    one: new TextEncoder().encode('evidence one: first letter'),
    two: new TextEncoder().encode('evidence two: other letter'),
    empty: new Uint8Array(0),
  };
  const ids: Record<keyof typeof files, string> = {} as never;
  for (const [label, bytes] of Object.entries(files) as [keyof typeof files, Uint8Array][]) {
    const { fileId } = await attachBytes(field.vault, {
      recordId: 'case-1',
      bytes,
      name: label === 'sentinel' ? sentinelName : `${label}.bin`,
      mediaType: 'application/octet-stream',
      acquisition: { obtainedBy: 'documenter 7' },
    });
    ids[label] = fileId;
  }
  return { field, hq, files, ids };
}

async function extracted(vault: Vault, fileId: string): Promise<Buffer> {
  const out = path.join(tempDir('casebook-extract-'), 'out.bin');
  await extractAttachment(vault, fileId, out);
  return readFileSync(out);
}

/** The plaintext lines of a bundle, as the recipient's own age identity opens them. */
async function plaintextLines(file: string, to: Device): Promise<string[]> {
  const identity = readDeviceIdentity(to.vault)!.ageIdentity;
  const chunks: Uint8Array[] = [];
  for await (const chunk of await decryptStream(fileStream(file), { identities: [identity] }))
    chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split(/(?<=\n)/);
}

/** A bundle of the given lines: re-signed by `signer` (as if it had made them), or not at all. */
async function rebundle(lines: string[], to: Device, signer?: Device): Promise<string> {
  let plaintext: Buffer;
  if (signer) {
    const sodium = await loadSodium();
    const key = readDeviceIdentity(signer.vault)!.signingSecretKey;
    const manifest = JSON.parse(lines[0]!) as { revisions: number };
    plaintext = signedPayload(sodium, key, lines.slice(0, -1), manifest.revisions);
  } else plaintext = Buffer.from(lines.join(''), 'utf8');
  const file = bundlePath('tampered');
  writeFileSync(file, await encryptBytes(plaintext, { recipients: [to.recipient] }));
  return file;
}

const kindOf = (line: string) => (JSON.parse(line) as { kind: string }).kind;
const fileOf = (line: string) => (JSON.parse(line) as { file?: string }).file;

async function refusal(to: Device, file: string): Promise<BundleProblem | string> {
  try {
    await importBundle(to.vault, file);
  } catch (error) {
    return isBundleError(error) ? error.problem : String(error);
  }
  return 'imported';
}

describe('attachments in bundles', () => {
  it('arrive byte for byte, under a key of the receiving vault, with their custody logs', async () => {
    const { field, hq, files, ids } = await fieldWithEvidence();
    const progress: number[] = [];
    const file = bundlePath('with-files');
    const sent = await exportBundle(field.vault, file, {
      recipients: [hq.recipient],
      onAttachmentProgress: ({ done }) => progress.push(done),
    });
    const total = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0);
    expect(sent).toMatchObject({ attachments: 5, attachmentBytes: total });
    // Several parts of at most 1 MiB each, reported as they go.
    expect(progress.length).toBeGreaterThanOrEqual(4);

    const report = await receive(hq, file);
    expect(report).toMatchObject({ attachments: 5, attachmentsRestored: 5 });
    expect(listAttachments(hq.vault)).toEqual(listAttachments(field.vault));
    for (const [label, fileId] of Object.entries(ids))
      expect(await extracted(hq.vault, fileId), label).toEqual(
        Buffer.from(files[label as keyof typeof files]),
      );
    // Encrypted anew: the receiving vault's body is not the sender's.
    const large = (dir: string) => readFileSync(path.join(dir, 'attachments', ids.large));
    expect(large(hq.dir).equals(large(field.dir))).toBe(false);

    expect((await verifyAttachments(hq.vault)).problems).toEqual([]);
    expect((await verifyAttachments(field.vault)).problems).toEqual([]);
    const actions = (vault: Vault) => custodyLog(vault, ids.sentinel).map((e) => e.action);
    expect(actions(field.vault)).toEqual(['intake', 'bundle']);
    expect(actions(hq.vault)).toEqual(['intake', 'bundle', 'import', 'export']);
    const imported = custodyLog(hq.vault, ids.sentinel)[2]!;
    expect(imported.purpose).toContain(sent.bundle);

    const sentinels = [sentinelName, sentinelBytes, 'Алесь Бяляцкі', 'documenter 7'];
    expect(findSentinels([path.dirname(file), hq.dir, field.dir], sentinels)).toEqual([]);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('a body already here is checked and skipped, so taking files in again adds nothing', async () => {
    const { field, hq, ids } = await fieldWithEvidence();
    await receive(hq, await send(field, [hq]));
    const bodies = () =>
      [...snapshot(hq.dir)].filter(([name]) => name.includes(`${path.sep}attachments${path.sep}`));
    const before = bodies();
    expect(await refusal(hq, await send(field, [hq], { sinceLast: true }))).toBe('imported');

    const again = await receive(hq, await send(field, [hq]));
    expect(again).toMatchObject({ attachments: 5, attachmentsRestored: 0 });
    expect(again.attachmentsAlreadyPresent).toBe(5);
    expect(bodies()).toEqual(before);
    expect((await verifyAttachments(hq.vault)).problems).toEqual([]);
    // The second bundle's step is in the log; no second "import", nothing was taken in.
    expect(custodyLog(hq.vault, ids.one).map((e) => e.action)).toEqual([
      'intake',
      'bundle',
      'import',
      'bundle',
    ]);
  });

  it('a changed, dropped or swapped body is refused and the receiving vault is left as it was', async () => {
    const { field, hq, ids } = await fieldWithEvidence();
    const good = await send(field, [hq]);
    const lines = await plaintextLines(good, hq);
    const partOf = (fileId: string) =>
      lines.findIndex((line) => kindOf(line) === 'part' && fileOf(line) === fileId);

    const flipped = [...lines];
    const at = partOf(ids.sentinel);
    const part = JSON.parse(flipped[at]!) as { data: string };
    const bytes = Buffer.from(part.data, 'base64');
    bytes[5]! ^= 1;
    flipped[at] = JSON.stringify({ ...part, data: bytes.toString('base64') }) + '\n';

    const dropped = lines.filter((line) => fileOf(line) !== ids.one || kindOf(line) === 'revision');

    const swapped = [...lines];
    const [one, two] = [partOf(ids.one), partOf(ids.two)];
    const dataOf = (line: string) => (JSON.parse(line) as { data: string }).data;
    swapped[one] = `{"kind":"part","file":"${ids.one}","data":"${dataOf(lines[two]!)}"}\n`;
    swapped[two] = `{"kind":"part","file":"${ids.two}","data":"${dataOf(lines[one]!)}"}\n`;

    const ciphertext = readFileSync(good);
    ciphertext[ciphertext.length - 70_000]! ^= 1;
    const damagedFile = bundlePath('damaged');
    writeFileSync(damagedFile, ciphertext);

    const cases: [string, string, BundleProblem][] = [
      ['a flipped byte in the age file', damagedFile, 'damaged'],
      ['a flipped byte in a body', await rebundle(flipped, hq), 'forged'],
      ['a dropped body', await rebundle(dropped, hq), 'forged'],
      ['swapped bodies', await rebundle(swapped, hq), 'forged'],
      // Made so by the signer itself: the intake hash in the record still tells.
      ['a flipped byte, signed', await rebundle(flipped, hq, field), 'malformed'],
      ['a dropped body, signed', await rebundle(dropped, hq, field), 'malformed'],
      ['swapped bodies, signed', await rebundle(swapped, hq, field), 'malformed'],
    ];
    const before = snapshot(hq.dir);
    const messages: string[] = [];
    for (const [label, file, problem] of cases) {
      try {
        await importBundle(hq.vault, file);
        expect.fail(`${label} was imported`);
      } catch (error) {
        expect(isBundleError(error) && error.problem, label).toBe(problem);
        messages.push((error as Error).message);
      }
      expect(snapshot(hq.dir), label).toEqual(before);
      expect(listAttachments(hq.vault), label).toEqual([]);
    }
    expect(messages[4]).toMatch(
      new RegExp(
        `Attachment ${ids.sentinel} .*does not match the SHA-256 taken when it was attached`,
      ),
    );
    expect(messages[6]).toMatch(/does not match the SHA-256 .*\(nor do 1 more\)/);
    for (const message of messages) expect(message).toMatch(/Nothing was changed\.$/);
    expect(messages.join('\n')).not.toContain(sentinelName);

    // The genuine bundle still goes in afterwards.
    expect(await refusal(hq, good)).toBe('imported');
    expect((await verifyAttachments(hq.vault)).problems).toEqual([]);
  });

  it('keeps the custody chain valid when two devices added entries at the same time', async () => {
    const { field, hq, ids } = await fieldWithEvidence();
    await receive(hq, await send(field, [hq]));
    // Both hold the file now, and each extracts it without knowing of the other.
    await extracted(field.vault, ids.one);
    await extracted(hq.vault, ids.one);
    await receive(field, await send(hq, [field]));
    await receive(hq, await send(field, [hq], { sinceLast: true }));

    const entries = (vault: Vault) =>
      custodyLog(vault, ids.one)
        .map((e) => JSON.stringify(e))
        .sort();
    expect(entries(field.vault)).toEqual(entries(hq.vault));
    const log = custodyLog(field.vault, ids.one);
    // The fork: two entries follow the same one.
    const forks = log.filter((e) => e.previous === log[2]!.previous && e.index >= 2);
    expect(forks.map((e) => e.action).sort()).toEqual(['export', 'import']);
    for (const device of [field, hq])
      expect((await verifyAttachments(device.vault)).problems, device.name).toEqual([]);

    // Entries after the merge go on from it, and verify still holds.
    appendCustody(field.vault, ids.one, { action: 'other', purpose: 'shown to the lawyer' });
    expect((await verifyAttachments(field.vault)).problems).toEqual([]);
  });

  it('a records-only bundle leaves the bodies behind, and a later full bundle restores them', async () => {
    const { field, hq, ids } = await fieldWithEvidence();
    const recordsOnly = await send(field, [hq], { withoutAttachments: true });
    expect((await plaintextLines(recordsOnly, hq)).filter((l) => kindOf(l) === 'part')).toEqual([]);
    expect(await receive(hq, recordsOnly)).toMatchObject({ attachments: 0 });
    const missing = (await verifyAttachments(hq.vault)).problems;
    expect(missing.map((p) => p.kind)).toEqual(Array(5).fill('missing_key'));

    expect(await receive(hq, await send(field, [hq]))).toMatchObject({ attachmentsRestored: 5 });
    expect((await verifyAttachments(hq.vault)).problems).toEqual([]);
    expect(custodyLog(hq.vault, ids.two).map((e) => e.action)).toEqual([
      'intake',
      'bundle',
      'import',
    ]);
  });

  it('export and import of large files can be cancelled, leaving nothing behind', async () => {
    const { field, hq } = await fieldWithEvidence();
    const controller = new AbortController();
    const file = bundlePath('cancelled');
    await expect(
      exportBundle(field.vault, file, {
        recipients: [hq.recipient],
        signal: controller.signal,
        onAttachmentProgress: () => controller.abort(),
      }),
    ).rejects.toThrow(/Cancelled/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const good = await send(field, [hq]);
    const before = snapshot(hq.dir);
    const stop = new AbortController();
    await expect(
      importBundle(hq.vault, good, {
        signal: stop.signal,
        onAttachmentProgress: () => stop.abort(),
      }),
    ).rejects.toThrow(/Cancelled/);
    // SQLite's shared-memory WAL index (-shm) holds no data and is rebuilt on open; a rollback
    // may leave its hash tables touched. Every file that holds data is as it was.
    const durable = (files: Map<string, string>) =>
      new Map([...files].filter(([name]) => !name.endsWith('-shm')));
    expect(durable(snapshot(hq.dir))).toEqual(durable(before));
    expect(await refusal(hq, good)).toBe('imported');
  });

  it('writes a file as the lines of the test vector in docs/bundle.md', () => {
    const file = '00112233445566778899aabbccddeeff';
    const sha256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(blobLine({ kind: 'blob', file, size: 3, sha256 }) + partLine(file, Buffer.from('abc')))
      .toBe(`{"kind":"blob","file":"${file}","size":3,"sha256":"${sha256}"}
{"kind":"part","file":"${file}","data":"YWJj"}
`);
  });

  it('casebook bundle export carries attachments, unless --without-attachments', async () => {
    const dirs = await Promise.all([newVault(), newVault()]);
    for (const { vault } of dirs) vault.lock();
    const [field, hq] = dirs.map(({ dir }) => dir) as [string, string];
    const env = { CASEBOOK_PASSPHRASE: passphrase };
    const cb = (dir: string, args: string[], input?: string) => {
      const run = casebook(['--vault', dir, ...args], { env, ...(input ? { input } : {}) });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    const hqEntry = JSON.parse(cb(hq, ['identity'])) as { recipient: string };
    cb(hq, ['trust', 'add-device', '-'], cb(field, ['identity']));
    cb(field, ['put', '--type', 'case', '--id', 'case-1'], '{"title":"A search","type":"search"}');
    const work = tempDir('casebook-cli-files-');
    writeFileSync(path.join(work, 'letter.txt'), sentinelBytes);
    const { fileId } = JSON.parse(cb(field, ['attach', 'case-1', path.join(work, 'letter.txt')]));

    const recordsOnly = path.join(work, 'records.cbundle');
    const to = ['--to', hqEntry.recipient];
    expect(
      cb(field, ['bundle', 'export', ...to, '--without-attachments', '--out', recordsOnly]),
    ).not.toMatch(/attachment/);
    const full = path.join(work, 'full.cbundle');
    expect(cb(field, ['bundle', 'export', ...to, '--out', full])).toMatch(/and 1 attachment \(/);
    expect(cb(hq, ['bundle', 'import', full])).toMatch(/Attachments: 1 in the bundle, 1 restored/);
    const out = path.join(work, 'back.txt');
    cb(hq, ['extract', fileId, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(sentinelBytes);
    cb(hq, ['verify']);
  });
});
