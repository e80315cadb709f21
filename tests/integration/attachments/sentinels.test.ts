import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Vault,
  attachBytes,
  attachFile,
  deleteAttachment,
  extractAttachment,
  readAttachment,
  verifyAttachments,
} from '../../../db';
import { casebook } from '../../support/cli';
import { encodings, findSentinels, passphrase, tempDir, testKdfCost } from '../../support/vaults';

/** Planted in the file's bytes, its name and its acquisition facts. None may reach the disk in clear. */
const sentinels = {
  cyrillic: 'Доказ Катаванняў Сакрэтны',
  lacinka: 'Dokaz Katavańniaŭ Sakrètny',
  arabic: 'دليل التعذيب السري',
  ascii: 'OKAPI-EVIDENCE-SENTINEL-4471',
};
const all = Object.values(sentinels);

/** A file holding every sentinel in UTF-8, UTF-16LE and UTF-16BE, spread over several chunks. */
function evidenceBytes(): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < 3; i++) {
    parts.push(Buffer.alloc(40_000, 0x20));
    for (const sentinel of all) parts.push(...encodings(sentinel));
  }
  return Buffer.concat(parts);
}

describe('evidence files leave nothing in clear on disk', () => {
  it('planted bytes, names and facts never appear under the vault folder or the temp folder', async () => {
    const root = tempDir();
    const tmp = path.join(root, 'tmp');
    const outside = path.join(root, 'outside');
    mkdirSync(tmp);
    mkdirSync(outside);
    const dir = path.join(root, 'vault');
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const clean = (stage: string) => expect(findSentinels([dir, tmp], all), stage).toEqual([]);
    try {
      const bytes = evidenceBytes();
      const name = `${sentinels.cyrillic} ${sentinels.lacinka} ${sentinels.arabic} ${sentinels.ascii}.jpg`;
      const file = path.join(outside, name);
      writeFileSync(file, bytes);
      // The scanner sees the sentinels in the original, so a miss below means absence.
      expect(findSentinels([outside], all)).toHaveLength(all.length);

      const { vault } = await Vault.create(dir, passphrase, { kdfCost: testKdfCost });
      vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
      const acquisition = {
        obtainedBy: sentinels.cyrillic,
        method: sentinels.lacinka,
        from: sentinels.arabic,
      };
      const fromFile = await attachFile(vault, { recordId: 'case-1', path: file, acquisition });
      const fromBytes = await attachBytes(vault, {
        recordId: 'case-1',
        bytes,
        name,
        mediaType: 'image/jpeg',
        acquisition,
      });
      expect(fromBytes.duplicates).toEqual([fromFile.fileId]);
      clean('after attaching, with the WAL open');
      expect((await readAttachment(vault, fromFile.fileId, { maxBytes: 1 << 20 })).bytes).toEqual(
        new Uint8Array(bytes),
      );
      await extractAttachment(vault, fromFile.fileId, path.join(outside, 'copy'), {
        purpose: sentinels.ascii,
      });
      expect((await verifyAttachments(vault)).problems).toEqual([]);
      clean('after reading, extracting and verifying');
      deleteAttachment(vault, fromBytes.fileId);
      vault.lock();
      clean('after a delete and lock');

      const env = { CASEBOOK_PASSPHRASE: passphrase, TMPDIR: tmp };
      const attach = casebook(
        ['--vault', dir, 'attach', 'case-1', file, '--obtained-by', sentinels.arabic],
        { env },
      );
      expect(attach.status, attach.stderr).toBe(0);
      const { fileId } = JSON.parse(attach.stdout);
      const extract = casebook(
        ['--vault', dir, 'extract', fileId, '--out', path.join(outside, 'cli-copy')],
        { env },
      );
      expect(extract.status, extract.stderr).toBe(0);
      clean('after CLI attach and extract');
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
  });
});
