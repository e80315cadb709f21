// Long tasks across the vault's worker thread, through the router as the app wires it: the
// progress of an unlock and of an import reaches the frame that started it, and a lock or a
// cancel stops an import half-way with the vault left as it was.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { fileSettingsStore } from '../../../main/ipc/appSettings';
import { createRouter } from '../../../main/ipc/router';
import { createVaultServices } from '../../../main/ipc/services';
import type { Caller } from '../../../main/ipc/tasks';
import { AutoLock } from '../../../main/vaultHost/autoLock';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import type { TaskProgress } from '../../../shared/ipc/contract';
import { passphrase, tempDir, testKdfCost } from '../../support/vaults';

const workerPath = path.resolve(__dirname, '../../../dist/main/vaultHost/worker.js');
const hosts: VaultHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

function listener(): Caller & { heard: TaskProgress[] } {
  const heard: TaskProgress[] = [];
  return { sender: (progress) => heard.push(progress), heard };
}

/** The app's router over a real worker; the import dialog answers `file`; writes are gated. */
async function unlockedApp(file: string) {
  const dir = tempDir();
  const gate = new SharedArrayBuffer(4);
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost, writeGate: gate } });
  hosts.push(host);
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const folder = path.join(dir, 'Casebook');
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: folder,
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      chooseFolder: async () => null,
      setLanguage: () => {},
      chooseImportFile: async () => file,
    }),
  );
  expect((await router.handle('vault.create', { folder, passphrase })).ok).toBe(true);
  const chosen = await router.handle('import.chooseFile', { kind: 'records' });
  expect(chosen).toEqual({ ok: true, value: { file, name: path.basename(file) } });
  return { router, host, folder, gate: new Int32Array(gate) };
}

