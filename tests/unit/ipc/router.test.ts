import { describe, expect, it } from 'vitest';

import { VaultError } from '../../../db';
import { RecordRefused } from '../../../main/ipc/errors';
import { createRouter, type Services } from '../../../main/ipc/router';
import { channelNames } from '../../../shared/ipc/contract';

const revision = 'a'.repeat(32);
const person = {
  id: 'person-1',
  type: 'person',
  revision,
  parents: [],
  device: 'd'.repeat(32),
  at: '2024-03-04T10:15:00.000Z',
  deleted: false,
  body: { names: [{ value: 'Марыя' }] },
};

function unexpected(): never {
  throw new Error('not called in this test');
}

/** Services that answer plausibly; each test overrides the ones it is about. */
function services(overrides: Partial<Services> = {}): Services {
  return {
    'vault.status': () => ({
      state: 'locked',
      folder: '/home/d/Casebook',
      defaultFolder: '/home/d/Casebook',
      autoLockMinutes: 5,
    }),
    'vault.chooseFolder': () => ({ folder: null }),
    'vault.create': () => ({ recoveryCode: 'ABCD-EFGH' }),
    'vault.unlock': () => ({}),
    'vault.lock': () => ({}),
    'vault.setAutoLock': ({ minutes }) => ({ autoLockMinutes: minutes }),
    'records.list': () => ({ items: [{ state: 'ok', record: person }], total: 1 }),
    'records.get': () => person,
    'records.put': () => ({ id: 'person-1', revision }),
    'records.delete': unexpected,
    'records.history': () => ({ revisions: [person] }),
    'conflicts.list': () => ({ records: [] }),
    'conflicts.resolve': unexpected,
    'records.putMany': () => ({ written: [{ id: 'person-1', revision }] }),
    'records.duplicates': () => ({ candidates: [] }),
    'search.query': () => ({ hits: [] }),
    'cases.list': () => ({ items: [], total: 0 }),
    'records.referring': () => ({ items: [] }),
    'records.browse': () => ({ items: [], total: 0 }),
    'vocabularies.list': () => ({ vocabularies: [] }),
    'app.setLanguage': () => ({}),
    'app.activity': () => ({}),
    'task.cancel': () => ({}),
    'import.chooseFile': unexpected,
    'import.records': unexpected,
    'import.bundle': unexpected,
    'reports.profiles': unexpected,
    'reports.saveProfile': unexpected,
    'reports.resetProfile': unexpected,
    'reports.preview': unexpected,
    'reports.export': unexpected,
    'attachments.list': () => ({ files: [] }),
    'attachments.chooseFile': () => ({ file: null, name: null }),
    'attachments.attach': unexpected,
    'attachments.read': unexpected,
    'attachments.custody': unexpected,
    'attachments.verify': unexpected,
    'attachments.saveCopy': unexpected,
    'attachments.exportImage': unexpected,
    ...overrides,
  };
}

