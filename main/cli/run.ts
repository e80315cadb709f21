import { parseArgs } from 'node:util';
import { isVaultError } from '../../db';
import { commands } from './commands';
import type { CliIo } from './context';
import { usage } from './usage';

/** Commands that work without a vault. */
const vaultless = new Set(['schema']);

/** Runs one CLI invocation and returns the exit code: 0 done, 1 refused, 2 misused, 70 a bug. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  err: (text: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        vault: { type: 'string' },
        type: { type: 'string' },
        id: { type: 'string' },
        yes: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        // A date for stats and search; for bundle export, once per recipient.
        to: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        region: { type: 'string' },
        article: { type: 'string' },
        status: { type: 'string' },
        sex: { type: 'string' },
        kind: { type: 'string' },
        profile: { type: 'string' },
        lang: { type: 'string' },
        passphrase: { type: 'boolean', default: false },
        'since-last': { type: 'boolean', default: false },
        'without-attachments': { type: 'boolean', default: false },
        'trust-signer': { type: 'string' },
        identity: { type: 'string' },
        name: { type: 'string' },
        // export-image: X,Y,WIDTH,HEIGHT, once per region.
        'black-out': { type: 'string', multiple: true },
        // attach: the acquisition facts; --from (who gave the file) is shared with stats' date.
        'obtained-by': { type: 'string' },
        'obtained-on': { type: 'string' },
        method: { type: 'string' },
        purpose: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`casebook: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (values.help || !name) {
    (values.help ? io.out : err)(usage);
    return values.help ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    err(`casebook: there is no command "${name.slice(0, 20)}".\n\n${usage}`);
    return 2;
  }
  const vault =
    values.vault ?? process.env.CASEBOOK_VAULT ?? (vaultless.has(name) ? '' : undefined);
  if (vault === undefined) {
    err('casebook: say which vault with --vault DIR (or set CASEBOOK_VAULT).\n');
    return 2;
  }
  try {
    await command(
      args,
      {
        vault,
        type: values.type,
        id: values.id,
        yes: values.yes,
        dryRun: values['dry-run'],
        format: values.format,
        out: values.out,
        asOf: values['as-of'],
        from: values.from,
        to: values.to?.at(-1),
        json: values.json,
        limit: values.limit,
        region: values.region,
        article: values.article,
        status: values.status,
        sex: values.sex,
        kind: values.kind,
        profile: values.profile,
        lang: values.lang,
        recipients: values.to ?? [],
        passphrase: values.passphrase,
        sinceLast: values['since-last'],
        withoutAttachments: values['without-attachments'],
        trustSigner: values['trust-signer'],
        identity: values.identity,
        name: values.name,
        obtainedBy: values['obtained-by'],
        obtainedOn: values['obtained-on'],
        method: values.method,
        purpose: values.purpose,
        blackOut: values['black-out'] ?? [],
      },
      io,
    );
    return 0;
  } catch (error) {
    if (isVaultError(error)) {
      err(`casebook: ${error.message}\n`);
      return 1;
    }
    // No stack and no message: either could quote record content or a path with a name in it.
    err(
      `casebook: an unexpected ${(error as Error)?.name ?? 'error'} stopped the command. Your vault is as the last completed write left it. Please report this, with the command you ran.\n`,
    );
    return 70;
  }
}
