import path from 'node:path';

import { VaultError } from '../../db';
import { hasVaultFiles, vaultLayout } from '../../db/vault/layout';
import type { Language } from '../../shared/i18n/languages';
import type { AutoLock } from '../vaultHost/autoLock';
import type { VaultHost } from '../vaultHost/vaultHost';
import type { SettingsStore } from './appSettings';
import { createReportServices, type ReportPorts } from './reportServices';
import { createAttachmentServices, type AttachmentPorts } from './attachmentServices';
import { createImportServices, type ChooseImportFile } from './importServices';
import type { Services } from './router';
import { TaskRegistry, runTask, type Caller } from './tasks';

/** What the services need from the shell around them: Electron's, or the e2e harness's. */
export interface ShellPorts {
  /** Where a new vault goes unless the user chooses another folder. */
  readonly defaultFolder: string;
  readonly settings: SettingsStore;
  /** Shows the system's folder dialog; null when the user cancels. */
  chooseFolder(purpose: 'create' | 'open', defaultPath: string): Promise<string | null>;
  /** The page's language, for what the main process shows itself (the menu). */
  setLanguage(language: Language): void;
  /** Shows the system's file dialog for an import; null when the user cancels. */
  readonly chooseImportFile?: ChooseImportFile;
  /** The report printer and save dialog; without them reports can be previewed, not saved. */
  readonly reports?: ReportPorts;
  /** The open and save dialogs for evidence files; without them files can be listed, not moved. */
  readonly attachments?: AttachmentPorts;
}

/**
 * The services behind the IPC router: vault operations go to the worker (VaultHost), the rest
 * is the shell's. Every call counts as activity for the auto-lock.
 *
 * The page may only create or open a vault in a folder that the main process has seen chosen:
 * the default, the one opened last, or one the user picked in the system dialog. A page that
 * had been made to misbehave could not make the app write vault files anywhere else.
 */
export function createVaultServices(
  host: VaultHost,
  autoLock: AutoLock,
  ports: ShellPorts,
): Services {
  const approved = new Set<string>();
  const approve = (folder: string | undefined) => {
    if (folder && path.isAbsolute(folder)) approved.add(path.resolve(folder));
  };
  approve(ports.defaultFolder);
  approve(ports.settings.read().lastVaultFolder);

  const approvedFolder = (folder: string): string => {
    const resolved = path.resolve(folder);
    if (!path.isAbsolute(folder) || !approved.has(resolved)) {
      throw new VaultError(
        'invalid_request',
        'Choose the vault folder with the "Choose folder" button, then try again.',
      );
    }
    return resolved;
  };

  // Long tasks of the page (main/ipc/tasks.ts). A lock stops them all: the vault host cancels
  // the one in its worker at once, and this ends any other that is still running.
  const tasks = new TaskRegistry();
  host.onLocked(() => tasks.cancelAll());

  let openFolder: string | null = null;
  const opened = (folder: string) => {
    openFolder = folder;
    ports.settings.update({ lastVaultFolder: folder });
  };

  const services: Services = {
    'vault.status': () => {
      const remembered = ports.settings.read().lastVaultFolder ?? null;
      const unlocked = host.isUnlocked;
      const folder = (unlocked ? openFolder : null) ?? remembered;
      const state = unlocked
        ? 'unlocked'
        : folder !== null && hasVaultFiles(vaultLayout(folder))
          ? 'locked'
          : 'none';
      return {
        state,
        folder,
        defaultFolder: ports.defaultFolder,
        autoLockMinutes: autoLock.minutes,
      };
    },
    'vault.chooseFolder': async ({ purpose }) => {
      const start = ports.settings.read().lastVaultFolder ?? ports.defaultFolder;
      const folder = await ports.chooseFolder(purpose, start);
      if (folder === null) return { folder: null };
      approve(folder);
      return { folder: path.resolve(folder) };
    },
    'vault.create': async ({ folder, passphrase }) => {
      const dir = approvedFolder(folder);
      const created = await host.call('create', { folder: dir, passphrase });
      opened(dir);
      return created;
    },
    'vault.unlock': ({ folder, secret, taskId }, caller) =>
      runTask(tasks, taskId, caller, async (task) => {
        const dir = approvedFolder(folder);
        await host.call('unlock', { folder: dir, secret }, task);
        opened(dir);
        return {};
      }),
    'vault.lock': async () => {
      await host.lock('user');
      return {};
    },
    'vault.setAutoLock': ({ minutes }) => {
      autoLock.minutes = minutes;
      ports.settings.update({ autoLockMinutes: minutes });
      return { autoLockMinutes: minutes };
    },
    'records.list': (args) => host.call('list', args),
    'records.get': (args) => host.call('get', args),
    'records.put': (args) => host.call('put', args),
    'records.delete': (args) => host.call('delete', args),
    'records.history': (args) => host.call('history', args),
    'records.putMany': (args) => host.call('putMany', args),
    'records.duplicates': (args) => host.call('duplicates', args),
    'records.referring': (args) => host.call('referring', args),
    'records.browse': (args) => host.call('browse', args),
    'cases.list': (args) => host.call('cases', args),
    'search.query': (args) => host.call('search', args),
    'vocabularies.list': () => host.call('vocabularies', {}),
    'conflicts.list': () => host.call('conflicts', {}),
    'conflicts.resolve': (args) => host.call('resolveConflict', args),
    'app.setLanguage': ({ language }) => {
      ports.setLanguage(language);
      return {};
    },
    'app.activity': () => ({}),
    ...createReportServices(host, tasks, ports.reports),
    'task.cancel': ({ taskId }, caller) => {
      tasks.cancel(taskId, caller.sender);
      return {};
    },
    ...createImportServices(host, tasks, ports.chooseImportFile),
    ...createAttachmentServices(host, tasks, ports.attachments),
  };

  const touched: Record<string, (args: never, caller: Caller) => unknown> = {};
  for (const [channel, service] of Object.entries(services)) {
    touched[channel] = (args: never, caller: Caller) => {
      autoLock.touch();
      return (service as (args: never, caller: Caller) => unknown)(args, caller);
    };
  }
  return touched as unknown as Services;
}
