import { createReadStream, existsSync } from 'node:fs';
import readline from 'node:readline';
import { writeFileAtomically } from '../../../db/files/atomicFile';
import { VaultError } from '../../../db';
import { validateRecordFields, vocabularyCrossCheck } from '../../../db/caseRecords';
import { exportCsv, exportJsonLines, importJsonLines } from '../../../db/interchange';
import { interchangeJsonSchema } from '../../../shared/interchange';
import { VaultSearch } from '../../../db/search';
import { oneArgument, checkTypeOption, withVault, type Command } from '../context';
import { duplicateWarnings } from '../duplicateWarnings';
import { searchProgress } from './searchCommand';

function checkReadable(file: string): void {
  if (!existsSync(file)) {
    throw new VaultError(
      'invalid_input',
      `There is no file ${file}. Check the path and run the command again.`,
    );
  }
}

/**
 * Made only when the reader is ready to consume it: readline starts emitting lines at once,
 * and lines emitted before iteration begins are lost.
 */
function readLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

export const importFile: Command = async (args, options, io) => {
  const file = oneArgument(args, 'file to import');
  checkReadable(file);
  const { report, warnings } = await withVault(options, async (vault) => {
    const report = await importJsonLines(vault, readLines(file), {
      validate: validateRecordFields,
      crossCheck: vocabularyCrossCheck(vault),
      dryRun: options.dryRun,
      onProgress: ({ phase, done, total }) =>
        io.note(
          `\r${phase === 'checking' ? 'checked' : 'wrote'} ${done}${total ? ` of ${total}` : ''} records`,
        ),
    });
    const people = report.changed.filter((entity) => entity.type === 'person');
    const warnings =
      people.length > 0
        ? duplicateWarnings(vault, people, {
            search: VaultSearch.open(vault, searchProgress(io)),
            dryRun: options.dryRun,
          })
        : [];
    return { report, warnings };
  });
  io.note('\r');
  for (const warning of warnings) io.note(`${warning}\n`);
  const verb = report.dryRun ? 'would be' : 'were';
  io.out(
    `${report.dryRun ? 'Dry run, nothing written: ' : ''}${report.created} records ${verb} created, ${report.updated} ${verb} updated with a new revision, ${report.unchanged} ${report.dryRun ? 'would be left' : 'were left'} unchanged.\n`,
  );
};

export const exportRecords: Command = async (_args, options, io) => {
  const format = options.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') {
    throw new VaultError(
      'invalid_input',
      'export --format takes jsonl (complete, re-importable) or csv (one record type, for spreadsheets).',
    );
  }
  checkTypeOption(options.type);
  if (format === 'csv' && !options.type) {
    throw new VaultError(
      'invalid_input',
      'A CSV export holds one record type: add --type, for example --type person.',
    );
  }
  await withVault(options, async (vault) => {
    const chunks =
      format === 'csv'
        ? [exportCsv(vault, options.type!)]
        : exportJsonLines(vault, options.type === undefined ? {} : { type: options.type });
    if (options.out) await writeFileAtomically(options.out, chunks);
    else for (const chunk of chunks) io.out(chunk);
  });
  if (options.out)
    io.note(
      `Written to ${options.out}. It holds the records in clear: keep it encrypted or delete it after use.\n`,
    );
};

/** The interchange format's JSON Schema (docs/interchange.schema.json), for other tools. */
export const schema: Command = async (_args, _options, io) => {
  io.out(JSON.stringify(interchangeJsonSchema(), null, 2) + '\n');
};
