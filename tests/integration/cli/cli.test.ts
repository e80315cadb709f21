import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import { casebook, cliPath } from '../../support/cli';
import { newVault, passphrase, tempDir } from '../../support/vaults';

const env = { CASEBOOK_PASSPHRASE: passphrase };

/** A CLI error is one line on stderr, starting "casebook:", with no stack trace. */
function expectOneLineError(run: ReturnType<typeof casebook>, status: number, pattern: RegExp) {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^casebook: /);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |node:internal|\.js:\d+/);
}

describe('the casebook CLI', () => {
  it('init uses the real Argon2id cost and prints a recovery code that opens the vault', async () => {
    const dir = path.join(tempDir(), 'vault');
    const init = casebook(['--vault', dir, 'init'], { env });
    expect(init.status, init.stderr).toBe(0);
    const code = /\n {4}([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\n/.exec(init.stdout)?.[1];
    expect(code).toBeDefined();
    const slots = JSON.parse(readFileSync(path.join(dir, 'keyslots.json'), 'utf8'));
    expect(slots.slots.map((s: { kdf: object }) => s.kdf)).toEqual([
      expect.objectContaining({
        algorithm: 'argon2id13',
        opslimit: 4,
        memlimit: 192 * 1024 * 1024,
      }),
      expect.objectContaining({
        algorithm: 'argon2id13',
        opslimit: 4,
        memlimit: 192 * 1024 * 1024,
      }),
    ]);
    const list = casebook(['--vault', dir, 'list'], { env: { CASEBOOK_PASSPHRASE: code } });
    expect(list.status, list.stderr).toBe(0);
    // A new vault holds only the shipped vocabularies, as ordinary editable records.
    const records = list.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(['vocabulary']));
    expect(records.map((r) => r.id)).toContain('vocab-regions');
  });

  it('put, get, list, history, delete: JSON in, JSON out', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const run = (args: string[], input?: string) =>
      casebook(['--vault', dir, ...args], input === undefined ? { env } : { env, input });

    const first = run(
      ['put', '--type', 'person', '--id', 'kalesnikava'],
      '{"names": [{"value": "Марыя Калеснікава", "lang": "be"}]}',
    );
    expect(first.status, first.stderr).toBe(0);
    const written = JSON.parse(first.stdout);
    expect(written).toEqual({
      id: 'kalesnikava',
      revision: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const second = JSON.parse(
      run(
        ['put', '--type', 'person', '--id', 'kalesnikava'],
        '{"names": [{"value": "Maryja Kaleśnikava"}]}',
      ).stdout,
    );
    const anonymous = JSON.parse(
      run(['put', '--type', 'case'], '{"title": "Trial in Minsk", "type": "criminal-prosecution"}')
        .stdout,
    );
    expect(anonymous.id).toMatch(/^[0-9a-f-]{36}$/);

    const got = JSON.parse(run(['get', 'kalesnikava']).stdout);
    expect(got).toMatchObject({
      id: 'kalesnikava',
      type: 'person',
      revision: second.revision,
      parents: [written.revision],
      body: { names: [{ value: 'Maryja Kaleśnikava' }] },
    });

    const listed = run(['list'])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(listed.map((r) => r.id).sort()).toEqual([anonymous.id, 'kalesnikava'].sort());
    expect(run(['list', '--type', 'case']).stdout.trim().split('\n')).toHaveLength(1);

    const history = run(['history', 'kalesnikava'])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(history.map((r) => r.body.names[0].value)).toEqual([
      'Марыя Калеснікава',
      'Maryja Kaleśnikava',
    ]);

    expect(run(['delete', 'kalesnikava']).status).toBe(0);
    expectOneLineError(run(['get', 'kalesnikava']), 1, /was deleted/);
    expect(run(['history', 'kalesnikava']).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('passwd changes the passphrase; erase needs --yes and then nothing opens the vault', async () => {
    const { vault, dir, recoveryCode } = await newVault();
    vault.put('person', { names: [{ value: 'Ales Bialiacki' }] }, { id: 'p1' });
    vault.lock();
    const passwd = casebook(['--vault', dir, 'passwd'], {
      env: { ...env, CASEBOOK_NEW_PASSPHRASE: 'a brand new passphrase' },
    });
    expect(passwd.status, passwd.stderr).toBe(0);
    expectOneLineError(
      casebook(['--vault', dir, 'get', 'p1'], { env }),
      1,
      /does not open this vault/,
    );
    const got = casebook(['--vault', dir, 'get', 'p1'], {
      env: { CASEBOOK_PASSPHRASE: 'a brand new passphrase' },
    });
    expect(JSON.parse(got.stdout).body).toEqual({ names: [{ value: 'Ales Bialiacki' }] });

    expectOneLineError(casebook(['--vault', dir, 'erase'], { env }), 1, /--yes/);
    expect(casebook(['--vault', dir, 'erase', '--yes']).status).toBe(0);
    for (const secret of ['a brand new passphrase', recoveryCode]) {
      expectOneLineError(
        casebook(['--vault', dir, 'list'], { env: { CASEBOOK_PASSPHRASE: secret } }),
        1,
        /no Casebook vault/,
      );
    }
    await expect(Vault.unlock(dir, recoveryCode)).rejects.toMatchObject({ code: 'no_vault' });
  });

  it('bad input gets one clear line and a non-zero exit, and writes nothing', async () => {
    const { vault, dir } = await newVault();
    seedDefaultVocabularies(vault);
    vault.lock();
    const run = (args: string[], options: Parameters<typeof casebook>[1] = { env }) =>
      casebook(['--vault', dir, ...args], options);
    expectOneLineError(
      run(['put', '--type', 'person'], { env, input: '{"names": ["Калеснікава"' }),
      1,
      /not valid JSON/,
    );
    expect(
      run(['put', '--type', 'person'], { env, input: '{"names": ["Калеснікава"' }).stderr,
    ).not.toContain('Калеснікава');
    expectOneLineError(
      run(['put', '--type', 'person'], { env, input: '["a list"]' }),
      1,
      /must be a JSON object/,
    );
    expectOneLineError(run(['put'], { env, input: '{}' }), 1, /needs --type/);
    expectOneLineError(
      run(['put', '--type', 'prisoner'], { env, input: '{}' }),
      1,
      /no record type "prisoner"/,
    );
    expectOneLineError(
      run(['put', '--type', 'person'], {
        env,
        input: '{"names": [{"value": "Алесь"}], "nmae": 1}',
      }),
      1,
      /nmae: is not a field Casebook knows here; did you mean "names"\?/,
    );
    expectOneLineError(
      run(['put', '--type', 'person'], {
        env,
        input: '{"names": [{"value": "Алесь"}], "region": "by-xx"}',
      }),
      1,
      /region: is not a term of the vocabulary regions/,
    );
    expectOneLineError(run(['get', 'missing']), 1, /no record missing/);
    expectOneLineError(run(['get']), 1, /exactly one record id/);
    expectOneLineError(
      run(['list'], { env: { CASEBOOK_PASSPHRASE: 'not the passphrase' } }),
      1,
      /does not open/,
    );
    // With no passphrase in the environment and no terminal to ask on, it says what to do.
    expectOneLineError(
      run(['list'], { env: { CASEBOOK_PASSPHRASE: undefined } }),
      1,
      /set CASEBOOK_PASSPHRASE/,
    );
    expect(run(['list', '--type', 'person']).stdout).toBe('');
  });

  it('misuse prints the usage and exits 2', () => {
    for (const args of [[], ['--vault', 'x', 'frobnicate'], ['--vault', 'x', 'list', '--colour']]) {
      const run = casebook(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Usage: casebook --vault DIR <command>');
    }
    expect(casebook(['list']).stderr).toMatch(/--vault DIR/);
    expect(casebook(['--help']).status).toBe(0);
  });

  it('is an executable script with a node shebang, as npm links it', () => {
    expect(readFileSync(cliPath, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
