import path from 'node:path';

import { VaultError } from '../../db';
import type { VaultHost } from '../vaultHost/vaultHost';
import type { Services } from './router';
import { runTask, type TaskRegistry } from './tasks';

/** The shell's dialogs for evidence files: Electron's, or the e2e harness's stand-ins. */
export interface AttachmentPorts {
  /** The system's open dialog for a file to attach; null when the user cancels. */
  chooseEvidenceFile(): Promise<string | null>;
  /** The system's save dialog, proposing `suggestedName`; null when the user cancels. */
  chooseSaveFile(suggestedName: string): Promise<string | null>;
}

type AttachmentChannel =
  | 'attachments.list'
  | 'attachments.chooseFile'
  | 'attachments.attach'
  | 'attachments.read'
  | 'attachments.custody'
  | 'attachments.verify'
  | 'attachments.saveCopy'
  | 'attachments.exportImage';

/** The encoding an export keeps: PNG for PNG and GIF (flat colours, transparency), else JPEG. */
function exportFormatOf(mediaType: string): 'jpeg' | 'png' {
  return mediaType === 'image/png' || mediaType === 'image/gif' ? 'png' : 'jpeg';
}

/** "injury.heic" -> "injury-cleaned.jpg": an export never takes the original's name. */
function cleanedName(name: string, format: 'jpeg' | 'png'): string {
  const stem = path.basename(name, path.extname(name)) || 'image';
  return `${stem}-cleaned.${format === 'jpeg' ? 'jpg' : 'png'}`;
}

/**
 * The evidence-file channels. As with vault folders and imports, the page names no path of its
 * own: it may attach only a file the main process saw chosen in the open dialog, and every copy
 * leaves through the save dialog shown here, so a page made to misbehave can neither read an
 * arbitrary file into the vault nor write decrypted evidence where the user did not say.
 */
export function createAttachmentServices(
  host: VaultHost,
  tasks: TaskRegistry,
  ports: AttachmentPorts | undefined,
): Pick<Services, AttachmentChannel> {
  const chosen = new Set<string>();
  const noDialog = () =>
    new VaultError(
      'invalid_request',
      'This copy of Casebook cannot show file dialogs. Use the casebook command line instead.',
    );

  const saveTarget = async (suggestedName: string): Promise<string | null> => {
    if (!ports) throw noDialog();
    const out = await ports.chooseSaveFile(path.basename(suggestedName));
    return out !== null && path.isAbsolute(out) ? path.resolve(out) : null;
  };

  return {
    'attachments.list': (args) => host.call('attachments', args),
    'attachments.chooseFile': async () => {
      const file = ports ? await ports.chooseEvidenceFile() : null;
      if (file === null || !path.isAbsolute(file)) return { file: null, name: null };
      const resolved = path.resolve(file);
      chosen.add(resolved);
      return { file: resolved, name: path.basename(resolved) };
    },
    'attachments.attach': ({ taskId, file, ...args }, caller) =>
      runTask(tasks, taskId, caller, (task) => {
        const resolved = path.resolve(file);
        if (!path.isAbsolute(file) || !chosen.has(resolved)) {
          throw new VaultError(
            'invalid_request',
            'Choose the file to attach with the "Choose file" button, then try again.',
          );
        }
        return host.call('attach', { ...args, file: resolved }, task);
      }),
    'attachments.read': (args) => host.call('readAttachment', args),
    'attachments.custody': (args) => host.call('custody', args),
    'attachments.verify': ({ taskId }, caller) =>
      runTask(tasks, taskId, caller, (task) => host.call('verifyAttachments', {}, task)),
    'attachments.saveCopy': ({ fileId, purpose, taskId }, caller) =>
      runTask(tasks, taskId, caller, async (task) => {
        const { name } = await host.call('attachmentFacts', { fileId });
        const out = await saveTarget(name);
        if (out === null) return { saved: false };
        await host.call('extractAttachment', { fileId, out, purpose }, task);
        return { saved: true, fileName: path.basename(out).slice(0, 500) };
      }),
    'attachments.exportImage': ({ fileId, regions, purpose, taskId }, caller) =>
      runTask(tasks, taskId, caller, async (task) => {
        const { name, mediaType } = await host.call('attachmentFacts', { fileId });
        if (!mediaType.startsWith('image/')) {
          throw new VaultError(
            'invalid_input',
            'Only images can be exported for a report. Use "Save a copy" for other files.',
          );
        }
        const format = exportFormatOf(mediaType);
        const out = await saveTarget(cleanedName(name, format));
        if (out === null) return { saved: false };
        await host.call('exportImage', { fileId, out, regions, format, purpose }, task);
        return { saved: true, fileName: path.basename(out).slice(0, 500) };
      }),
  };
}
