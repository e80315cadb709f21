// The lists' facets kept sealed in the vault between sessions (docs/record-facets.md), over
// real vault files in the real worker: every filter answers as facets built afresh from the
// records would, after writes in the session, writes by another program between sessions, an
// import and a bundle merge; saved facets that cannot be used are rebuilt; nothing of them is
// in clear on disk.
import { randomUUID } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { Vault } from '../../../db';
import { exportBundle, importBundle } from '../../../db/bundles';
import { ensureDeviceIdentity, trustDevice } from '../../../db/identity';
import { VaultSearch, type RecordFollower } from '../../../db/search';
import { fileSettingsStore } from '../../../main/ipc/appSettings';
import { createRouter } from '../../../main/ipc/router';
import { createVaultServices } from '../../../main/ipc/services';
import { AutoLock } from '../../../main/vaultHost/autoLock';
import { facetStateName, RecordFacetIndex } from '../../../main/vaultHost/recordFacets';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import type { RecordRevision } from '../../../shared/records';
import { listRecords } from '../../e2e/listsRecords';
import { findSentinels, newVault, passphrase, tempDir, testKdfCost } from '../../support/vaults';

const workerPath = path.resolve(__dirname, '../../../dist/main/vaultHost/worker.js');

const hosts: VaultHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** The app's router over the vault in `folder`, in its own worker. */
function openApp(folder: string) {
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost } });
  hosts.push(host);
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: folder,
      settings: fileSettingsStore(path.join(tempDir(), 'settings.json')),
      chooseFolder: async () => null,
      setLanguage: () => {},
    }),
  );
  const call = async (channel: Parameters<typeof router.handle>[0], args: unknown) => {
    const reply = await router.handle(channel, args);
    if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
    return reply.value as Record<string, unknown>;
  };
  return {
    host,
    call,
    /** As the unlock screen unlocks: watched, so the saved facets are loaded and caught up. */
    unlock: () => call('vault.unlock', { folder, secret: passphrase, taskId: randomUUID() }),
    lock: () => call('vault.lock', {}),
  };
}

type App = ReturnType<typeof openApp>;

const cases = [
  {
    type: 'case',
    id: 'c1',
    body: {
      title: 'Затрыманне',
      type: 'detention',
      date: { date: '2020-06' },
      involvements: [{ personId: 'losik', role: 'victim' }],
    },
  },
  {
    type: 'case',
    id: 'c2',
    body: {
      title: 'Справа',
      type: 'criminal-prosecution',
      date: { from: { date: '2021' }, to: { date: '2022-03' } },
      involvements: [{ personId: 'bialiatski', role: 'victim' }],
    },
  },
  { type: 'case', id: 'c3', body: { title: 'Ператрус', type: 'search' } },
  {
    type: 'case',
    id: 'c4',
    body: {
      title: 'Зноў затрыманне',
      type: 'detention',
      date: { from: { date: '2021-07-14' } },
      involvements: [
        { personId: 'bialiatski', role: 'victim' },
        { personId: 'hostile', role: 'witness' },
      ],
    },
  },
];

const people = ['bialiatski', 'losik', 'hostile'];

/** Every kind of filter the lists and search ask for, each answered as ids in list order. */
async function everyFilter(app: App): Promise<Record<string, string[]>> {
  const answers: Record<string, string[]> = {};
  const ids = (value: Record<string, unknown>, key: 'items' | 'hits') =>
    (value[key] as Record<string, unknown>[]).map((item) => {
      const head = (item.head ?? item) as { record?: { id: string }; id?: string };
      return head.record?.id ?? head.id ?? '?';
    });
  for (const caseType of [undefined, 'detention', 'criminal-prosecution', 'search']) {
    for (const range of [
      {},
      { from: '2021' },
      { to: '2020-12' },
      { from: '2020-06', to: '2021-07-20' },
    ]) {
      if (caseType === undefined && Object.keys(range).length === 0) continue;
      const args = { offset: 0, limit: 100, ...(caseType ? { caseType } : {}), ...range };
      answers[`cases ${JSON.stringify(args)}`] = ids(await app.call('cases.list', args), 'items');
    }
  }
  for (const id of people) {
    const args = { id, types: ['case', 'detention', 'proceeding', 'testimony'] };
    answers[`referring ${id}`] = ids(await app.call('records.referring', args), 'items');
  }
  for (const filter of [
    { type: 'detention' },
    { type: 'detention', facility: 'pretrial' },
    { type: 'detention', from: '2022' },
    { type: 'proceeding', stage: 'verdict' },
    { type: 'proceeding', article: 'cc-342' },
    { type: 'testimony', consent: 'withdrawn' },
    { type: 'source', from: '2023' },
  ]) {
    const args = { offset: 0, limit: 50, ...filter };
    answers[`browse ${JSON.stringify(filter)}`] = ids(
      await app.call('records.browse', args),
      'items',
    );
  }
  const search = { query: 'затрыманне', types: ['case'], caseType: 'detention' };
  answers['search by case type'] = ids(await app.call('search.query', search), 'hits');
  return answers;
}

