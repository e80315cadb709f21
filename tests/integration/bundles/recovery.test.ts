import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { casebook } from '../../support/cli';
import { newVault, passphrase, tempDir } from '../../support/vaults';
import { ensureDeviceIdentity } from '../../../db/identity';

/**
 * docs/recovery.md, run as written: a bundle read with Debian's age, jq, sqlite3 and openssl,
 * no Casebook involved. And the other way: what Debian's age encrypts, Casebook imports.
 */
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = ['age', 'age-keygen', 'jq', 'sqlite3', 'openssl', 'perl', 'script'];
const missing = tools.filter((tool) => !has(tool));
if (missing.length > 0) {
  console.warn(
    `SKIPPED: ${missing.join(', ')} not installed — the bundle recovery test without Casebook did not run (apt-get install age jq sqlite3 openssl)`,
  );
}

const env = { CASEBOOK_PASSPHRASE: passphrase };

/** The ```sh blocks of docs/recovery.md, in order. */
function recoveryCommands(): string[] {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/recovery.md'), 'utf8');
  return [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

function put(dir: string, id: string, fields: object) {
  const run = casebook(['--vault', dir, 'put', '--type', 'person', '--id', id], {
    env,
    input: JSON.stringify(fields),
  });
  expect(run.status, run.stderr).toBe(0);
}

describe.skipIf(missing.length > 0)('a bundle without Casebook', () => {
  it('docs/recovery.md reads a field laptop bundle with age, checks it with sha256sum and openssl, and queries it with jq and sqlite3', async () => {
    const work = tempDir('casebook-recovery-');
    execFileSync('age-keygen', ['-o', path.join(work, 'hq-offline.key')], { stdio: 'ignore' });
    const offline = execFileSync('age-keygen', ['-y', path.join(work, 'hq-offline.key')], {
      encoding: 'utf8',
    }).trim();
    const { vault, dir } = await newVault();
    vault.lock();
    put(dir, 'kalesnikava', { names: [{ value: 'Марыя Калеснікава', lang: 'be' }] });
    put(dir, 'kalesnikava', {
      names: [{ value: 'Марыя Калеснікава', lang: 'be' }],
      sex: 'female',
    });
    put(dir, 'losik', { names: [{ value: 'Ігар Лосік', lang: 'be' }] });
    const bundle = path.join(work, 'field-laptop.cbundle');
    const exported = casebook(
      ['--vault', dir, 'bundle', 'export', '--to', offline, '--out', bundle],
      { env },
    );
    expect(exported.status, exported.stderr).toBe(0);

    const script = ['set -eu', ...recoveryCommands()].join('\n');
    const run = spawnSync('bash', ['-c', script], { cwd: work, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [hashOfLines, hashInBundle] = run.stdout.split('\n');
    expect(hashOfLines).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOfLines).toBe(hashInBundle);
    expect(run.stdout).toContain('Signature Verified Successfully');
    // The manifest is the one JSON object printed; the evidence-file recipe after it prints a hash.
    const manifest = run.stdout.slice(run.stdout.indexOf('{'), run.stdout.lastIndexOf('}') + 1);
    expect(JSON.parse(manifest)).toMatchObject({
      scope: 'full',
      revisions: 3,
    });

    const current = JSON.parse(readFileSync(path.join(work, 'current.json'), 'utf8')) as {
      record: string;
      body: object;
    }[];
    expect(current.map((r) => r.record).sort()).toEqual(['kalesnikava', 'losik']);
    expect(current.find((r) => r.record === 'kalesnikava')!.body).toMatchObject({ sex: 'female' });
    expect(
      readFileSync(path.join(work, 'revisions.jsonl'), 'utf8').trim().split('\n'),
    ).toHaveLength(3);
    expect(readFileSync(path.join(work, 'people.txt'), 'utf8')).toMatch(
      /^kalesnikava\|[0-9T:.Z-]+\|Марыя Калеснікава\nkalesnikava\|[0-9T:.Z-]+\|Марыя Калеснікава\nlosik\|[0-9T:.Z-]+\|Ігар Лосік\n$/,
    );

    // The other way round: Debian's age encrypts the same plaintext to headquarters' vault.
    const hq = await newVault();
    const recipient = (await ensureDeviceIdentity(hq.vault)).entry.recipient;
    hq.vault.lock();
    const again = path.join(work, 'by-debian-age.cbundle');
    execFileSync(
      'age',
      ['--encrypt', '--recipient', recipient, '--output', again, 'bundle.jsonl'],
      {
        cwd: work,
      },
    );
    const signer = JSON.parse(readFileSync(path.join(work, 'bundle.jsonl'), 'utf8').split('\n')[0]!)
      .signingKey as string;
    const imported = casebook(
      ['--vault', hq.dir, 'bundle', 'import', again, '--trust-signer', signer],
      { env },
    );
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/3 revisions, 3 new/);
    expect(casebook(['--vault', hq.dir, 'get', 'losik'], { env }).stdout).toContain('Ігар Лосік');

    // With only the offline key: a vault that is not a recipient imports with --identity.
    const other = await newVault();
    other.vault.lock();
    const withKey = casebook(
      [
        '--vault',
        other.dir,
        'bundle',
        'import',
        bundle,
        '--identity',
        path.join(work, 'hq-offline.key'),
        '--trust-signer',
        signer,
      ],
      { env },
    );
    expect(withKey.status, withKey.stderr).toBe(0);
  });

  it("a passphrase bundle opens with Debian's age and the passphrase typed on a terminal", async () => {
    const work = tempDir('casebook-recovery-');
    const { vault, dir } = await newVault();
    vault.put('person', { names: [{ value: 'Алесь Бяляцкі' }] }, { id: 'bialiatski' });
    vault.lock();
    const backup = path.join(work, 'backup.cbundle');
    const bundlePassphrase = 'a long passphrase for the backup';
    const exported = casebook(
      ['--vault', dir, 'bundle', 'export', '--passphrase', '--out', backup],
      {
        env: { ...env, CASEBOOK_BUNDLE_PASSPHRASE: bundlePassphrase },
      },
    );
    expect(exported.status, exported.stderr).toBe(0);
    // age reads a passphrase only from a terminal; script(1) gives it one.
    const run = spawnSync(
      'script',
      ['-qec', 'age --decrypt --output bundle.jsonl backup.cbundle', '/dev/null'],
      { cwd: work, input: `${bundlePassphrase}\n`, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const lines = readFileSync(path.join(work, 'bundle.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[1]!)).toMatchObject({
      kind: 'revision',
      record: 'bialiatski',
      body: { names: [{ value: 'Алесь Бяляцкі' }] },
    });
  });
});
