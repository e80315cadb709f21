import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { casebook } from '../../support/cli';
import { passphrase } from '../../support/vaults';
import { bodyPath, patterned, vaultWithCase, writeFile } from './support';

const env = { CASEBOOK_PASSPHRASE: passphrase };

describe('the attachment commands of the casebook CLI', () => {
  it('attach, attachments, extract and verify, end to end through the built CLI', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    vault.lock();
    const bytes = patterned(200_000);
    const file = writeFile(outside, 'injuries.jpg', bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const attach = casebook(
      [
        '--vault',
        dir,
        'attach',
        'case-1',
        file,
        '--obtained-by',
        'documenter 7',
        '--obtained-on',
        '2024-05',
        '--method',
        'photographed in the clinic',
        '--from',
        'the victim',
      ],
      { env },
    );
    expect(attach.status, attach.stderr).toBe(0);
    expect(attach.stderr).toBe('');
    const attached = JSON.parse(attach.stdout);
    expect(attached).toEqual({
      fileId: expect.stringMatching(/^[0-9a-f]{32}$/),
      sha256,
      size: bytes.length,
    });

    const again = casebook(['--vault', dir, 'attach', 'case-1', file], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toBe(
      `warning: the same file (same SHA-256) is already in this vault as attachment ${attached.fileId}\n`,
    );

    const list = casebook(['--vault', dir, 'attachments', 'case-1'], { env });
    expect(list.status, list.stderr).toBe(0);
    const lines = list.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines.find((info) => info.fileId === attached.fileId)).toMatchObject({
      recordId: 'case-1',
      name: 'injuries.jpg',
      mediaType: 'image/jpeg',
      sha256,
      acquisition: {
        obtainedBy: 'documenter 7',
        obtainedOn: { date: '2024-05' },
        method: 'photographed in the clinic',
        from: 'the victim',
      },
    });

    const out = path.join(outside, 'copy.jpg');
    const extract = casebook(
      ['--vault', dir, 'extract', attached.fileId, '--out', out, '--purpose', 'for the lawyer'],
      { env },
    );
    expect(extract.status, extract.stderr).toBe(0);
    expect(JSON.parse(extract.stdout)).toEqual({
      fileId: attached.fileId,
      sha256,
      size: bytes.length,
    });
    expect(readFileSync(out).equals(Buffer.from(bytes))).toBe(true);
    const history = casebook(['--vault', dir, 'history', `${attached.fileId}-custody`], { env });
    expect(
      history.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).body.action),
    ).toEqual(['intake', 'export']);

    const verify = casebook(['--vault', dir, 'verify'], { env });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toBe('');
    expect(verify.stderr).toMatch(/2 attachment\(s\), 400000 bytes, all as taken in/);

    const body = bodyPath(dir, attached.fileId);
    const damaged = readFileSync(body);
    damaged[1000]! ^= 0xff;
    writeFileSync(body, damaged);
    const failing = casebook(['--vault', dir, 'verify'], { env });
    expect(failing.status).toBe(1);
    expect(failing.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^Attachment ${attached.fileId} cannot be read: .*chunk 1 of 4`),
      ),
    ]);
    expect(failing.stderr).toMatch(/^casebook: verify found 1 problem\(s\) in 2 attachment\(s\)/);

    const refused = casebook(
      ['--vault', dir, 'extract', attached.fileId, '--out', path.join(outside, 'bad.jpg')],
      { env },
    );
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^casebook: Attachment ${attached.fileId} cannot be read`),
    );
    expect(existsSync(path.join(outside, 'bad.jpg'))).toBe(false);
    expect(readdirSync(outside).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('misuse gets one line that says what to do', async () => {
    const { vault, dir, outside } = await vaultWithCase();
    vault.lock();
    const file = writeFile(outside, 'a.txt', patterned(10));
    for (const [args, pattern] of [
      [['attach', 'case-1'], /Give a record id and a file/],
      [['attach', 'nobody', file], /There is no record nobody/],
      [['attach', 'case-1', file, '--obtained-on', 'last May'], /acquisition.obtainedOn/],
      [['extract', 'a'.repeat(32)], /extract needs --out/],
      [
        ['extract', 'a'.repeat(32), '--out', path.join(outside, 'x')],
        /There is no attachment a{32}/,
      ],
    ] as const) {
      const run = casebook(['--vault', dir, ...args], { env });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(pattern);
    }
  });
});