/**
 * What the filters answer over a copy of the locked vault whose saved facets were taken
 * away: facets built afresh from the records, the way they were built before they were kept.
 */
async function answersOfFreshFacets(folder: string): Promise<Record<string, string[]>> {
  const copy = path.join(tempDir(), 'copy');
  cpSync(folder, copy, { recursive: true });
  const raw = new Database(path.join(copy, 'vault.db'));
  expect(raw.prepare('DELETE FROM sealed_state WHERE name = ?').run(facetStateName).changes).toBe(
    1,
  );
  raw.close();
  const app = openApp(copy);
  await app.call('vault.unlock', { folder: copy, secret: passphrase });
  try {
    return await everyFilter(app);
  } finally {
    await app.lock();
  }
}

/** The saved facets' position in the log, and the log's end, read with the vault locked. */
async function savedFacets(folder: string) {
  const vault = await Vault.unlock(folder, passphrase);
  try {
    return { upToSeq: vault.readState(facetStateName)?.upToSeq ?? null, lastSeq: vault.lastSeq() };
  } finally {
    vault.lock();
  }
}

/**
 * Writes to the locked vault in `folder` as another program would (the CLI): an edit, a
 * delete, a new case. And a bundle from a field laptop that had the vault's records and
 * changed c2 while the vault changed it too: merged, c2 has both heads, its type from the field.
 */
async function writeElsewhere(folder: string): Promise<{ bundle: string; fieldSigner: string }> {
  const hq = await Vault.unlock(folder, passphrase);
  const field = await newVault();
  try {
    hq.put('case', { ...cases[0]!.body, type: 'search' }, { id: 'c1' });
    hq.delete('d-losik');
    hq.put('case', { title: 'Новая', type: 'detention', date: { date: '2021-08' } }, { id: 'c5' });
    const hqIdentity = await ensureDeviceIdentity(hq);
    const fieldIdentity = await ensureDeviceIdentity(field.vault);
    trustDevice(field.vault, { ...hqIdentity.entry, name: 'Headquarters' });
    const toField = path.join(tempDir(), 'to-field.cbb');
    await exportBundle(hq, toField, { recipients: [fieldIdentity.entry.recipient] });
    await importBundle(field.vault, toField);
    field.vault.put('case', { ...cases[1]!.body, type: 'detention' }, { id: 'c2' });
    field.vault.put(
      'detention',
      { personId: 'losik', facility: 'sizo-1-minsk', from: { date: '2024-01' } },
      { id: 'd-field' },
    );
    hq.put('case', { ...cases[1]!.body, title: 'Справа Бяляцкага' }, { id: 'c2' });
    const bundle = path.join(tempDir(), 'from-field.cbb');
    await exportBundle(field.vault, bundle, { recipients: [hqIdentity.entry.recipient] });
    return { bundle, fieldSigner: fieldIdentity.entry.signingKey };
  } finally {
    hq.lock();
    field.vault.lock();
  }
}

