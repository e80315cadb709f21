// reports.export as a long task, through the app's router over a real vault in its worker and
// Chromium's printer: progress reaches the caller stage by stage, a cancel while it prints
// answers `cancelled` and writes nothing, and a dialog closed writes nothing either.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openAppRouter } from '../../../bench/appInChromium';
import { launchChromiumPdfPrinter, type PdfPrinter } from '../../../db/reports';
import type { ReportPorts } from '../../../main/ipc/reportServices';
import type { Caller } from '../../../main/ipc/tasks';
import type { TaskProgress } from '../../../shared/ipc/contract';
import { passphrase, tempDir, testKdfCost } from '../../support/vaults';

let chromium: Promise<PdfPrinter> | undefined;
afterAll(async () => {
  await (await chromium)?.close();
});

/** Chromium's printer, held at the gate until the test opens it. */
function gatedPrinter(gate: Promise<void>): PdfPrinter {
  return {
    async printPdf(html) {
      chromium ??= launchChromiumPdfPrinter();
      const printed = (await chromium).printPdf(html);
      await gate;
      return printed;
    },
    close: async () => {},
  };
}

async function routerWith(ports: ReportPorts) {
  const dir = tempDir('casebook-report-task-');
  const app = openAppRouter({
    workDir: dir,
    vaultFolder: path.join(dir, 'vault'),
    workerData: { kdfCost: testKdfCost },
    reports: ports,
  });
  const ok = async (channel: string, args: unknown, caller?: Caller) => {
    const reply = await app.router.handle(channel, args, caller);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return reply;
  };
  await ok('vault.create', { folder: path.join(dir, 'vault'), passphrase });
  await ok('records.putMany', {
    records: [
      { type: 'person', id: 'person-1', body: { names: [{ value: 'Алесь Бяляцкі' }] } },
      {
        type: 'case',
        id: 'case-1',
        body: {
          title: 'Справа',
          type: 'criminal-prosecution',
          involvements: [{ personId: 'person-1', role: 'victim' }],
        },
      },
    ],
  });
  return { app, dir };
}

const request = { kind: 'case', profile: 'public', lang: 'en', id: 'case-1', format: 'pdf' };

describe('exporting a report as a long task', () => {
  it('reports its stages to the caller, and a cancel while printing writes nothing', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const out = tempDir('casebook-report-out-');
    const { app } = await routerWith({
      printer: async () => gatedPrinter(gate),
      chooseReportFile: async (name) => path.join(out, name),
    });
    const heard: TaskProgress[] = [];
    const caller: Caller = { sender: (progress) => heard.push(progress) };
    const taskId = crypto.randomUUID();
    const exporting = app.router.handle('reports.export', { ...request, taskId }, caller);
    await expect.poll(() => heard.map((p) => p.stage)).toContain('print');
    expect((await app.router.handle('task.cancel', { taskId }, caller)).ok).toBe(true);
    open();
    const answer = await exporting;
    expect(answer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(out)).toEqual([]);
    await app.close();
  });

  it('writes the file when left to finish, and nothing when the dialog is closed', async () => {
    const out = tempDir('casebook-report-out-');
    let answer: string | null = null;
    const { app } = await routerWith({
      printer: async () => gatedPrinter(Promise.resolve()),
      chooseReportFile: async (name) => answer && path.join(out, name),
    });
    const closed = await app.router.handle('reports.export', request);
    expect(closed).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(out)).toEqual([]);

    answer = 'chosen';
    const heard: TaskProgress[] = [];
    const written = await app.router.handle(
      'reports.export',
      { ...request, taskId: crypto.randomUUID() },
      { sender: (progress) => heard.push(progress) },
    );
    expect(written).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'case-case-1-public.pdf', pages: 1 },
    });
    expect(existsSync(path.join(out, 'case-case-1-public.pdf'))).toBe(true);
    expect(new Set(heard.map((p) => p.stage))).toEqual(
      new Set(['render', 'print', 'checkLeaks', 'write']),
    );
    await app.close();
  });
});
