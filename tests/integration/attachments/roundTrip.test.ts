import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  attachBytes,
  attachFile,
  attachmentChunks,
  custodyLog,
  extractAttachment,
  listAttachments,
  readAttachment,
} from '../../../db';
import { bodyPath, patterned, vaultWithCase, writeFile } from './support';

const chunk = 64 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attaching and reading back evidence files', () => {
  it('gives back exactly the bytes taken in, for empty, 1-byte, one-chunk and chunk+1 files and around them', async () => {
    const { vault, outside } = await vaultWithCase();
    const sizes = fc.oneof(
      fc.constantFrom(0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 16 * chunk + 1),
      fc.integer({ min: 0, max: 3 * chunk }),
    );
    await fc.assert(
      fc.asyncProperty(sizes, fc.integer({ min: 1, max: 1000 }), async (size, seed) => {
        const bytes = patterned(size, seed);
        const file = writeFile(outside, `in-${size}-${seed}`, bytes);
        const attached = await attachFile(vault, { recordId: 'case-1', path: file });
        expect(attached).toMatchObject({ size, sha256: sha256(bytes) });
        const read = await readAttachment(vault, attached.fileId, { maxBytes: 20 * chunk });
        expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
        const out = path.join(outside, `out-${attached.fileId}`);
        await extractAttachment(vault, attached.fileId, out);
        expect(readFileSync(out).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 25 },
    );
    vault.lock();
  });

  it('keeps the body in 64 KiB chunks under a random name, encrypted, of a size that follows from the plaintext', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    const bytes = patterned(chunk * 2 + 10);
    const attached = await attachFile(vault, {
      recordId: 'case-1',
      path: writeFile(outside, 'verdict.pdf', bytes),
    });
    expect(attached.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(readdirSync(path.join(dir, 'attachments'))).toEqual([attached.fileId]);
    // 1 version byte + 24 header bytes + 3 chunks of 17 bytes of overhead.
    expect(statSync(bodyPath(dir, attached.fileId)).size).toBe(bytes.length + 25 + 3 * 17);
    const chunks: number[] = [];
    for await (const piece of attachmentChunks(vault, attached.fileId)) chunks.push(piece.length);
    expect(chunks).toEqual([chunk, chunk, 10]);
    expect(listAttachments(vault, 'case-1')).toEqual([
      expect.objectContaining({
        fileId: attached.fileId,
        name: 'verdict.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
      }),
    ]);
    vault.lock();
  });

  it('records acquisition facts, and warns of a file already in the vault by its earlier ids', async () => {
    const { vault } = await vaultWithCase();
    const bytes = new TextEncoder().encode('a scan of the verdict');
    const acquisition = {
      obtainedBy: 'documenter 7',
      obtainedOn: { date: '2024-05' },
      method: 'photographed by a relative',
      from: 'a relative',
    };
    const first = await attachBytes(vault, {
      recordId: 'case-1',
      bytes,
      name: 'scan.jpg',
      mediaType: 'image/jpeg',
      acquisition,
    });
    expect(first.duplicates).toEqual([]);
    const second = await attachBytes(vault, {
      recordId: 'case-1',
      bytes,
      name: 'scan-again.jpg',
      mediaType: 'image/jpeg',
    });
    expect(second.duplicates).toEqual([first.fileId]);
    const info = listAttachments(vault).find((a) => a.fileId === first.fileId)!;
    expect(info.acquisition).toEqual(acquisition);
    expect(custodyLog(vault, first.fileId)).toEqual([
      expect.objectContaining({ index: 0, action: 'intake', sha256: first.sha256 }),
    ]);
    vault.lock();
  });

  it('refuses a target that is not in the vault, bad facts, or an over-large preview, and writes nothing', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    const file = writeFile(outside, 'x.bin', patterned(100));
    await expect(attachFile(vault, { recordId: 'nobody', path: file })).rejects.toMatchObject({
      code: 'record_not_found',
    });
    await expect(
      attachFile(vault, {
        recordId: 'case-1',
        path: file,
        acquisition: { obtainedOn: { date: '2024-13' } },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      attachFile(vault, { recordId: 'case-1', path: path.join(outside, 'missing') }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(existsSync(path.join(dir, 'attachments'))).toBe(false);
    const attached = await attachFile(vault, { recordId: 'case-1', path: file });
    await expect(readAttachment(vault, attached.fileId, { maxBytes: 99 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const out = path.join(outside, 'taken');
    writeFile(outside, 'taken', new Uint8Array(1));
    await expect(extractAttachment(vault, attached.fileId, out)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(readFileSync(out)).toEqual(Buffer.from([0]));
    vault.lock();
  });
});