describe('the lists’ facets, kept sealed between sessions', () => {
  it('filter as freshly built facets do, across sessions, imports, a bundle merge and another program’s writes', async () => {
    const folder = path.join(tempDir(), 'Casebook');
    const app = openApp(folder);
    await app.call('vault.create', { folder, passphrase });
    await app.call('records.putMany', { records: [...listRecords, ...cases] });
    const first = await everyFilter(app);
    // Not vacuous: the filters keep some records and leave out others.
    expect(first['cases {"offset":0,"limit":100,"caseType":"detention"}']).toEqual(['c1', 'c4']);
    expect(first['referring losik']).toEqual(['c1', 'd-losik', 'p-losik', 't-losik']);
    expect(first['browse {"type":"detention","facility":"pretrial"}']).toEqual(['d-sizo']);
    expect(first['search by case type']).toEqual(['c1', 'c4']);
    await app.lock();
    // Built in this session, so saved at lock, as far as the log went.
    const saved = await savedFacets(folder);
    expect(saved.upToSeq).toBe(saved.lastSeq);
    expect(await answersOfFreshFacets(folder)).toEqual(first);

    // Between sessions, another program (the CLI, a merge on the command line) writes.
    const { bundle, fieldSigner } = await writeElsewhere(folder);

    // The next session loads the saved facets and catches up with those writes at unlock.
    await app.unlock();
    const second = await everyFilter(app);
    expect(second['cases {"offset":0,"limit":100,"caseType":"detention"}']).toEqual(['c4', 'c5']);
    expect(second['referring losik']).toEqual(['c1', 'p-losik', 't-losik']);

    // In the session: an edit, a delete, a records file and the field's bundle.
    await app.call('records.put', {
      ...cases[3]!,
      body: { ...cases[3]!.body, date: { date: '2019' } },
    });
    await app.call('records.delete', { id: 'c3' });
    const file = path.join(tempDir(), 'records.jsonl');
    writeFileSync(
      file,
      [
        {
          type: 'case',
          id: 'c6',
          fields: {
            title: 'Імпарт',
            type: 'detention',
            date: { date: '2020-12' },
            involvements: [{ personId: 'hostile', role: 'victim' }],
          },
        },
        {
          type: 'detention',
          id: 'd-import',
          fields: {
            personId: 'hostile',
            facility: 'sizo-1-minsk',
            from: { date: '2020-12-01' },
            to: { date: '2020-12-15' },
          },
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const imported = await app.host.call('importRecords', { file, dryRun: false });
    expect(imported).toMatchObject({ state: 'ready', written: true });
    const merged = await app.host.call('importBundle', {
      file: bundle,
      dryRun: false,
      trustSigner: fieldSigner,
    });
    expect(merged).toMatchObject({ state: 'ready', written: true });
    const third = await everyFilter(app);
    expect(third['cases {"offset":0,"limit":100,"caseType":"detention"}']).toEqual([
      'c2',
      'c4',
      'c5',
      'c6',
    ]);
    expect(third['referring losik']).toEqual(['c1', 'd-field', 'p-losik', 't-losik']);
    expect(third['referring hostile']).toEqual(['c4', 'c6', 'd-hostile', 'd-import']);
    await app.lock();
    // Loaded and caught up, not rebuilt: a few changes do not make the lock save them again.
    expect((await savedFacets(folder)).upToSeq).toBe(saved.upToSeq);
    expect(await answersOfFreshFacets(folder)).toEqual(third);
    // And the session after answers the same from what it loaded.
    await app.unlock();
    expect(await everyFilter(app)).toEqual(third);
  });

  it('rebuilds saved facets that cannot be used, and keeps none of them in clear', async () => {
    const folder = path.join(tempDir(), 'Casebook');
    const app = openApp(folder);
    await app.call('vault.create', { folder, passphrase });
    await app.call('records.putMany', { records: [...listRecords, ...cases] });
    const answers = await everyFilter(app);
    await app.lock();
    // Terms, days and ids that the facets hold: none may be found on disk.
    expect(
      findSentinels([folder], ['criminal-prosecution', 'sizo-1-minsk', '2021-07-14', 'facility:']),
    ).toEqual([]);

    // Saved facets of another version, damaged, or sealed for another position are rebuilt.
    for (const spoil of [
      (bytes: Uint8Array) => Uint8Array.of(...bytes.subarray(0, 4), 99, ...bytes.subarray(5)),
      (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 3),
    ]) {
      const vault = await Vault.unlock(folder, passphrase);
      const saved = vault.readState(facetStateName)!;
      vault.writeState(facetStateName, spoil(saved.bytes), saved.upToSeq);
      vault.lock();
      await app.unlock();
      expect(await everyFilter(app)).toEqual(answers);
      await app.lock();
      // Rebuilt, so saved again at lock.
      const vaultAgain = await Vault.unlock(folder, passphrase);
      expect(vaultAgain.readState(facetStateName)!.bytes).toEqual(saved.bytes);
      vaultAgain.lock();
    }
    const raw = new Database(path.join(folder, 'vault.db'));
    raw
      .prepare('UPDATE sealed_state SET up_to_seq = up_to_seq - 1 WHERE name = ?')
      .run(facetStateName);
    raw.close();
    await app.unlock();
    expect(await everyFilter(app)).toEqual(answers);
  });

  it('load at the first filter when the vault was opened without the unlock screen, and catch up on their own', async () => {
    const folder = path.join(tempDir(), 'Casebook');
    const app = openApp(folder);
    await app.call('vault.create', { folder, passphrase });
    await app.call('records.putMany', { records: cases });
    const detentions = async () =>
      (
        (await app.call('cases.list', { offset: 0, limit: 10, caseType: 'detention' })).items as {
          record: { id: string };
        }[]
      ).map((item) => item.record.id);
    expect(await detentions()).toEqual(['c1', 'c4']);
    await app.lock();
    // No search index is opened this way, so nothing carries the facets along with it.
    await app.call('vault.unlock', { folder, secret: passphrase });
    expect(await detentions()).toEqual(['c1', 'c4']);
    await app.call('records.put', { ...cases[2]!, body: { ...cases[2]!.body, type: 'detention' } });
    await app.call('records.delete', { id: 'c1' });
    expect(await detentions()).toEqual(['c3', 'c4']);
    // Lock drops them with the key: nothing answers until the next unlock.
    await app.lock();
    const afterLock = await app.host
      .call('cases', { offset: 0, limit: 10, caseType: 'detention' })
      .then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
    expect(afterLock).toBe('locked');
  });
});

describe('a damaged record', () => {
  it('does not keep the vault shut while the facets are built; the filter that needs it says so', async () => {
    const folder = path.join(tempDir(), 'Casebook');
    const app = openApp(folder);
    await app.call('vault.create', { folder, passphrase });
    await app.call('records.putMany', { records: cases });
    // The search index is saved at lock; the facets, never built, are not.
    await app.call('search.query', { query: 'Ператрус' });
    await app.lock();
    const raw = new Database(path.join(folder, 'vault.db'));
    const sealed = raw
      .prepare('SELECT sealed FROM revisions WHERE record_id = ?')
      .pluck()
      .get('c3') as Buffer;
    sealed[sealed.length - 1]! ^= 0x01;
    raw.prepare('UPDATE revisions SET sealed = ? WHERE record_id = ?').run(sealed, 'c3');
    raw.close();

    await app.unlock();
    const reply = await app.host
      .call('cases', { offset: 0, limit: 10, caseType: 'detention' })
      .then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
    expect(reply).toBe('record_damaged');
    expect((await app.call('cases.list', { offset: 0, limit: 10 })).total).toBe(4);
  });
});

describe('the search index’s catch-up', () => {
  it('carries a follower at or beyond its own position, and leaves one behind to catch up alone', async () => {
    const { vault } = await newVault();
    try {
      vault.put('person', { names: [{ value: 'Ігар Лосік' }] }, { id: 'p1' });
      VaultSearch.open(vault).save();
      const saved = vault.lastSeq();
      vault.put('person', { names: [{ value: 'Алесь Бяляцкі' }] }, { id: 'p2' });
      vault.delete('p1');
      const follower = (upToSeq: number) => {
        const seen: string[] = [];
        let caughtUpTo = -1;
        const it: RecordFollower = {
          upToSeq,
          follow: (record: RecordRevision) =>
            seen.push(`${record.id}${record.deleted ? ' deleted' : ''}`),
          caughtUp: (seq) => (caughtUpTo = seq),
        };
        return { it, seen, caught: () => caughtUpTo };
      };
      const level = follower(saved);
      const behind = follower(0);
      VaultSearch.open(vault, undefined, [level.it, behind.it]);
      expect(level.seen.sort()).toEqual(['p1 deleted', 'p2']);
      expect(level.caught()).toBe(vault.lastSeq());
      expect(behind.seen).toEqual([]);
      expect(behind.caught()).toBe(-1);

      // The facets index follows the same way, and then agrees with one built from scratch.
      const facets = new RecordFacetIndex();
      expect(facets.follower()).toBeNull();
      await facets.ready(vault);
      expect([...(await facets.of(vault, 'person')).keys()]).toEqual(['p2']);
    } finally {
      vault.lock();
    }
  });
});
