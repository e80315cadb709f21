// Imports run in the vault's worker as long tasks: a records file (docs/interchange.md) and a
// bundle (docs/bundle.md), each as a dry run first and then for real. The db/ functions do the
// checking and the one transaction; this file reads the file, reports progress, lets a cancel
// in between batches, and turns a refusal into values the page can translate.
import { createReadStream, existsSync } from 'node:fs';
import readline from 'node:readline';

import { VaultError, type Vault } from '../../db';
import { importBundle, isBundleError } from '../../db/bundles';
import { validateRecordFields, vocabularyCrossCheck } from '../../db/caseRecords';
import { ImportRefused, importJsonLines } from '../../db/interchange';
import type { ChannelArgs, ChannelResult } from '../../shared/ipc/contract';
import {
  maxLineProblemsShown,
  type LineProblemKind,
  type RecordsImportResult,
} from '../../shared/ipc/imports';
import type { LineProblem } from '../../shared/interchange';
import { takePermit, type TaskControl } from './taskControl';

/** How often the check reports, in lines: often enough for a bar to move smoothly. */
const checkReportEvery = 250;

function readLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

/** The lines of the file, for the check's "done of total". Streams; holds no line. */
async function countLines(file: string, task: TaskControl): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
    if (bytes.length > 0) last = bytes[bytes.length - 1]!;
    task.checkpoint();
  }
  return last === 10 ? lines : lines + 1;
}

async function* reported(
  lines: AsyncIterable<string>,
  total: number,
  task: TaskControl,
): AsyncGenerator<string> {
  let done = 0;
  for await (const line of lines) {
    yield line;
    if (++done % checkReportEvery === 0) task.progress(done, total, 'check');
  }
  task.progress(done, total, 'check');
}

/**
 * What is wrong with a line, as a closed code: by where the problem is (the format's own
 * fields) and, where one place has two problems, by which. The message itself is English and
 * never shown; the page translates the code.
 */
export function lineProblemKind(problem: LineProblem): LineProblemKind {
  const { path, message } = problem;
  if (path === undefined) {
    if (message.includes('header')) return 'header';
    return message.includes('not valid JSON') ? 'json' : 'notObject';
  }
  if (path === 'type') return message.includes('in the vault') ? 'typeChange' : 'type';
  if (path === 'id') return message.includes('already on line') ? 'duplicate' : 'id';
  if (path === 'fields') return 'fields';
  return path.startsWith('fields.') ? 'field' : 'extraKey';
}

export async function importRecordsFile(
  vault: Vault,
  { file, dryRun }: Pick<ChannelArgs<'import.records'>, 'file' | 'dryRun'>,
  task: TaskControl,
  writeGate?: SharedArrayBuffer,
): Promise<RecordsImportResult> {
  if (!existsSync(file)) {
    throw new VaultError('invalid_input', 'The file is no longer there. Choose it again.');
  }
  task.progress(0, null, 'readFile');
  const total = await countLines(file, task);
  task.progress(0, total, 'check');
  let report;
  try {
    report = await importJsonLines(vault, reported(readLines(file), total, task), {
      validate: validateRecordFields,
      crossCheck: vocabularyCrossCheck(vault),
      dryRun,
      signal: task.signal,
      onProgress: ({ phase, done, total: writes }) => {
        if (phase !== 'writing') return;
        task.progress(done, writes ?? null, 'write');
        // Tests only: wait here, inside the transaction, until the test lets the next batch go.
        if (writeGate) takePermit(writeGate, task);
      },
    });
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    return {
      state: 'refused',
      problemCount: error.problems.length,
      problems: error.problems.slice(0, maxLineProblemsShown).map((problem) => ({
        line: problem.line,
        ...(problem.path === undefined ? {} : { path: problem.path.slice(0, 200) }),
        kind: lineProblemKind(problem),
      })),
    };
  }
  return {
    state: 'ready',
    written: !report.dryRun,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    byType: Object.keys(report.byType)
      .sort()
      .map((type) => ({ type, ...report.byType[type]! })),
  };
}

/** The signing key a refusal for an untrusted signer names, so the person can compare it. */
function signingKeyIn(message: string): string | undefined {
  return /signing key ([0-9a-f]{64})/.exec(message)?.[1];
}

export async function importBundleFile(
  vault: Vault,
  { file, dryRun, passphrase, trustSigner }: Omit<ChannelArgs<'import.bundle'>, 'taskId'>,
  task: TaskControl,
): Promise<ChannelResult<'import.bundle'>> {
  task.progress(0, null, 'readFile');
  let askedForPassphrase = false;
  try {
    const report = await importBundle(vault, file, {
      passphrase: async () => {
        if (passphrase !== undefined) return passphrase;
        askedForPassphrase = true;
        throw new VaultError('invalid_input', 'This bundle is sealed with a passphrase.');
      },
      validate: validateRecordFields,
      ...(trustSigner === undefined ? {} : { trustSigner }),
      dryRun,
      onProgress: ({ done, total }) => {
        task.progress(done, total, dryRun ? 'check' : 'merge');
        // Thrown inside the adoption's transaction: importBundle rolls it back.
        task.checkpoint();
      },
    });
    let conflicts = 0;
    if (!dryRun) for (const _ of vault.conflicts()) conflicts++;
    return {
      state: 'ready',
      written: !dryRun,
      signer: report.signer.slice(0, 200),
      revisions: report.revisions,
      added: report.added,
      alreadyPresent: report.alreadyPresent,
      records: report.records,
      conflicts,
    };
  } catch (error) {
    if (askedForPassphrase) return { state: 'needsPassphrase' };
    if (!isBundleError(error)) throw error;
    const signingKey = error.problem === 'untrusted' ? signingKeyIn(error.message) : undefined;
    return {
      state: 'refused',
      problem: error.problem,
      ...(signingKey === undefined ? {} : { signingKey }),
    };
  }
}
