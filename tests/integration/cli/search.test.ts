import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import { searchStateName } from '../../../db/search';
import { casebook } from '../../support/cli';
import { findSentinels, newVault, passphrase, tempDir } from '../../support/vaults';

const env = { CASEBOOK_PASSPHRASE: passphrase };

const records = [
  {
    type: 'person',
    id: 'kalesnikava',
    fields: { names: [{ value: 'Марыя Калеснікава', lang: 'be' }], sex: 'female', region: 'by-mi' },
  },
  {
    type: 'person',
    id: 'kalesnik',
    fields: { names: [{ value: 'Andrei Kalesnik' }], sex: 'male' },
  },
  {
    type: 'person',
    id: 'bialiacki',
    fields: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }], sex: 'male' },
  },
  {
    type: 'person',
    id: 'hostile',
    fields: { names: [{ value: 'Zmicier <img src=x onerror=alert(1)>' }] },
  },
  {
    type: 'case',
    id: 'c1',
    fields: {
      title: 'Search of the Viasna office',
      type: 'search',
      summary: 'Officers seized the archive of Viasna in Minsk.',
    },
  },
];

async function vaultWithRecords() {
  const { vault, dir } = await newVault();
  seedDefaultVocabularies(vault);
  vault.lock();
  const file = path.join(tempDir(), 'records.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const imported = casebook(['--vault', dir, 'import', file], { env });
  expect(imported.status, imported.stderr).toBe(0);
  return dir;
}

const searchJson = (dir: string, ...args: string[]) => {
  const run = casebook(['--vault', dir, 'search', ...args, '--json'], { env });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim() === ''
    ? []
    : run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
};

describe('casebook search', () => {
  it('finds a person however the name is written, and with a typo', async () => {
    const dir = await vaultWithRecords();
    for (const spelling of [
      'Каляснікава',
      'Калесникова',
      'Kaleśnikava',
      'Kalesnikava',
      'Kolesnikova',
      'Kalesnikova Maria',
      'Kalesnikawa',
    ]) {
      const hits = searchJson(dir, spelling);
      expect(hits[0], spelling).toMatchObject({
        id: 'kalesnikava',
        type: 'person',
        label: 'Марыя Калеснікава',
      });
    }
    expect(searchJson(dir, 'Bialiacki')[0]).toMatchObject({ id: 'bialiacki' });
    expect(searchJson(dir, 'Беляцкий')[0]).toMatchObject({ id: 'bialiacki' });
  });

  it('searches text across entities, with filters', async () => {
    const dir = await vaultWithRecords();
    expect(searchJson(dir, 'archive')).toEqual([
      expect.objectContaining({ id: 'c1', type: 'case', matched: 'text' }),
    ]);
    expect(searchJson(dir, 'Viasna', '--type', 'person')).toEqual([]);
    expect(searchJson(dir, 'Kalesnikava', '--sex', 'male').map((h) => h.id)).not.toContain(
      'kalesnikava',
    );
    expect(searchJson(dir, 'Kalesnikava', '--region', 'by-mi').map((h) => h.id)).toEqual([
      'kalesnikava',
    ]);
  });

  it('prints results as text, hostile names as they are', async () => {
    const dir = await vaultWithRecords();
    const run = casebook(['--vault', dir, 'search', 'Zmicier'], { env });
    expect(run.stdout).toMatch(/person\s+hostile\s+Zmicier <img src=x onerror=alert\(1\)>/);
    expect(casebook(['--vault', dir, 'search', 'Nobody Atall'], { env }).stdout).toMatch(
      /Nothing found/,
    );
    expect(casebook(['--vault', dir, 'search'], { env }).stderr).toMatch(
      /needs something to look for/,
    );
  });

  it('keeps its index sealed in the vault, caught up with every change', async () => {
    const dir = await vaultWithRecords();
    searchJson(dir, 'Kalesnikava');
    const vault = await Vault.unlock(dir, passphrase);
    const state = vault.readState(searchStateName);
    expect(state?.upToSeq).toBe(vault.lastSeq());
    vault.delete('kalesnikava');
    vault.lock();
    expect(findSentinels([dir], ['Калеснікава', 'Kalesnik', 'Бяляцкі', 'Viasna'])).toEqual([]);
    expect(searchJson(dir, 'Kalesnikava').map((h) => h.id)).not.toContain('kalesnikava');
  });

  it('warns of a possible duplicate when a person is entered or imported', async () => {
    const dir = await vaultWithRecords();
    const put = casebook(['--vault', dir, 'put', '--type', 'person'], {
      env,
      input: JSON.stringify({
        names: [{ value: 'Maria Kolesnikova', kind: 'press' }],
        sex: 'female',
      }),
    });
    expect(put.status, put.stderr).toBe(0);
    expect(put.stderr).toMatch(
      /possible duplicate: [0-9a-f-]{36} "Maria Kolesnikova" may be kalesnikava "Марыя Калеснікава" \(score [01]\.\d\d\)/,
    );
    const file = path.join(tempDir(), 'more.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'person',
        id: 'new-1',
        fields: { names: [{ value: 'Ales Bialiacki' }] },
      }),
    );
    const imported = casebook(['--vault', dir, 'import', file], { env });
    expect(imported.stderr).toMatch(/possible duplicate: new-1 "Ales Bialiacki" may be bialiacki/);
  });
});
