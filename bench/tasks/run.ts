/**
 * `node dist/bench/tasks/run.js [--json] [--sizes 10000,100000]`: long tasks, measured.
 * A records import as the app runs it (the router, the vault's worker thread, line counting,
 * progress events, a cancel check between batches), against importJsonLines called directly
 * on the same file into a fresh vault in this process. And how soon a cancel lands: from
 * task.cancel, sent when the first batch is written, to the `cancelled` answer.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';

import { Vault } from '../../db';
import {
  seedDefaultVocabularies,
  validateRecordFields,
  vocabularyCrossCheck,
} from '../../db/caseRecords';
import { importJsonLines } from '../../db/interchange';
import { fileSettingsStore } from '../../main/ipc/appSettings';
import { createRouter } from '../../main/ipc/router';
import { createVaultServices } from '../../main/ipc/services';
import type { Caller } from '../../main/ipc/tasks';
import { AutoLock } from '../../main/vaultHost/autoLock';
import { VaultHost } from '../../main/vaultHost/vaultHost';
import type { TaskProgress } from '../../shared/ipc/contract';
import { measurement, table, type Measurement } from '../report';

const passphrase = 'benchmark passphrase, not a secret';
const cheapKdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 };
const workerPath = path.join(__dirname, '..', '..', 'main', 'vaultHost', 'worker.js');
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** People with names in two scripts and a few fields, one line each. */
function peopleFile(dir: string, n: number): string {
  const file = path.join(dir, `people-${n}.jsonl`);
  const lines = ['{"format":"casebook-interchange","version":1}'];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        type: 'person',
        id: `p${i}`,
        fields: {
          names: [{ value: `Алесь Бяляцкі ${i}`, lang: 'be' }, { value: `Ales Bialiatski ${i}` }],
          sex: i % 2 === 0 ? 'male' : 'female',
          occupation: 'documenter of political persecution, '.repeat(4),
        },
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The app's router over a fresh vault in the worker, its import dialog answering `file`. */
async function appRouter(dir: string, file: string) {
  const host = new VaultHost({ workerPath, workerData: { kdfCost: cheapKdf } });
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const folder = path.join(dir, 'app-vault');
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: folder,
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      chooseFolder: async () => null,
      setLanguage: () => {},
      chooseImportFile: async () => file,
    }),
  );
  const created = await router.handle('vault.create', { folder, passphrase });
  if (!created.ok) throw new Error(created.error.message);
  await router.handle('import.chooseFile', { kind: 'records' });
  return { router, close: () => host.close() };
}

async function measure(n: number, dir: string): Promise<Measurement[]> {
  const file = peopleFile(dir, n);

  // Baseline: importJsonLines on the same file, in this process, with the same checks.
  const { vault } = await Vault.create(path.join(dir, `direct-${n}`), passphrase, {
    kdfCost: cheapKdf,
  });
  seedDefaultVocabularies(vault);
  const direct = await timeAsync(() =>
    importJsonLines(
      vault,
      readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }),
      { validate: validateRecordFields, crossCheck: vocabularyCrossCheck(vault) },
    ),
  );
  vault.lock();

  const app = await appRouter(mkdtempSync(path.join(dir, `app-${n}-`)), file);
  const heard: TaskProgress[] = [];
  const caller: Caller = { sender: (progress) => heard.push(progress) };
  let viaApp: number;
  let cancelMs = Number.NaN;
  try {
    viaApp = await timeAsync(async () => {
      const answer = await app.router.handle(
        'import.records',
        { file, taskId: randomUUID(), dryRun: false },
        caller,
      );
      if (!answer.ok) throw new Error(answer.error.message);
    });
    const events = heard.length;

    // The same file into a second fresh vault, cancelled as soon as its first batch is written.
    const second = await appRouter(mkdtempSync(path.join(dir, 'cancel-')), file);
    const taskId = randomUUID();
    let cancelledAt = 0;
    const cancelling: Caller = {
      sender: (progress) => {
        if (progress.stage !== 'write' || cancelledAt !== 0) return;
        cancelledAt = performance.now();
        void second.router.handle('task.cancel', { taskId }, cancelling);
      },
    };
    try {
      const answer = await second.router.handle(
        'import.records',
        { file, taskId, dryRun: false },
        cancelling,
      );
      if (!answer.ok && answer.error.code === 'cancelled' && cancelledAt > 0) {
        cancelMs = performance.now() - cancelledAt;
      }
    } finally {
      await second.close();
    }
    return [
      measurement(
        `import ${label(n)} people in the app (worker, progress, cancel checks)`,
        viaApp,
        direct,
        {
          note: `importJsonLines in-process; ${events} progress events`,
        },
      ),
      measurement(`cancel of a ${label(n)} import, from the first batch written`, cancelMs, null, {
        goal: '< 1000 ms',
        met: cancelMs < 1_000,
        note: 'task.cancel to the cancelled answer, rolled back',
      }),
    ];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '10000,100000' },
    },
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-tasks-'));
  try {
    const rows: Measurement[] = [];
    for (const n of values.sizes.split(',').map(Number)) {
      if (!values.json) process.stderr.write(`importing ${label(n)} people...\n`);
      rows.push(...(await measure(n, work)));
    }
    if (values.json) for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
    else process.stdout.write(table(rows) + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
