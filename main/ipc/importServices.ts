import path from 'node:path';

import { VaultError } from '../../db';
import type { VaultHost } from '../vaultHost/vaultHost';
import type { Services } from './router';
import { runTask, type TaskRegistry } from './tasks';

export type ImportFileKind = 'records' | 'bundle';

/** The shell's file dialog: Electron's, or the e2e harness's stand-in. */
export type ChooseImportFile = (kind: ImportFileKind) => Promise<string | null>;

type ImportServices = Pick<Services, 'import.chooseFile' | 'import.records' | 'import.bundle'>;

/**
 * The import channels. As with vault folders (services.ts), the page may only import a file
 * the main process has seen chosen in the system's dialog: a page made to misbehave could not
 * make the app read any other file into the vault.
 */
export function createImportServices(
  host: VaultHost,
  tasks: TaskRegistry,
  chooseFile: ChooseImportFile | undefined,
): ImportServices {
  const approved = new Map<string, ImportFileKind>();

  const approvedFile = (file: string, kind: ImportFileKind): string => {
    const resolved = path.resolve(file);
    if (!path.isAbsolute(file) || approved.get(resolved) !== kind) {
      throw new VaultError(
        'invalid_request',
        'Choose the file to import with the "Choose" button, then try again.',
      );
    }
    return resolved;
  };

  return {
    'import.chooseFile': async ({ kind }) => {
      const file = chooseFile ? await chooseFile(kind) : null;
      if (file === null || !path.isAbsolute(file)) return { file: null, name: null };
      const resolved = path.resolve(file);
      approved.set(resolved, kind);
      return { file: resolved, name: path.basename(resolved) };
    },
    'import.records': ({ file, taskId, dryRun }, caller) =>
      runTask(tasks, taskId, caller, (task) =>
        host.call('importRecords', { file: approvedFile(file, 'records'), dryRun }, task),
      ),
    'import.bundle': ({ file, taskId, ...options }, caller) =>
      runTask(tasks, taskId, caller, (task) =>
        host.call('importBundle', { file: approvedFile(file, 'bundle'), ...options }, task),
      ),
  };
}
