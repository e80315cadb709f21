import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Vault, VaultError } from '../../../db';
import { RecordRefused } from '../../../main/ipc/errors';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import type { LockReason } from '../../../shared/ipc/contract';
import { findSentinels, passphrase, tempDir, testKdfCost } from '../../support/vaults';

// The host runs the compiled worker (the global setup's tsc -b builds it), as the app does.
const workerPath = path.resolve(__dirname, '../../../dist/main/vaultHost/worker.js');

const hosts: VaultHost[] = [];
function startHost(options: { lockTimeoutMs?: number } = {}) {
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost }, ...options });
  const locks: LockReason[] = [];
  host.onLocked((reason) => locks.push(reason));
  hosts.push(host);
  return { host, locks };
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw new Error('rejected with something other than a VaultError', { cause: error });
  }
  throw new Error('did not reject');
}

const person = (name: string) => ({ names: [{ value: name }] });

describe('VaultHost', () => {
  it('creates a vault in its worker, keeps it unlocked, and pages through its people', async () => {
    const { host } = startHost();
    const folder = path.join(tempDir(), 'vault');
    const { recoveryCode } = await host.call('create', { folder, passphrase });
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(host.isUnlocked).toBe(true);

    for (const [id, name] of [
      ['p3', 'Ігар'],
      ['p1', 'Марыя'],
      ['p2', 'Алесь'],
    ] as const) {
      await host.call('put', { type: 'person', id, body: person(name) });
    }
    const page = await host.call('list', { type: 'person', offset: 1, limit: 5 });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.state === 'ok' && item.record.id)).toEqual(['p2', 'p3']);

    // Added and deleted records move the index without a rebuild.
    await host.call('put', { type: 'person', id: 'p0', body: person('Віктар') });
    await host.call('delete', { id: 'p2' });
    const again = await host.call('list', { type: 'person', offset: 0, limit: 10 });
    expect(again.items.map((item) => item.state === 'ok' && item.record.id)).toEqual([
      'p0',
      'p1',
      'p3',
    ]);
    expect((await host.call('history', { id: 'p2' })).revisions).toHaveLength(2);
  });

  it('refuses a body its schema refuses, field by field, and writes nothing', async () => {
    const { host } = startHost();
    await host.call('create', { folder: path.join(tempDir(), 'vault'), passphrase });
    const error = await rejection(
      host.call('put', { type: 'person', body: { names: [], sex: 'yes', nmae: 'x' } }),
    );
    expect(error).toBeInstanceOf(RecordRefused);
    expect(error.code).toBe('validation_failed');
    expect((error as RecordRefused).fields.map((field) => field.path).sort()).toEqual([
      'names',
      'nmae',
      'sex',
    ]);
    const unknownRegion = await rejection(
      host.call('put', { type: 'person', body: { ...person('Марыя'), region: 'atlantis' } }),
    );
    expect((unknownRegion as RecordRefused).fields).toEqual([
      { path: 'region', message: 'is not a term of the vocabulary regions' },
    ]);
    expect((await host.call('list', { type: 'person', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('locks on request: keys wiped, listeners told, every call refused until unlocked', async () => {
    const { host, locks } = startHost();
    const folder = path.join(tempDir(), 'vault');
    await host.call('create', { folder, passphrase });
    await host.call('put', { type: 'person', id: 'p1', body: person('Марыя') });

    await host.lock('idle');
    expect(host.isUnlocked).toBe(false);
    expect(locks).toEqual(['idle']);
    expect((await rejection(host.call('get', { id: 'p1' }))).code).toBe('locked');

    // Locking a locked vault announces nothing.
    await host.lock('user');
    expect(locks).toEqual(['idle']);

    expect(
      (await rejection(host.call('unlock', { folder, secret: 'wrong passphrase' }))).code,
    ).toBe('wrong_secret');
    expect(host.isUnlocked).toBe(false);
    await host.call('unlock', { folder, secret: passphrase });
    expect((await host.call('get', { id: 'p1' })).body).toEqual(person('Марыя'));
  });

  it('keeps record content off the disk but in the vault', async () => {
    const { host } = startHost();
    const dir = tempDir();
    await host.call('create', { folder: path.join(dir, 'vault'), passphrase });
    await host.call('put', { type: 'person', body: person('Сентынэль Прозвішча') });
    await host.lock('user');
    expect(findSentinels([dir], ['Сентынэль', 'Прозвішча'])).toEqual([]);
  });

  it('says the vault locked when its worker dies, and starts a fresh one on the next call', async () => {
    const { host, locks } = startHost();
    const folder = path.join(tempDir(), 'vault');
    await host.call('create', { folder, passphrase });
    await (host as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(locks).toEqual(['failure']);
    expect(host.isUnlocked).toBe(false);
    expect((await rejection(host.call('get', { id: 'p1' }))).code).toBe('locked');
    await host.call('unlock', { folder, secret: passphrase });
    expect(host.isUnlocked).toBe(true);
  });

  it('ends a worker that does not answer a lock in time', async () => {
    const { host, locks } = startHost({ lockTimeoutMs: 200 });
    const folder = path.join(tempDir(), 'vault');
    // A vault with many people: reading every one for a report keeps the worker busy.
    const { vault } = await Vault.create(folder, passphrase, { kdfCost: testKdfCost });
    vault.batch(() => {
      for (let i = 0; i < 20_000; i++) vault.put('person', person(`P ${i}`));
    });
    vault.lock();
    await host.call('unlock', { folder, secret: passphrase });
    const busy = host.call('reportRecords', {}).catch((e) => e);
    const started = Date.now();
    await host.lock('user');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(locks).toEqual(['user']);
    expect(((await busy) as VaultError).code).toBe('internal_error');
  });

  it('searches across scripts in the worker, and catches up after each write', async () => {
    const { host } = startHost();
    await host.call('create', { folder: path.join(tempDir(), 'vault'), passphrase });
    await host.call('put', { type: 'person', id: 'p1', body: person('Марыя Калеснікава') });
    const first = await host.call('search', { query: 'Kolesnikova', types: ['person'] });
    expect(first.hits).toEqual([
      {
        id: 'p1',
        type: 'person',
        score: expect.any(Number),
        matched: 'transliterated',
        label: 'Марыя Калеснікава',
      },
    ]);
    // Written after the index opened: found at once; deleted: gone at once.
    await host.call('put', { type: 'person', id: 'p2', body: person('Ales Bialiatski') });
    expect((await host.call('search', { query: 'Бяляцкі' })).hits.map((hit) => hit.id)).toEqual([
      'p2',
    ]);
    await host.call('delete', { id: 'p2' });
    expect((await host.call('search', { query: 'Бяляцкі' })).hits).toEqual([]);
    // Vocabularies are not search results.
    expect((await host.call('search', { query: 'Minsk' })).hits).toEqual([]);
  });

  it('names possible duplicates of a person, but not the person being edited', async () => {
    const { host } = startHost();
    await host.call('create', { folder: path.join(tempDir(), 'vault'), passphrase });
    await host.call('put', { type: 'person', id: 'p1', body: person('Марыя Калеснікава') });
    const { candidates } = await host.call('duplicates', {
      type: 'person',
      body: person('Maryja Kaleśnikava'),
    });
    expect(candidates).toEqual([
      { id: 'p1', score: expect.any(Number), label: 'Марыя Калеснікава' },
    ]);
    expect(candidates[0]!.score).toBeGreaterThan(0.9);
    const self = await host.call('duplicates', {
      type: 'person',
      id: 'p1',
      body: person('Марыя Калеснікава'),
    });
    expect(self.candidates).toEqual([]);
  });

  it('writes several records in one transaction, or none when one is refused', async () => {
    const { host } = startHost();
    await host.call('create', { folder: path.join(tempDir(), 'vault'), passphrase });
    const victim = { type: 'person' as const, id: 'v1', body: person('Ігар Лосік') };
    const theCase = {
      type: 'case' as const,
      id: 'c1',
      body: { title: 'Арышт Ігара Лосіка', type: 'detention' },
    };
    const act = {
      type: 'act' as const,
      id: 'a1',
      body: {
        caseId: 'c1',
        victimId: 'v1',
        type: 'arbitrary-detention',
        date: { date: '2020-06' },
      },
    };
    const refused = await rejection(
      host.call('putMany', {
        records: [victim, { ...theCase, body: { title: ' ', type: 'detention' } }, act],
      }),
    );
    expect((refused as RecordRefused).fields).toEqual([
      { path: 'records[1].title', message: 'must not be empty' },
    ]);
    expect((await rejection(host.call('get', { id: 'v1' }))).code).toBe('record_not_found');

    const { written } = await host.call('putMany', { records: [victim, theCase, act] });
    expect(written.map((w) => w.id)).toEqual(['v1', 'c1', 'a1']);
    expect((await host.call('get', { id: 'a1' })).body).toEqual(act.body);
    expect((await host.call('search', { query: 'Losik', types: ['person'] })).hits).toHaveLength(1);
  });

  it('lists the vault vocabularies with their labels in every language', async () => {
    const { host } = startHost();
    await host.call('create', { folder: path.join(tempDir(), 'vault'), passphrase });
    const { vocabularies } = await host.call('vocabularies', {});
    const regions = vocabularies.find((vocabulary) => vocabulary.name === 'regions');
    expect(regions?.terms.find((term) => term.id === 'by-mi')?.labels.be).toBe('Мінская вобласць');
  });
});
