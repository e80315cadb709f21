import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  Vault,
  attachFile,
  extractAttachment,
  listAttachments,
  verifyAttachments,
} from '../../../db';
import { passphrase } from '../../support/vaults';
import { patterned, vaultWithCase, writeFile } from './support';

describe('a long attach or extract can be cancelled', () => {
  it('an aborted attach leaves no body, no key and no record, and reports progress until then', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    const file = writeFile(outside, 'film.mp4', patterned(8 * 1024 * 1024));
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      attachFile(vault, {
        recordId: 'case-1',
        path: file,
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          seen.push(done);
          expect(total).toBe(8 * 1024 * 1024);
          if (done >= 2 * 1024 * 1024) controller.abort();
        },
      }),
    ).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/Nothing was attached/),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(readdirSync(path.join(dir, 'attachments'))).toEqual([]);
    expect(listAttachments(vault)).toEqual([]);
    expect((await verifyAttachments(vault)).problems).toEqual([]);
    vault.lock();
  });

  it('an aborted extract leaves neither the output nor its temporary file, and no custody entry', async () => {
    const { vault, outside } = await vaultWithCase();
    const { fileId } = await attachFile(vault, {
      recordId: 'case-1',
      path: writeFile(outside, 'film.mp4', patterned(8 * 1024 * 1024)),
    });
    const controller = new AbortController();
    const out = path.join(outside, 'copy.mp4');
    await expect(
      extractAttachment(vault, fileId, out, {
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done >= 1024 * 1024) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(outside)).toEqual(['film.mp4']);
    expect(vault.history(`${fileId}-custody`)).toHaveLength(1);
    vault.lock();
  });
});

describe('locking the vault stops a file in progress', () => {
  it('an attach or a read under way when the vault locks stops, and leaves no file behind', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    const file = writeFile(outside, 'film.mp4', patterned(8 * 1024 * 1024));
    const { fileId } = await attachFile(vault, { recordId: 'case-1', path: file });
    const out = path.join(outside, 'copy.mp4');
    await expect(
      extractAttachment(vault, fileId, out, {
        onProgress: ({ done }) => {
          if (done >= 1024 * 1024) vault.lock();
        },
      }),
    ).rejects.toMatchObject({ code: 'locked' });
    expect(readdirSync(outside)).toEqual(['film.mp4']);

    const reopened = await Vault.unlock(dir, passphrase);
    await expect(
      attachFile(reopened, {
        recordId: 'case-1',
        path: file,
        onProgress: ({ done }) => {
          if (done >= 2 * 1024 * 1024) reopened.lock();
        },
      }),
    ).rejects.toMatchObject({ code: 'locked' });
    expect(readdirSync(path.join(dir, 'attachments'))).toEqual([fileId]);
  });
});
