import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  Vault,
  appendCustody,
  attachBytes,
  custodyLog,
  custodyRecordId,
  extractAttachment,
  verifyAttachments,
} from '../../../db';
import { canonicalJson, type JsonObject } from '../../../shared/records';
import { passphrase } from '../../support/vaults';
import { vaultWithCase } from './support';

async function fileWithCustody(exports: number) {
  const setup = await vaultWithCase();
  const { fileId, sha256 } = await attachBytes(setup.vault, {
    recordId: 'case-1',
    bytes: new TextEncoder().encode('an audio recording'),
    name: 'interview.ogg',
    mediaType: 'audio/ogg',
    acquisition: { obtainedBy: 'documenter 7' },
  });
  for (let i = 0; i < exports; i++) {
    await extractAttachment(setup.vault, fileId, path.join(setup.outside, `copy-${i}.ogg`), {
      purpose: `for the lawyer, copy ${i}`,
    });
  }
  return { ...setup, fileId, sha256 };
}

/** Edits the vault database directly, as someone with the laptop but not the passphrase can. */
async function tamper(vault: Vault, dir: string, sql: (db: Database.Database) => void) {
  vault.lock();
  const db = new Database(path.join(dir, 'vault.db'));
  sql(db);
  db.close();
  return Vault.unlock(dir, passphrase);
}

const custodyRows = (db: Database.Database, fileId: string) =>
  db
    .prepare('SELECT seq FROM revisions WHERE record_id = ? ORDER BY seq')
    .pluck()
    .all(custodyRecordId(fileId)) as number[];

describe('the custody log of an evidence file', () => {
  it('starts with the intake, gains an entry per extract, and chains each entry to the one before', async () => {
    const { vault, fileId, sha256 } = await fileWithCustody(2);
    const log = custodyLog(vault, fileId);
    expect(log.map((entry) => [entry.index, entry.action, entry.sha256])).toEqual([
      [0, 'intake', sha256],
      [1, 'export', sha256],
      [2, 'export', sha256],
    ]);
    expect(log[0]).not.toHaveProperty('previous');
    expect(log[0]!.by).toBe('documenter 7');
    expect(log[2]!.purpose).toBe('for the lawyer, copy 1');
    for (let i = 1; i < log.length; i++) {
      expect(log[i]!.previous).toBe(
        createHash('sha256')
          .update(canonicalJson(log[i - 1]! as unknown as JsonObject))
          .digest('hex'),
      );
    }
    const bundle = appendCustody(vault, fileId, { action: 'bundle', purpose: 'to headquarters' });
    expect(bundle).toMatchObject({ index: 3, action: 'bundle', sha256 });
    expect((await verifyAttachments(vault)).problems).toEqual([]);
    vault.lock();
  });

  it('a removed entry in the middle is detected', async () => {
    const { vault, dir, fileId } = await fileWithCustody(2);
    const reopened = await tamper(vault, dir, (db) => {
      db.prepare('DELETE FROM revisions WHERE seq = ?').run(custodyRows(db, fileId)[1]);
    });
    const problems = (await verifyAttachments(reopened)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        fileId,
        kind: 'custody_broken',
        message: expect.stringMatching(/entry 2 \(number 2\) does not follow an entry before it/),
      }),
    );
    reopened.lock();
  });

  it('a removed last entry is detected, even with the head pointer set back', async () => {
    const { vault, dir, fileId } = await fileWithCustody(2);
    const reopened = await tamper(vault, dir, (db) => {
      const [, second, third] = custodyRows(db, fileId);
      db.prepare('DELETE FROM revisions WHERE seq = ?').run(third);
      db.prepare('UPDATE records SET head_seq = ? WHERE record_id = ?').run(
        second,
        custodyRecordId(fileId),
      );
    });
    expect((await verifyAttachments(reopened)).problems).toEqual([
      expect.objectContaining({
        fileId,
        kind: 'custody_broken',
        message: expect.stringMatching(/2 entries where 3 were written/),
      }),
    ]);
    reopened.lock();
  });

  it('an altered entry, or entries put in another order, is detected', async () => {
    const { vault, dir, fileId } = await fileWithCustody(2);
    const altered = await tamper(vault, dir, (db) => {
      const [, second] = custodyRows(db, fileId);
      db.prepare('UPDATE revisions SET sealed = randomblob(length(sealed)) WHERE seq = ?').run(
        second,
      );
    });
    expect((await verifyAttachments(altered)).problems).toContainEqual(
      expect.objectContaining({ fileId, kind: 'custody_broken' }),
    );
    altered.lock();

    const other = await fileWithCustody(2);
    const reordered = await tamper(other.vault, other.dir, (db) => {
      const [, second, third] = custodyRows(db, other.fileId);
      db.prepare('UPDATE revisions SET seq = -1 WHERE seq = ?').run(second);
      db.prepare('UPDATE revisions SET seq = ? WHERE seq = ?').run(second, third);
      db.prepare('UPDATE revisions SET seq = ? WHERE seq = -1').run(third);
    });
    expect((await verifyAttachments(reordered)).problems).toContainEqual(
      expect.objectContaining({ fileId: other.fileId, kind: 'custody_broken' }),
    );
    reordered.lock();
  });
});
