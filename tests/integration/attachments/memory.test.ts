import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { passphrase } from '../../support/vaults';
import { vaultWithCase } from './support';

const gib = 1024 ** 3;
const mib = 1024 ** 2;
/** Resident memory an attach or extract may add, whatever the file's size: a few blocks and the runtime. */
const bound = 160 * mib;

describe('evidence files of any size', () => {
  it('a 1 GiB file attaches and extracts with resident memory under a fixed bound', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    vault.lock();
    try {
      const child = spawnSync(
        process.execPath,
        [path.resolve(__dirname, 'largeFile.cjs'), dir, passphrase, outside, String(gib)],
        { encoding: 'utf8', timeout: 170_000 },
      );
      expect(child.status, child.stderr).toBe(0);
      const measured = JSON.parse(child.stdout);
      expect(measured).toMatchObject({ size: gib, extracted: gib });
      const body = path.join(dir, 'attachments', readdirSync(path.join(dir, 'attachments'))[0]!);
      expect(statSync(body).size).toBe(gib + 25 + 16384 * 17);
      expect(measured.peak - measured.baseline).toBeLessThan(bound);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  }, 180_000);
});
