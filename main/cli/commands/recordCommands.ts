import { VaultError } from '../../../db';
import { vaultVocabularies } from '../../../db/caseRecords';
import { isModelRecordType, modelRecordTypes, parseRecord } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { unknownTerms } from '../../../shared/vocabularies';
import { json, oneArgument, withVault, type Command } from '../context';
import { duplicateWarnings } from '../duplicateWarnings';

function parseStdinRecord(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the input, which may hold a name: report only where it broke.
    const at = /position (\d+)/.exec(String(error))?.[1];
    throw new VaultError(
      'invalid_input',
      `The record on standard input is not valid JSON${at ? ` (at character ${at})` : ''}. Nothing was written. Fix the file and run the command again.`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new VaultError(
      'invalid_input',
      'The record on standard input must be a JSON object, like {"names": [{"value": "..."}]}. Nothing was written.',
    );
  }
  return value as JsonObject;
}

function refuse(errors: readonly { path: string; message: string }[]): never {
  throw new VaultError(
    'invalid_input',
    `The record was not written. ${errors.map((e) => `${e.path || 'the record'}: ${e.message}`).join('; ')}. Fix it and run the command again (docs/model.md lists every field).`,
  );
}

export const put: Command = async (_args, options, io) => {
  const type = options.type;
  if (!type) throw new VaultError('invalid_input', 'put needs --type, for example --type person.');
  if (!isModelRecordType(type)) {
    throw new VaultError(
      'invalid_input',
      `There is no record type "${type.slice(0, 32)}". Use one of: ${modelRecordTypes.join(', ')}.`,
    );
  }
  const record = parseStdinRecord(await io.readStdin());
  const parsed = parseRecord(type, record);
  if (!parsed.ok) refuse(parsed.errors);
  const { written, warnings } = await withVault(options, (vault) => {
    const unknown = unknownTerms(type, record, vaultVocabularies(vault));
    if (unknown.length > 0) refuse(unknown);
    const written = vault.put(type, record, options.id === undefined ? {} : { id: options.id });
    const warnings =
      type === 'person' ? duplicateWarnings(vault, [{ id: written.id, fields: record }]) : [];
    return { written, warnings };
  });
  io.out(json(written) + '\n');
  for (const warning of warnings) io.note(`${warning}\n`);
};

export const get: Command = async (args, options, io) => {
  const id = oneArgument(args, 'record id');
  io.out(JSON.stringify(await withVault(options, (vault) => vault.get(id)), null, 2) + '\n');
};

export const list: Command = async (_args, options, io) => {
  await withVault(options, async (vault) => {
    // listAll: the same records in the same order, opened on worker threads in a large vault.
    const type = options.type === undefined ? {} : { type: options.type };
    for await (const record of vault.listAll(type)) io.out(json(record) + '\n');
  });
};

export const history: Command = async (args, options, io) => {
  const id = oneArgument(args, 'record id');
  const revisions = await withVault(options, (vault) => vault.history(id));
  io.out(revisions.map((revision) => json(revision) + '\n').join(''));
};

export const deleteRecord: Command = async (args, options, io) => {
  const id = oneArgument(args, 'record id');
  io.out(json(await withVault(options, (vault) => vault.delete(id))) + '\n');
};
