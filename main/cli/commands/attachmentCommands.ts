import {
  VaultError,
  attachFile,
  extractAttachment,
  listAttachments,
  verifyAttachments,
} from '../../../db';
import {
  json,
  oneArgument,
  withVault,
  type CliIo,
  type CliOptions,
  type Command,
} from '../context';

/** Files this large say how far along they are, every tenth, on stderr. */
const progressFrom = 64 * 1024 * 1024;

function progressNotes(io: CliIo, what: string) {
  let shown = 0;
  return ({ done, total }: { done: number; total: number }) => {
    if (total < progressFrom) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth > shown) {
      shown = tenth;
      io.note(`${what}: ${tenth * 10}%\n`);
    }
  };
}

/**
 * Ctrl-C during a long attach or extract aborts it, so its partial file is removed instead of
 * being left behind by a killed process.
 */
async function cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', abort);
  }
}

function acquisitionOf(options: CliOptions) {
  return {
    ...(options.obtainedBy !== undefined ? { obtainedBy: options.obtainedBy } : {}),
    ...(options.obtainedOn !== undefined ? { obtainedOn: { date: options.obtainedOn } } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
  };
}

export const attach: Command = async (args, options, io) => {
  if (args.length !== 2)
    throw new VaultError('invalid_input', 'Give a record id and a file: attach ID FILE.');
  const [recordId, file] = args as [string, string];
  const result = await withVault(options, (vault) =>
    cancellable((signal) =>
      attachFile(vault, {
        recordId,
        path: file,
        acquisition: acquisitionOf(options),
        signal,
        onProgress: progressNotes(io, 'attach'),
      }),
    ),
  );
  io.out(json({ fileId: result.fileId, sha256: result.sha256, size: result.size }) + '\n');
  if (result.duplicates.length > 0) {
    io.note(
      `warning: the same file (same SHA-256) is already in this vault as attachment ${result.duplicates.join(', ')}\n`,
    );
  }
};

export const attachments: Command = async (args, options, io) => {
  const recordId = oneArgument(args, 'record id');
  await withVault(options, (vault) => {
    vault.get(recordId);
    for (const info of listAttachments(vault, recordId)) io.out(json(info) + '\n');
  });
};

export const extract: Command = async (args, options, io) => {
  const fileId = oneArgument(args, 'file id');
  if (!options.out)
    throw new VaultError('invalid_input', 'extract needs --out PATH: where to write the file.');
  const out = options.out;
  const info = await withVault(options, (vault) =>
    cancellable((signal) =>
      extractAttachment(vault, fileId, out, {
        purpose: options.purpose,
        signal,
        onProgress: progressNotes(io, 'extract'),
      }),
    ),
  );
  io.out(json({ fileId, sha256: info.sha256, size: info.size }) + '\n');
};

export const verify: Command = async (_args, options, io) => {
  const report = await withVault(options, (vault) =>
    verifyAttachments(vault, { onProgress: progressNotes(io, 'verify') }),
  );
  for (const problem of report.problems)
    io.out((options.json ? json(problem) : problem.message) + '\n');
  if (report.problems.length > 0) {
    throw new VaultError(
      'record_damaged',
      `verify found ${report.problems.length} problem(s) in ${report.checked} attachment(s). Restore the attachments named above from a backup bundle.`,
    );
  }
  io.note(`verify: ${report.checked} attachment(s), ${report.bytes} bytes, all as taken in\n`);
};
