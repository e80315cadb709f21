import { describe, expect, it } from 'vitest';
import {
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  Vault,
  attachFile,
  extractAttachment,
  readAttachment,
  verifyAttachments,
} from '../../../db';
import { passphrase } from '../../support/vaults';
import { bodyPath, patterned, vaultWithCase, writeFile } from './support';

const chunk = 64 * 1024;
const chunkOnDisk = chunk + 17;
const header = 25;

/** Every way of reading a file must refuse the damage with the same clear error. */
async function expectRefused(vault: Vault, fileId: string, outside: string, what: RegExp) {
  const refusal = { code: 'record_damaged', message: expect.stringMatching(what) };
  await expect(readAttachment(vault, fileId, { maxBytes: 1 << 24 })).rejects.toMatchObject(refusal);
  const out = path.join(outside, `out-${fileId}`);
  await expect(extractAttachment(vault, fileId, out)).rejects.toMatchObject(refusal);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(outside).filter((name) => name.endsWith('.partial'))).toEqual([]);
  const report = await verifyAttachments(vault);
  expect(report.problems).toContainEqual(
    expect.objectContaining({ fileId, kind: 'damaged', message: expect.stringMatching(what) }),
  );
}

async function threeChunkFile() {
  const setup = await vaultWithCase();
  const bytes = patterned(chunk * 2 + 100);
  const { fileId } = await attachFile(setup.vault, {
    recordId: 'case-1',
    path: writeFile(setup.outside, 'photo.jpg', bytes),
  });
  return { ...setup, fileId, body: bodyPath(setup.dir, fileId) };
}

describe('a damaged evidence file is refused, by id, never shown', () => {
  it('a flipped byte anywhere', async () => {
    for (const at of [
      0,
      5,
      header + 3,
      header + chunkOnDisk + 1000,
      header + 2 * chunkOnDisk + 5,
    ]) {
      const { vault, outside, fileId, body } = await threeChunkFile();
      const bytes = readFileSync(body);
      bytes[at]! ^= 0x01;
      writeFileSync(body, bytes);
      await expectRefused(
        vault,
        fileId,
        outside,
        new RegExp(`Attachment ${fileId} cannot be read`),
      );
      vault.lock();
    }
  });

  it('a truncated body: inside a chunk, at a chunk boundary, down to the header', async () => {
    for (const size of [header + 2 * chunkOnDisk + 50, header + 2 * chunkOnDisk, header + 5, 3]) {
      const { vault, outside, fileId, body } = await threeChunkFile();
      truncateSync(body, size);
      await expectRefused(vault, fileId, outside, /truncated|altered/);
      vault.lock();
    }
  });

  it('bytes added after the end', async () => {
    const { vault, outside, fileId, body } = await threeChunkFile();
    writeFileSync(body, Buffer.concat([readFileSync(body), readFileSync(body).subarray(header)]));
    await expectRefused(vault, fileId, outside, /after its end|altered/);
    vault.lock();
  });

  it('two chunks swapped within the file', async () => {
    const { vault, outside, fileId, body } = await threeChunkFile();
    const bytes = readFileSync(body);
    const first = Buffer.from(bytes.subarray(header, header + chunkOnDisk));
    bytes.copy(bytes, header, header + chunkOnDisk, header + 2 * chunkOnDisk);
    first.copy(bytes, header + chunkOnDisk);
    writeFileSync(body, bytes);
    await expectRefused(vault, fileId, outside, /chunk 1 of 3 does not authenticate/);
    vault.lock();
  });

  it('a chunk, or a whole body, swapped between two files', async () => {
    const { vault, outside, fileId, body } = await threeChunkFile();
    const other = await attachFile(vault, {
      recordId: 'case-1',
      path: writeFile(outside, 'other.jpg', patterned(chunk * 2 + 100, 7)),
    });
    const otherBody = bodyPath(path.dirname(path.dirname(body)), other.fileId);
    const bytes = readFileSync(body);
    readFileSync(otherBody).copy(
      bytes,
      header + chunkOnDisk,
      header + chunkOnDisk,
      header + 2 * chunkOnDisk,
    );
    writeFileSync(body, bytes);
    await expectRefused(vault, fileId, outside, /chunk 2 of 3/);
    // The other file's whole body under this file's name: its key and its AD both differ.
    renameSync(otherBody, body);
    await expectRefused(vault, fileId, outside, /does not authenticate|damaged header/);
    vault.lock();
  });

  it("a key moved onto another file's row does not open it", async () => {
    const { vault, dir, outside, fileId } = await threeChunkFile();
    const other = await attachFile(vault, {
      recordId: 'case-1',
      path: writeFile(outside, 'other.jpg', patterned(10)),
    });
    vault.lock();
    const db = new Database(path.join(dir, 'vault.db'));
    const sealed = db.prepare('SELECT sealed FROM attachment_keys WHERE file_id = ?').pluck();
    db.prepare('UPDATE attachment_keys SET sealed = ? WHERE file_id = ?').run(
      sealed.get(other.fileId),
      fileId,
    );
    db.close();
    const reopened = await Vault.unlock(dir, passphrase);
    await expectRefused(reopened, fileId, outside, /stored key was altered/);
    reopened.lock();
  });

  it('a missing body', async () => {
    const { vault, outside, fileId, body } = await threeChunkFile();
    rmSync(body);
    const refusal = { code: 'record_damaged', message: expect.stringMatching(/is missing/) };
    await expect(readAttachment(vault, fileId, { maxBytes: 1 << 24 })).rejects.toMatchObject(
      refusal,
    );
    await expect(extractAttachment(vault, fileId, path.join(outside, 'out'))).rejects.toMatchObject(
      refusal,
    );
    expect((await verifyAttachments(vault)).problems).toEqual([
      expect.objectContaining({ fileId, kind: 'missing_body' }),
    ]);
    vault.lock();
  });

  it('an intact vault verifies clean', async () => {
    const { vault } = await threeChunkFile();
    const report = await verifyAttachments(vault);
    expect(report).toEqual({ checked: 1, bytes: chunk * 2 + 100, problems: [] });
    vault.lock();
  });
});
