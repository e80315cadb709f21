import { Vault, VaultError } from '../../db';
import type { JsonObject } from '../../shared/records';
import { currentSecret, newPassphrase } from './secrets';

export interface CliOptions {
  readonly vault: string;
  readonly type?: string | undefined;
  readonly id?: string | undefined;
  readonly yes: boolean;
}

export interface CliIo {
  readonly out: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

type Command = (args: readonly string[], options: CliOptions, io: CliIo) => Promise<void>;

function oneArgument(args: readonly string[], what: string): string {
  if (args.length !== 1) throw new VaultError('invalid_input', `Give exactly one ${what}.`);
  return args[0]!;
}

async function withVault<T>(options: CliOptions, work: (vault: Vault) => T): Promise<T> {
  const vault = await Vault.unlock(options.vault, await currentSecret());
  try {
    return work(vault);
  } finally {
    vault.lock();
  }
}

function parseRecord(text: string): JsonObject {
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
      'The record on standard input must be a JSON object, like {"name": "..."}. Nothing was written.',
    );
  }
  return value as JsonObject;
}

const json = (value: unknown) => JSON.stringify(value);

export const commands: Record<string, Command> = {
  async init(_args, options, io) {
    const passphrase = await newPassphrase('CASEBOOK_PASSPHRASE', 'New passphrase: ');
    const { vault, recoveryCode } = await Vault.create(options.vault, passphrase);
    vault.lock();
    io.out(
      `Vault created in ${options.vault}.\n\n` +
        `Recovery code (shown only this once; write it on paper and keep it away from this computer):\n\n` +
        `    ${recoveryCode}\n\n` +
        `It opens the vault if the passphrase is forgotten. Anyone who has it can open the vault.\n`,
    );
  },

  async put(_args, options, io) {
    if (!options.type)
      throw new VaultError('invalid_input', 'put needs --type, for example --type person.');
    const record = parseRecord(await io.readStdin());
    const written = await withVault(options, (vault) =>
      vault.put(options.type!, record, options.id === undefined ? {} : { id: options.id }),
    );
    io.out(json(written) + '\n');
  },

  async get(args, options, io) {
    const id = oneArgument(args, 'record id');
    io.out(JSON.stringify(await withVault(options, (vault) => vault.get(id)), null, 2) + '\n');
  },

  async list(_args, options, io) {
    await withVault(options, (vault) => {
      for (const record of vault.list(options.type === undefined ? {} : { type: options.type })) {
        io.out(json(record) + '\n');
      }
    });
  },

  async history(args, options, io) {
    const id = oneArgument(args, 'record id');
    const revisions = await withVault(options, (vault) => vault.history(id));
    io.out(revisions.map((revision) => json(revision) + '\n').join(''));
  },

  async delete(args, options, io) {
    const id = oneArgument(args, 'record id');
    io.out(json(await withVault(options, (vault) => vault.delete(id))) + '\n');
  },

  async passwd(_args, options, io) {
    const vault = await Vault.unlock(options.vault, await currentSecret());
    try {
      vault.changePassphrase(await newPassphrase('CASEBOOK_NEW_PASSPHRASE', 'New passphrase: '));
    } finally {
      vault.lock();
    }
    io.out(
      'Passphrase changed. The old one no longer opens the vault; the recovery code still does.\n',
    );
  },

  async erase(_args, options, io) {
    if (!options.yes) {
      throw new VaultError(
        'invalid_input',
        'erase destroys the vault for good: nothing, not even the recovery code, opens it afterwards. Run it again with --yes to go ahead.',
      );
    }
    Vault.erase(options.vault);
    io.out(`The vault in ${options.vault} is erased. Nothing can open it any more.\n`);
  },
};
