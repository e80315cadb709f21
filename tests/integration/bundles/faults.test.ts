import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { Vault } from '../../../db';
import {
  bundleFormat,
  encryptBytes,
  importBundle,
  isBundleError,
  manifestLine,
  revisionLine,
  signedPayload,
  type BundleKey,
  type BundleProblem,
  type Manifest,
} from '../../../db/bundles';
import { validateRecordFields } from '../../../db/caseRecords';
import { loadSodium } from '../../../db/crypto/sodium';
import { readDeviceIdentity } from '../../../db/identity';
import { casebook } from '../../support/cli';
import { passphrase, snapshot } from '../../support/vaults';
import { bundlePath, device, organisation, send, type Device } from './devices';

/**
 * Hundreds of bad bundles, each refused with one clear error, and the vault byte for byte
 * as it was after every one of them.
 */
interface FaultCase {
  readonly label: string;
  readonly file: string;
  readonly problems: readonly BundleProblem[];
  readonly maxBytes?: number;
  readonly passphrase?: string;
}

/** A fixed-seed generator, so a failure names a case that happens again. */
function random(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

const person = (name: string, address = '') => ({
  names: [{ value: name, lang: 'be' }],
  sex: 'female',
  ...(address ? { contacts: { address } } : {}),
});

async function scene() {
  const [field, hq] = await organisation('field', 'hq');
  const outsider = await device('outsider');
  for (let i = 0; i < 40; i++) {
    field!.vault.put('person', person(`Алена ${i}`, 'сведка '.repeat(140)), { id: `p${i}` });
  }
  field!.vault.put('person', person('Алена 0', 'дапоўнена'), { id: 'p0' });
  field!.vault.delete('p1');
  hq!.vault.put('case', { title: 'held here' }, { id: 'taken' });
  const good = await send(field!, [hq!]);
  const sodium = await loadSodium();
  const fieldKey = readDeviceIdentity(field!.vault)!.signingSecretKey;
  const outsiderKey = readDeviceIdentity(outsider.vault)!.signingSecretKey;
  const lines = [...field!.vault.revisionsBetween(0, field!.vault.lastSeq())].map(revisionLine);
  const manifest = (overrides: Partial<Manifest> = {}): Manifest => ({
    kind: 'manifest',
    format: bundleFormat,
    version: 1,
    bundle: 'ab'.repeat(16),
    vault: field!.vault.vaultId,
    device: field!.vault.deviceId,
    signingKey: readDeviceIdentity(field!.vault)!.entry.signingKey,
    recipient: field!.recipient,
    sequence: 900,
    createdAt: '2026-01-02T03:04:05.678Z',
    scope: 'full',
    since: 0,
    upTo: 99,
    revisions: lines.length,
    ...overrides,
  });
  const write = async (plaintext: Uint8Array, key: BundleKey = { recipients: [hq!.recipient] }) => {
    const file = bundlePath('fault');
    writeFileSync(file, await encryptBytes(plaintext, key));
    return file;
  };
  /** A bundle signed by the field laptop (or another key) around the given lines. */
  const signed = (body: readonly string[], key = fieldKey, count?: number) =>
    write(signedPayload(sodium, key, body, count ?? body.length - 1));
  return { field: field!, hq: hq!, outsider, good, lines, manifest, write, signed, outsiderKey };
}

type Scene = Awaited<ReturnType<typeof scene>>;

function headerEnd(bytes: Buffer): number {
  return bytes.indexOf('\n', bytes.indexOf('\n---') + 1) + 1;
}

async function damagedCopies(s: Scene): Promise<FaultCase[]> {
  const bytes = readFileSync(s.good);
  const header = headerEnd(bytes);
  const next = random(7);
  const cases: FaultCase[] = [];
  const chunkEdge = header + 16 + 64 * 1024 + 16;
  const cuts = [0, 5, 21, 22, 40, header - 1, header, header + 16, chunkEdge, bytes.length - 1];
  for (let i = 0; i < 60; i++) cuts.push(1 + next(bytes.length - 1));
  for (const cut of cuts) {
    const file = bundlePath('cut');
    writeFileSync(file, bytes.subarray(0, cut));
    cases.push({
      label: `cut to ${cut} bytes`,
      file,
      problems: cut >= header ? ['damaged'] : ['damaged', 'not_a_bundle', 'not_for_this_vault'],
    });
  }
  for (let i = 0; i < 130; i++) {
    const at = i < 20 ? next(header) : header + next(bytes.length - header);
    const copy = Buffer.from(bytes);
    copy[at]! ^= 1 << next(8);
    const file = bundlePath('flip');
    writeFileSync(file, copy);
    cases.push({
      label: `bit flipped at byte ${at}`,
      file,
      problems: at >= header ? ['damaged'] : ['damaged', 'not_a_bundle', 'not_for_this_vault'],
    });
  }
  return cases;
}

async function wrongKeys(s: Scene): Promise<FaultCase[]> {
  const plaintext = signedPayload(
    await loadSodium(),
    readDeviceIdentity(s.field.vault)!.signingSecretKey,
    [manifestLine(s.manifest()), ...s.lines],
  );
  const stranger = (await device('stranger')).recipient;
  return [
    {
      label: 'to an outsider',
      file: await s.write(plaintext, { recipients: [s.outsider.recipient] }),
      problems: ['not_for_this_vault'],
    },
    {
      label: 'to two others',
      file: await s.write(plaintext, { recipients: [s.outsider.recipient, stranger] }),
      problems: ['not_for_this_vault'],
    },
    {
      label: 'to the sender itself',
      file: await s.write(plaintext, { recipients: [s.field.recipient] }),
      problems: ['not_for_this_vault'],
    },
    {
      label: 'to a passphrase, none given',
      file: await s.write(plaintext, {
        passphrase: 'a passphrase of the courier',
        scryptWorkFactor: 10,
      }),
      problems: ['wrong_passphrase'],
    },
    {
      label: 'to a passphrase, the wrong one',
      file: await s.write(plaintext, {
        passphrase: 'a passphrase of the courier',
        scryptWorkFactor: 10,
      }),
      problems: ['wrong_passphrase'],
      passphrase: 'not the courier passphrase',
    },
  ];
}

async function badSignatures(s: Scene): Promise<FaultCase[]> {
  const sodium = await loadSodium();
  const all = [manifestLine(s.manifest()), ...s.lines];
  const valid = signedPayload(sodium, readDeviceIdentity(s.field.vault)!.signingSecretKey, all);
  const text = valid.toString('utf8');
  const lastLine = text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
  const end = JSON.parse(lastLine) as Record<string, unknown>;
  const withEnd = (changes: Record<string, unknown>) =>
    Buffer.from(all.join('') + JSON.stringify({ ...end, ...changes }) + '\n');
  const withoutSignature = { ...end };
  delete withoutSignature.signature;
  const altered = Buffer.from(text.replace('дапоўнена', 'дапоўнена!'));
  return [
    {
      label: 'no last line',
      file: await s.write(Buffer.from(all.join(''))),
      problems: ['unsigned'],
    },
    {
      label: 'last line without signature',
      file: await s.write(Buffer.from(all.join('') + JSON.stringify(withoutSignature) + '\n')),
      problems: ['unsigned'],
    },
    {
      label: 'empty signature',
      file: await s.write(withEnd({ signature: '' })),
      problems: ['unsigned'],
    },
    { label: 'a body altered after signing', file: await s.write(altered), problems: ['forged'] },
    {
      label: 'a signature by another key',
      file: await s.signed(all, s.outsiderKey),
      problems: ['forged'],
    },
    {
      label: 'a hash that does not match',
      file: await s.write(withEnd({ sha256: '0'.repeat(64) })),
      problems: ['forged'],
    },
    {
      label: 'a signature of zeros',
      file: await s.write(withEnd({ signature: '0'.repeat(128) })),
      problems: ['forged'],
    },
    {
      label: 'an outsider, signing as itself',
      file: await s.signed(
        [
          manifestLine(
            s.manifest({
              device: s.outsider.vault.deviceId,
              signingKey: readDeviceIdentity(s.outsider.vault)!.entry.signingKey,
            }),
          ),
          ...s.lines,
        ],
        s.outsiderKey,
      ),
      problems: ['untrusted'],
    },
    {
      label: 'an outsider, claiming a trusted device id',
      file: await s.signed(
        [
          manifestLine(
            s.manifest({ signingKey: readDeviceIdentity(s.outsider.vault)!.entry.signingKey }),
          ),
          ...s.lines,
        ],
        s.outsiderKey,
      ),
      problems: ['untrusted'],
    },
    {
      label: 'a trusted key, claiming another device id',
      file: await s.signed([manifestLine(s.manifest({ device: 'cd'.repeat(16) })), ...s.lines]),
      problems: ['untrusted'],
    },
  ];
}

async function malformed(s: Scene): Promise<FaultCase[]> {
  const cases: FaultCase[] = [];
  const m = manifestLine(s.manifest());
  const line = JSON.parse(s.lines[0]!) as Record<string, unknown>;
  const revision = (changes: Record<string, unknown>) =>
    JSON.stringify({ ...line, ...changes }) + '\n';
  const add = async (label: string, body: string[], problems: BundleProblem[], count?: number) =>
    cases.push({ label, file: await s.signed(body, undefined, count), problems });
  await add('nothing inside', [], ['not_a_bundle'], 0);
  await add('a first line that is not JSON', ['hello\n', ...s.lines], ['not_a_bundle']);
  await add(
    'a first line of another format',
    [JSON.stringify({ format: 'other' }) + '\n'],
    ['not_a_bundle'],
  );
  await add(
    'a newer format version',
    [JSON.stringify({ ...s.manifest(), version: 3 }) + '\n', ...s.lines],
    ['too_new'],
  );
  await add(
    'a manifest without a device',
    [JSON.stringify({ ...s.manifest(), device: undefined }) + '\n'],
    ['malformed'],
  );
  await add(
    'a manifest with an extra key',
    [JSON.stringify({ ...s.manifest(), extra: 1 }) + '\n'],
    ['malformed'],
  );
  await add(
    'a manifest that counts wrong',
    [manifestLine(s.manifest({ revisions: 3 })), ...s.lines.slice(0, 2)],
    ['malformed'],
    2,
  );
  await add(
    'more revisions than announced',
    [manifestLine(s.manifest({ revisions: 1 })), ...s.lines.slice(0, 2)],
    ['malformed'],
    2,
  );
  await add('a revision line that is not JSON', [m, '{"kind":"revision",\n'], ['malformed']);
  await add('a line of an unknown kind', [m, '{"kind":"surprise"}\n'], ['malformed']);
  await add('a line of attachments', [m, '{"kind":"blob","id":"x","data":""}\n'], ['too_new']);
  await add('a name as a record id', [m, revision({ record: 'Алена Бяляцкая' })], ['malformed']);
  await add('a short revision id', [m, revision({ revision: 'abc' })], ['malformed']);
  await add('an upper-case type', [m, revision({ type: 'Person' })], ['malformed']);
  await add('a parent that is not a revision id', [m, revision({ parents: ['x'] })], ['malformed']);
  await add(
    'a revision that is its own parent',
    [m, revision({ parents: [line.revision] })],
    ['malformed'],
  );
  await add(
    'a parent twice',
    [m, revision({ parents: ['a'.repeat(32), 'a'.repeat(32)] })],
    ['malformed'],
  );
  await add('a tombstone with a body', [m, revision({ deleted: true })], ['malformed']);
  await add('a live revision without a body', [m, revision({ body: null })], ['malformed']);
  await add('a body that is a list', [m, revision({ body: [1] })], ['malformed']);
  await add('a time that is not one', [m, revision({ at: 'yesterday' })], ['malformed']);
  await add(
    'a time of the 31st of February',
    [m, revision({ at: '2026-02-31T10:00:00.000Z' })],
    ['malformed'],
  );
  await add('an extra key on a revision', [m, revision({ extra: 1 })], ['malformed']);
  await add('a person without names', [m, revision({ body: { sex: 'female' } })], ['malformed']);
  await add(
    'one revision twice, differently',
    [
      manifestLine(s.manifest({ revisions: 2 })),
      s.lines[0]!,
      revision({ at: '2020-01-01T00:00:00.000Z' }),
    ],
    ['malformed'],
  );
  await add(
    'a record of this vault under another type',
    [m, revision({ record: 'taken' })],
    ['malformed'],
  );
  const payload = signedPayload(
    await loadSodium(),
    readDeviceIdentity(s.field.vault)!.signingSecretKey,
    [manifestLine(s.manifest({ revisions: 0 }))],
    0,
  );
  cases.push({
    label: 'data after the last line',
    file: await s.write(Buffer.concat([payload, Buffer.from('{"kind":"revision"}\n')])),
    problems: ['malformed'],
  });
  cases.push({
    label: 'a last line cut short',
    file: await s.write(payload.subarray(0, payload.length - 1)),
    problems: ['malformed'],
  });
  // Random damage to one field of a revision, signed as if the field laptop meant it.
  const next = random(11);
  const junk: unknown[] = [
    null,
    true,
    -1,
    1.5,
    '',
    'x'.repeat(80),
    [],
    {},
    ['a'],
    { a: 1 },
    'Алена',
    2 ** 60,
  ];
  const keys = Object.keys(line);
  for (let i = 0; i < 40; i++) {
    const key = keys[next(keys.length)]!;
    const value = junk[next(junk.length)];
    if (key === 'body' && value !== null && typeof value === 'object' && !Array.isArray(value))
      continue;
    if (key === 'parents' && Array.isArray(value) && value.length === 0) continue;
    await add(
      `${key} set to ${JSON.stringify(value)}`,
      [m, revision({ [key]: value })],
      ['malformed'],
    );
  }
  for (let i = 0; i < 20; i++) {
    const file = bundlePath('garbage');
    const bytes = Buffer.alloc(1 + next(3000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = next(256);
    if (i % 2 === 0) bytes.write('age-encryption.org/v1\n');
    writeFileSync(file, bytes);
    cases.push({
      label: `random bytes ${i}`,
      file,
      problems: i % 2 === 0 ? ['damaged'] : ['not_a_bundle'],
    });
  }
  return cases;
}

async function oversized(s: Scene): Promise<FaultCase[]> {
  const huge =
    JSON.stringify({
      ...JSON.parse(s.lines[0]!),
      body: { ...person('A'), occupation: 'x'.repeat(9 * 1024 * 1024) },
    }) + '\n';
  const scrypt = await s.write(Buffer.from('x'), {
    passphrase: 'a passphrase of the courier',
    scryptWorkFactor: 10,
  });
  const text = readFileSync(scrypt, 'latin1').replace(/(-> scrypt \S+) 10\n/, '$1 21\n');
  writeFileSync(scrypt, Buffer.from(text, 'latin1'));
  return [
    {
      label: 'a file over the size limit',
      file: s.good,
      problems: ['oversized'],
      maxBytes: 10_000,
    },
    {
      label: 'a line longer than any revision',
      file: await s.signed([manifestLine(s.manifest()), huge]),
      problems: ['oversized'],
    },
    {
      label: 'a passphrase that asks for too much work',
      file: scrypt,
      problems: ['oversized'],
      passphrase: 'a passphrase of the courier',
    },
  ];
}

async function attempt(dir: string, fault: FaultCase) {
  const vault = await Vault.unlock(dir, passphrase);
  try {
    await importBundle(vault, fault.file, {
      validate: validateRecordFields,
      passphrase: async () => fault.passphrase ?? 'no passphrase was given',
      ...(fault.maxBytes === undefined ? {} : { maxBytes: fault.maxBytes }),
    });
    return null;
  } catch (error) {
    return error;
  } finally {
    vault.lock();
  }
}

describe('bad bundles', () => {
  it('hundreds of them: each refused with one clear error, the vault byte for byte unchanged', async () => {
    const s = await scene();
    const cases = [
      ...(await damagedCopies(s)),
      ...(await wrongKeys(s)),
      ...(await badSignatures(s)),
      ...(await malformed(s)),
      ...(await oversized(s)),
    ];
    expect(cases.length).toBeGreaterThan(300);
    s.hq.vault.lock();
    s.field.vault.lock();
    const before = snapshot(s.hq.dir);
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const fault of cases) {
      const error = await attempt(s.hq.dir, fault);
      const ok =
        isBundleError(error) &&
        fault.problems.includes(error.problem) &&
        error.message.endsWith('Nothing was changed.') &&
        !error.message.includes('Алена');
      if (isBundleError(error)) seen.add(error.problem);
      if (!ok)
        wrong.push(`${fault.label}: ${isBundleError(error) ? error.problem : String(error)}`);
      expect(snapshot(s.hq.dir), fault.label).toEqual(before);
    }
    expect(wrong).toEqual([]);
    expect([...seen].sort()).toEqual([
      'damaged',
      'forged',
      'malformed',
      'not_a_bundle',
      'not_for_this_vault',
      'oversized',
      'too_new',
      'unsigned',
      'untrusted',
      'wrong_passphrase',
    ]);

    // The good bundle lands once; after that it, and any copy of it, is a replay.
    expect(await attempt(s.hq.dir, { label: 'good', file: s.good, problems: [] })).toBeNull();
    const after = snapshot(s.hq.dir);
    const copy = bundlePath('copy');
    writeFileSync(copy, readFileSync(s.good));
    for (const file of [s.good, copy]) {
      const error = await attempt(s.hq.dir, { label: 'replay', file, problems: ['replayed'] });
      expect(isBundleError(error) && error.problem).toBe('replayed');
      expect(snapshot(s.hq.dir)).toEqual(after);
    }
  });

  it('the command line says what is wrong in one line, exits 1, and changes nothing', async () => {
    const s = await scene();
    s.hq.vault.lock();
    s.field.vault.lock();
    const env = { CASEBOOK_PASSPHRASE: passphrase };
    const cut = bundlePath('cli-cut');
    writeFileSync(cut, readFileSync(s.good).subarray(0, 3000));
    const outsiderBundle = await (async () => {
      const vault = s.outsider.vault;
      vault.put('person', person('Іван'), { id: 'q1' });
      return send(s.outsider, [s.hq]);
    })();
    const faults: [string, RegExp][] = [
      [cut, /This bundle is damaged: it was cut short or altered/],
      [
        outsiderBundle,
        /signed by device [0-9a-f]{32} with signing key [0-9a-f]{64}, which this vault does not trust/,
      ],
      [bundlePath('missing'), /There is no file/],
    ];
    const before = snapshot(s.hq.dir);
    for (const [file, message] of faults) {
      const run = casebook(['--vault', s.hq.dir, 'bundle', 'import', file], { env });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(s.hq.dir)).toEqual(before);
    }
    const good = casebook(['--vault', s.hq.dir, 'bundle', 'import', s.good], { env });
    expect(good.status, good.stderr).toBe(0);
    const replay = casebook(['--vault', s.hq.dir, 'bundle', 'import', s.good], { env });
    expect(replay.stderr).toMatch(/already imported bundle number 1 of device/);
  });
});

export type { Device };
