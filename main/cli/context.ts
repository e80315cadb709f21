import { Vault, VaultError } from '../../db';
import { isModelRecordType, modelRecordTypes } from '../../shared/model';
import { currentSecret } from './secrets';

export interface CliOptions {
  readonly vault: string;
  readonly type?: string | undefined;
  readonly id?: string | undefined;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly format?: string | undefined;
  readonly out?: string | undefined;
  readonly asOf?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly json: boolean;
  readonly limit?: string | undefined;
  readonly region?: string | undefined;
  readonly article?: string | undefined;
  readonly status?: string | undefined;
  readonly sex?: string | undefined;
  /** report: the kind of report, the export profile, the language. */
  readonly kind?: string | undefined;
  readonly profile?: string | undefined;
  readonly lang?: string | undefined;
  /** bundle export: every --to given (age1... recipients or trusted names). */
  readonly recipients: readonly string[];
  readonly passphrase: boolean;
  readonly sinceLast: boolean;
  /** bundle export: records only, no evidence files. */
  readonly withoutAttachments?: boolean | undefined;
  readonly trustSigner?: string | undefined;
  /** A file of age identities to open bundles with, besides the vault's own. */
  readonly identity?: string | undefined;
  readonly name?: string | undefined;
  /** attach: how the file was obtained; extract: why it leaves the vault. */
  readonly obtainedBy?: string | undefined;
  readonly obtainedOn?: string | undefined;
  readonly method?: string | undefined;
  readonly purpose?: string | undefined;
  /** export-image: every --black-out X,Y,WIDTH,HEIGHT given. */
  readonly blackOut: readonly string[];
}

export interface CliIo {
  readonly out: (text: string) => void;
  /** Progress and notes for a person watching; never mixed into the output proper. */
  readonly note: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

export type Command = (args: readonly string[], options: CliOptions, io: CliIo) => Promise<void>;

export function oneArgument(args: readonly string[], what: string): string {
  if (args.length !== 1) throw new VaultError('invalid_input', `Give exactly one ${what}.`);
  return args[0]!;
}

/** Unlocks the vault for one command and locks it again, whatever happens. */
export async function withVault<T>(
  options: CliOptions,
  work: (vault: Vault) => T | Promise<T>,
): Promise<T> {
  const vault = await Vault.unlock(options.vault, await currentSecret());
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}

export const json = (value: unknown) => JSON.stringify(value);

/** Refuses a --type that names no record type, before any work is done. */
export function checkTypeOption(type: string | undefined): void {
  if (type !== undefined && !isModelRecordType(type)) {
    throw new VaultError(
      'invalid_input',
      `There is no record type "${type.slice(0, 32)}". Use one of: ${modelRecordTypes.join(', ')}.`,
    );
  }
}
