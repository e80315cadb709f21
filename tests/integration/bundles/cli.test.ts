import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { readDeviceIdentity } from '../../../db/identity';
import { casebook, type CliRun } from '../../support/cli';
import { findSentinels, newVault, passphrase, tempDir } from '../../support/vaults';

/** Hand sync as a documenter and headquarters do it, through the command line. */
const env = { CASEBOOK_PASSPHRASE: passphrase };

function ok(run: CliRun): string {
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

async function vaultDir(): Promise<string> {
  const { vault, dir } = await newVault();
  vault.lock();
  return dir;
}

const cb = (dir: string, args: string[], input?: string) =>
  casebook(['--vault', dir, ...args], { env, ...(input === undefined ? {} : { input }) });

const person = (name: string, more: object = {}) =>
  JSON.stringify({ names: [{ value: name, lang: 'be' }], ...more });

describe('casebook bundle, identity, trust and conflicts', () => {
  it('a field laptop and headquarters trust each other, exchange bundles, and resolve a conflict', async () => {
    const [field, hq] = [await vaultDir(), await vaultDir()];
    const work = tempDir('casebook-cli-bundles-');
    const file = (name: string) => path.join(work, name);

    const hqEntry = JSON.parse(ok(cb(hq, ['identity', '--name', 'Headquarters'])));
    expect(hqEntry).toMatchObject({
      name: 'Headquarters',
      device: expect.stringMatching(/^[0-9a-f]{32}$/),
      signingKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      recipient: expect.stringMatching(/^age1[a-z0-9]{58}$/),
    });
    expect(JSON.parse(ok(cb(hq, ['identity'])))).toEqual(hqEntry);
    const fieldEntry = ok(cb(field, ['identity', '--name', 'Field laptop 3']));
    expect(ok(cb(hq, ['trust', 'add-device', '-'], fieldEntry))).toMatch(/"Field laptop 3".*added/);
    writeFileSync(file('org.json'), ok(cb(hq, ['trust', 'profile', '--name', 'Org'])));
    expect(ok(cb(field, ['trust', 'import', file('org.json')]))).toMatch(
      /Trusted devices: 1 added.*Recipients: 1 added/,
    );
    expect(JSON.parse(ok(cb(field, ['trust', 'list'])))).toEqual({
      recipients: [{ name: 'Headquarters', recipient: hqEntry.recipient }],
      devices: [hqEntry],
    });

    ok(cb(field, ['put', '--type', 'person', '--id', 'p1'], person('Алена', { sex: 'female' })));
    ok(cb(field, ['put', '--type', 'person', '--id', 'p2'], person('Ігар')));
    const first = cb(field, [
      'bundle',
      'export',
      '--to',
      'Headquarters',
      '--since-last',
      '--out',
      file('1.cbundle'),
    ]);
    expect(ok(first)).toMatch(/number 1, full\), 2 revisions/);
    expect(cb(field, ['bundle', 'import', file('1.cbundle')]).stderr).toMatch(
      /not made for this vault/,
    );
    expect(ok(cb(hq, ['bundle', 'import', file('1.cbundle')]))).toMatch(
      /signed by "Field laptop 3": 2 revisions, 2 new, 0 already here; 2 records changed/,
    );

    // Both change p1's sex; the field laptop also adds a region, headquarters an occupation.
    ok(
      cb(
        field,
        ['put', '--type', 'person', '--id', 'p1'],
        person('Алена', { sex: 'male', region: 'by-mi' }),
      ),
    );
    ok(
      cb(
        hq,
        ['put', '--type', 'person', '--id', 'p1'],
        person('Алена', { sex: 'unknown', occupation: 'teacher' }),
      ),
    );
    expect(
      ok(
        cb(field, [
          'bundle',
          'export',
          '--to',
          'Headquarters',
          '--since-last',
          '--out',
          file('2.cbundle'),
        ]),
      ),
    ).toMatch(/number 2, incremental\), 1 revisions/);
    expect(
      ok(cb(hq, ['bundle', 'export', '--to', 'Field laptop 3', '--out', file('hq.cbundle')])),
    ).toMatch(/full/);
    expect(ok(cb(hq, ['bundle', 'import', file('2.cbundle')]))).toMatch(
      /1 records were changed on two devices in the same fields: "casebook conflicts" lists them/,
    );
    ok(cb(field, ['bundle', 'import', file('hq.cbundle')]));

    for (const dir of [hq, field]) {
      const lines = ok(cb(dir, ['conflicts']))
        .trim()
        .split('\n');
      expect(lines).toHaveLength(1);
      const conflict = JSON.parse(lines[0]!);
      expect(conflict).toMatchObject({ id: 'p1', type: 'person', fields: ['sex'] });
      expect(conflict.revisions.map((r: { values: object }) => r.values)).toEqual(
        expect.arrayContaining([{ sex: 'male' }, { sex: 'unknown' }]),
      );
      expect(JSON.parse(ok(cb(dir, ['get', 'p1']))).body).toMatchObject({
        region: 'by-mi',
        occupation: 'teacher',
      });
    }
    expect(ok(cb(hq, ['get', 'p1']))).toEqual(ok(cb(field, ['get', 'p1'])));

    ok(
      cb(
        hq,
        ['put', '--type', 'person', '--id', 'p1'],
        person('Алена', { sex: 'female', region: 'by-mi', occupation: 'teacher' }),
      ),
    );
    expect(ok(cb(hq, ['conflicts']))).toBe('');
    ok(
      cb(hq, [
        'bundle',
        'export',
        '--to',
        'Field laptop 3',
        '--since-last',
        '--out',
        file('hq2.cbundle'),
      ]),
    );
    ok(cb(field, ['bundle', 'import', file('hq2.cbundle')]));
    expect(ok(cb(field, ['conflicts']))).toBe('');
    expect(JSON.parse(ok(cb(field, ['get', 'p1']))).body).toMatchObject({ sex: 'female' });
    const history = ok(cb(field, ['history', 'p1']))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(history.at(-1).parents).toHaveLength(2);
  });

  it('an unknown signer is refused until trusted explicitly by its key', async () => {
    const [stranger, hq] = [await vaultDir(), await vaultDir()];
    const work = tempDir('casebook-cli-bundles-');
    const hqEntry = JSON.parse(ok(cb(hq, ['identity'])));
    ok(cb(stranger, ['put', '--type', 'person', '--id', 's1'], person('Зміцер')));
    const bundle = path.join(work, 's.cbundle');
    ok(cb(stranger, ['bundle', 'export', '--to', hqEntry.recipient, '--out', bundle]));
    const refused = cb(hq, ['bundle', 'import', bundle]);
    expect(refused.status).toBe(1);
    const key = /--trust-signer ([0-9a-f]{64})/.exec(refused.stderr)![1]!;
    expect(cb(hq, ['bundle', 'import', bundle, '--trust-signer', 'ab'.repeat(32)]).status).toBe(1);
    expect(ok(cb(hq, ['bundle', 'import', bundle, '--trust-signer', key]))).toMatch(
      /now trusts device [0-9a-f]{32} \(signing key [0-9a-f]{64}\)/,
    );
    expect(JSON.parse(ok(cb(hq, ['trust', 'list']))).devices).toHaveLength(1);
  });

  it('says how to use it when misused', async () => {
    const dir = await vaultDir();
    const out = path.join(tempDir(), 'x.cbundle');
    expect(cb(dir, ['bundle', 'export', '--out', out]).stderr).toMatch(/needs --to RECIPIENT/);
    expect(cb(dir, ['bundle', 'export', '--to', 'nobody', '--out', out]).stderr).toMatch(
      /neither an age recipient .* nor the name/,
    );
    expect(cb(dir, ['bundle', 'export', '--to', 'x', '--passphrase', '--out', out]).stderr).toMatch(
      /not both/,
    );
    expect(cb(dir, ['bundle', 'sideways']).stderr).toMatch(/Use "bundle export/);
    expect(cb(dir, ['trust', 'import', out]).stderr).toMatch(/There is no profile/);
    expect(cb(dir, ['trust', 'add-device', '-'], '{"name":"x"}').stderr).toMatch(
      /not a device entry/,
    );
    expect(cb(dir, ['identity', '--name', 'bad\u0007name']).stderr).toMatch(/printable/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('nothing sensitive in clear: not in the bundle, not in the vault, and no device secret either', async () => {
    const root = tempDir();
    const tmp = path.join(root, 'tmp');
    const { vault, dir } = await newVault(path.join(root, 'vault'));
    vault.lock();
    const hq = await vaultDir();
    const hqEntry = JSON.parse(ok(cb(hq, ['identity', '--name', 'Штаб Вясны'])));
    const sentinels = [
      'Сакрэтнае Прозвішча Лукашэвіч',
      'سري للغاية حارس السجن',
      'ZEBRA-SENTINEL-7731',
    ];
    ok(cb(dir, ['trust', 'add-device', '-'], JSON.stringify(hqEntry)));
    ok(
      cb(
        dir,
        ['put', '--type', 'person', '--id', 'p1'],
        person(sentinels[0]!, { occupation: `${sentinels[1]} ${sentinels[2]}` }),
      ),
    );
    const bundle = path.join(root, 'out', 'b.cbundle');
    mkdirSync(path.dirname(bundle));
    mkdirSync(tmp);
    ok(
      casebook(['--vault', dir, 'bundle', 'export', '--to', 'Штаб Вясны', '--out', bundle], {
        env: { ...env, TMPDIR: tmp },
      }),
    );
    expect(findSentinels([dir, tmp, path.dirname(bundle)], [...sentinels, 'Штаб Вясны'])).toEqual(
      [],
    );

    const opened = await Vault.unlock(dir, passphrase);
    const identity = readDeviceIdentity(opened)!;
    const secrets = [identity.ageIdentity, Buffer.from(identity.signingSecretKey).toString('hex')];
    const secretBytes = Buffer.from(identity.signingSecretKey.subarray(0, 32));
    opened.lock();
    expect(findSentinels([dir], secrets)).toEqual([]);
    for (const name of ['vault.db', 'keyslots.json'])
      expect(readFileSync(path.join(dir, name)).includes(secretBytes)).toBe(false);
  });
});