describe('createRouter', () => {
  it('answers a valid call with the service result', async () => {
    const router = createRouter(services());
    await expect(router.handle('records.get', { id: 'person-1' })).resolves.toEqual({
      ok: true,
      value: person,
    });
  });

  it('has a channel for every channel of the contract, and no other', () => {
    expect([...createRouter(services()).channels].sort()).toEqual([...channelNames].sort());
  });

  it.each([
    'vault.erase',
    'records.deleteAll',
    '__proto__',
    'constructor',
    'toString',
    'records',
    '',
    42,
    null,
  ])('refuses the unknown channel %j', async (channel) => {
    const router = createRouter(services());
    const reply = await router.handle(channel, {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: expect.any(String) },
    });
  });

  it.each([
    ['vault.unlock', { folder: '/v' }],
    ['vault.unlock', { folder: '/v', secret: '' }],
    ['vault.unlock', { folder: '/v', secret: 'x', extra: true }],
    ['vault.unlock', 'folder=/v'],
    ['vault.unlock', undefined],
    ['vault.create', { folder: '/v\0/x', passphrase: 'long enough' }],
    ['records.list', { type: 'person', offset: -1, limit: 10 }],
    ['records.list', { type: 'person', offset: 0, limit: 100_000 }],
    ['records.list', { type: 'secrets', offset: 0, limit: 10 }],
    ['records.get', { id: 'Марыя Калеснікава' }],
    ['records.put', { type: 'person', body: [] }],
    ['records.put', { type: 'person', body: { names: () => 1 } }],
    ['vault.setAutoLock', { minutes: 0 }],
    ['search.query', { query: 'x'.repeat(301) }],
    ['search.query', { query: 'Kolesnikova', types: ['secrets'] }],
    ['search.query', { query: 'Kolesnikova', from: '9 August 2020' }],
    ['search.query', { query: 'Kolesnikova', limit: 10_000 }],
    ['search.query', { query: 'Kolesnikova', sql: '1=1' }],
    ['records.putMany', { records: [] }],
    [
      'records.putMany',
      { records: Array.from({ length: 21 }, () => ({ type: 'person', body: {} })) },
    ],
    ['records.putMany', { records: [{ type: 'person', id: '../x', body: {} }] }],
    ['records.duplicates', { type: 'person' }],
    ['vocabularies.list', { name: 'regions' }],
    ['app.setLanguage', { language: 'de' }],
  ])('refuses %s with arguments %j before calling the service', async (channel, args) => {
    let called = false;
    const spy = () => {
      called = true;
      return {} as never;
    };
    const router = createRouter(
      services({
        'vault.unlock': spy,
        'vault.create': spy,
        'records.list': spy,
        'records.get': spy,
        'records.put': spy,
        'records.putMany': spy,
        'records.duplicates': spy,
        'search.query': spy,
        'vocabularies.list': spy,
      }),
    );
    const reply = await router.handle(channel, args);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('invalid_request');
    expect(called).toBe(false);
  });

  it('does not echo the offending value in its refusal', async () => {
    const router = createRouter(services());
    const reply = await router.handle('records.get', { id: 'Марыя Калеснікава' });
    expect(JSON.stringify(reply)).not.toContain('Марыя');
  });

  it('turns a VaultError into its code and message', async () => {
    const router = createRouter(
      services({
        'vault.unlock': () => {
          throw new VaultError('wrong_secret', 'That passphrase does not open this vault.');
        },
      }),
    );
    await expect(router.handle('vault.unlock', { folder: '/v', secret: 'nope' })).resolves.toEqual({
      ok: false,
      error: { code: 'wrong_secret', message: 'That passphrase does not open this vault.' },
    });
  });

  it('passes on the fields of a refused record', async () => {
    const fields = [{ path: 'names[0].value', message: 'must not be empty' }];
    const router = createRouter(
      services({
        'records.put': () => {
          throw new RecordRefused(fields);
        },
      }),
    );
    const reply = await router.handle('records.put', { type: 'person', body: { names: [] } });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'validation_failed', message: expect.any(String), fields },
    });
  });

  it('reports an unexpected exception as a generic error: no message, no stack, no class', async () => {
    const noticed: string[] = [];
    const router = createRouter(
      services({
        'records.get': async () => {
          throw new TypeError('Cannot read "Марыя Калеснікава" at /home/d/Casebook/vault.db');
        },
      }),
      { onUnexpected: (channel, what) => noticed.push(`${channel} ${what}`) },
    );
    const reply = await router.handle('records.get', { id: 'person-1' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('internal_error');
    const text = JSON.stringify(reply);
    for (const leak of ['Марыя', 'Casebook/vault.db', 'TypeError', 'at ', 'stack']) {
      expect(text).not.toContain(leak);
    }
    expect(noticed).toEqual(['records.get TypeError']);
  });

  it('treats a thrown non-Error the same way', async () => {
    const router = createRouter(
      services({
        'vault.lock': () => {
          throw 'secret string';
        },
      }),
    );
    const reply = await router.handle('vault.lock', {});
    expect(JSON.stringify(reply)).not.toContain('secret string');
    expect(!reply.ok && reply.error.code).toBe('internal_error');
  });

  it('refuses a result outside the contract', async () => {
    const router = createRouter(
      services({ 'records.get': () => ({ ...person, revision: 'not-a-revision' }) }),
    );
    const reply = await router.handle('records.get', { id: 'person-1' });
    expect(!reply.ok && reply.error.code).toBe('internal_error');
    expect(JSON.stringify(reply)).not.toContain('not-a-revision');
  });

  it('strips what a result carries beyond the contract', async () => {
    const router = createRouter(
      services({
        'vault.create': () =>
          ({ recoveryCode: 'ABCD-EFGH', vaultKey: 'c2VjcmV0' }) as unknown as {
            recoveryCode: string;
          },
      }),
    );
    await expect(
      router.handle('vault.create', { folder: '/v', passphrase: 'long enough' }),
    ).resolves.toEqual({ ok: true, value: { recoveryCode: 'ABCD-EFGH' } });
  });

  it('answers a search with hits that carry a label, and drops what the contract lacks', async () => {
    const hit = { id: 'person-1', type: 'person', score: 0.75, matched: 'transliterated' };
    const router = createRouter(
      services({
        'search.query': ({ query, types }) => {
          expect({ query, types }).toEqual({ query: 'Kolesnikova', types: ['person'] });
          return { hits: [{ ...hit, label: 'Марыя', body: { secret: 1 } }] } as never;
        },
      }),
    );
    await expect(
      router.handle('search.query', { query: 'Kolesnikova', types: ['person'] }),
    ).resolves.toEqual({ ok: true, value: { hits: [{ ...hit, label: 'Марыя' }] } });
  });

  it('refuses a search hit without a label or with an unknown tier', async () => {
    const router = createRouter(
      services({
        'search.query': () =>
          ({ hits: [{ id: 'p', type: 'person', score: 1, matched: 'psychic' }] }) as never,
      }),
    );
    const reply = await router.handle('search.query', { query: 'x' });
    expect(!reply.ok && reply.error.code).toBe('internal_error');
  });

  it('passes putMany field errors on with the index of the record at fault', async () => {
    const fields = [{ path: 'records[1].title', message: 'must not be empty' }];
    const router = createRouter(
      services({
        'records.putMany': () => {
          throw new RecordRefused(fields);
        },
      }),
    );
    const reply = await router.handle('records.putMany', {
      records: [
        { type: 'person', id: 'p1', body: { names: [{ value: 'A' }] } },
        { type: 'case', body: { title: ' ' } },
      ],
    });
    expect(!reply.ok && reply.error.fields).toEqual(fields);
  });

  it('lists vocabularies and duplicate candidates as the contract describes them', async () => {
    const regions = {
      name: 'regions',
      terms: [{ id: 'by-mi', labels: { en: 'Minsk region', be: 'Мінская вобласць' } }],
    };
    const router = createRouter(
      services({
        'vocabularies.list': () => ({ vocabularies: [regions] }),
        'records.duplicates': () => ({
          candidates: [{ id: 'person-1', score: 0.92, label: 'Марыя' }],
        }),
      }),
    );
    await expect(router.handle('vocabularies.list', {})).resolves.toEqual({
      ok: true,
      value: { vocabularies: [regions] },
    });
    await expect(
      router.handle('records.duplicates', { type: 'person', body: { names: [{ value: 'M' }] } }),
    ).resolves.toEqual({
      ok: true,
      value: { candidates: [{ id: 'person-1', score: 0.92, label: 'Марыя' }] },
    });
  });
});