/** People p0 .. p(n-1), one line each, in the interchange format. */
function peopleFile(count: number): string {
  const file = path.join(tempDir(), 'people.jsonl');
  const lines = ['{"format":"casebook-interchange","version":1}'];
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        type: 'person',
        id: `p${i}`,
        fields: { names: [{ value: `Person ${i}` }] },
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const taskId = '3d9c2a41-7b6e-4f10-9c8d-2e1f0a9b8c7d';

describe('long tasks across the vault worker', () => {
  it('an unlock reports its stages to the frame that asked, and to no other', async () => {
    const { router, folder, gate } = await unlockedApp(peopleFile(1));
    // The unlock waits at the gate before its search index catch-up: let it through.
    Atomics.add(gate, 0, 1);
    await router.handle('vault.lock', {});
    const asking = listener();
    const other = listener();
    await router.handle('vault.status', {}, other);
    const unlocked = await router.handle(
      'vault.unlock',
      { folder, secret: passphrase, taskId },
      asking,
    );
    expect(unlocked.ok).toBe(true);
    expect(asking.heard.map((p) => p.stage)).toEqual(['deriveKey', 'indexSearch']);
    expect(asking.heard.every((p) => p.taskId === taskId)).toBe(true);
    expect(other.heard).toEqual([]);
  });

  it('a lock during an import stops it half-way, and nothing of it is in the vault', async () => {
    const file = peopleFile(2_500);
    const { router, host, folder, gate } = await unlockedApp(file);
    const frame = listener();
    const checked = await router.handle('import.records', { file, taskId, dryRun: true }, frame);
    expect(checked).toMatchObject({
      ok: true,
      value: {
        state: 'ready',
        written: false,
        created: 2_500,
        byType: [{ type: 'person', created: 2_500 }],
      },
    });
    expect(frame.heard.map((p) => p.stage)).toContain('check');

    const writing = listener();
    const importing = router.handle('import.records', { file, taskId, dryRun: false }, writing);
    // The first batch is written (inside the transaction) and the gate holds the second.
    await expect
      .poll(() => writing.heard.some((p) => p.stage === 'write'), { timeout: 60_000 })
      .toBe(true);
    expect(writing.heard.find((p) => p.stage === 'write')).toMatchObject({
      done: 1_000,
      total: 2_500,
    });
    await host.lock('user');
    const answer = await importing;
    expect(!answer.ok && answer.error.code).toBe('cancelled');
    expect(Atomics.load(gate, 0)).toBe(0);

    // Without a task id the unlock is unwatched: no progress, and no gate to wait at.
    await router.handle('vault.unlock', { folder, secret: passphrase });
    const people = await router.handle('records.list', { type: 'person', offset: 0, limit: 10 });
    expect(people).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('only the frame that started an import can cancel it; then nothing is written', async () => {
    const file = peopleFile(2_500);
    const { router, gate } = await unlockedApp(file);
    const owner = listener();
    const stranger = listener();
    const importing = router.handle('import.records', { file, taskId, dryRun: false }, owner);
    await expect
      .poll(() => owner.heard.some((p) => p.stage === 'write'), { timeout: 60_000 })
      .toBe(true);
    expect(await router.handle('task.cancel', { taskId }, stranger)).toEqual({
      ok: true,
      value: {},
    });
    // The stranger's cancel did nothing: one more batch is let through and written.
    Atomics.add(gate, 0, 1);
    Atomics.notify(gate, 0);
    await expect
      .poll(() => owner.heard.some((p) => p.done === 2_000), { timeout: 60_000 })
      .toBe(true);
    expect(await router.handle('task.cancel', { taskId }, owner)).toEqual({ ok: true, value: {} });
    const answer = await importing;
    expect(!answer.ok && answer.error.code).toBe('cancelled');
    const people = await router.handle('records.list', { type: 'person', offset: 0, limit: 10 });
    expect(people).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses a file whole, with each problem located and named by a code the page translates', async () => {
    const file = path.join(tempDir(), 'faulty.jsonl');
    const person = (id: string, extra: object = {}) =>
      JSON.stringify({ type: 'person', id, fields: { names: [{ value: 'A' }] }, ...extra });
    writeFileSync(
      file,
      [
        '{"format":"casebook-interchange","version":1}',
        '{"type": "person",',
        '[1, 2]',
        '{"format":"casebook-interchange","version":1}',
        JSON.stringify({ id: 'p1', fields: {} }),
        person('not an id'),
        JSON.stringify({ type: 'person', id: 'p2', fields: [] }),
        person('p3', { notes: 'x' }),
        JSON.stringify({ type: 'person', id: 'p4', fields: { names: [{ value: 'A' }], sex: 7 } }),
        person('p5'),
        person('p5'),
        person('vocab-regions'),
      ].join('\n'),
    );
    const { router } = await unlockedApp(file);
    const answer = await router.handle('import.records', { file, taskId, dryRun: true });
    expect(answer).toEqual({
      ok: true,
      value: {
        state: 'refused',
        problemCount: 10,
        problems: [
          { line: 2, kind: 'json' },
          { line: 3, kind: 'notObject' },
          { line: 4, kind: 'header' },
          { line: 5, path: 'type', kind: 'type' },
          { line: 6, path: 'id', kind: 'id' },
          { line: 7, path: 'fields', kind: 'fields' },
          { line: 8, path: 'notes', kind: 'extraKey' },
          { line: 9, path: 'fields.sex', kind: 'field' },
          { line: 11, path: 'id', kind: 'duplicate' },
          { line: 12, path: 'type', kind: 'typeChange' },
        ],
      },
    });
    const people = await router.handle('records.list', { type: 'person', offset: 0, limit: 10 });
    expect(people).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('imports only a file chosen in the dialog', async () => {
    const { router } = await unlockedApp(peopleFile(1));
    const elsewhere = peopleFile(1);
    const answer = await router.handle('import.records', { file: elsewhere, taskId, dryRun: true });
    expect(!answer.ok && answer.error.code).toBe('invalid_request');
  });
});
