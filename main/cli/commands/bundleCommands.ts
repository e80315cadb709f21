import { readFileSync } from 'node:fs';
import { Vault, VaultError } from '../../../db';
import { exportBundle, importBundle, type BundleImportReport } from '../../../db/bundles';
import { validateRecordFields } from '../../../db/caseRecords';
import {
  ageIdentityPattern,
  checkDeviceName,
  ensureDeviceIdentity,
  importProfile,
  nameDevice,
  organisationProfile,
  parseDeviceEntry,
  parseOrganisationProfile,
  readTrust,
  resolveRecipients,
  trustDevice,
} from '../../../db/identity';
import {
  json,
  oneArgument,
  withVault,
  type CliIo,
  type CliOptions,
  type Command,
} from '../context';
import { promptSecret } from '../secretPrompt';
import { newPassphrase } from '../secrets';

const bundlePassphraseVariable = 'CASEBOOK_BUNDLE_PASSPHRASE';

async function bundlePassphrase(): Promise<string> {
  const fromEnv = process.env[bundlePassphraseVariable];
  if (fromEnv !== undefined) return fromEnv;
  try {
    return await promptSecret('Bundle passphrase: ');
  } catch (error) {
    if (error instanceof VaultError && /No passphrase given/.test(error.message)) {
      throw new VaultError(
        'invalid_input',
        `This bundle is sealed with a passphrase: set ${bundlePassphraseVariable}, or run the command in a terminal to be asked for it. Nothing was changed.`,
      );
    }
    throw error;
  }
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new VaultError('invalid_input', `There is no ${what} ${file}. Check the path.`);
  }
}

function readJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new VaultError('invalid_input', `The ${what} is not valid JSON. Nothing was changed.`);
  }
}

/** `--identity FILE`: age identities as `age-keygen` writes them, comments allowed. */
function ageIdentities(options: CliOptions): string[] {
  if (options.identity === undefined) return [];
  const identities = readText(options.identity, 'identity file')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => ageIdentityPattern.test(line));
  if (identities.length === 0) {
    throw new VaultError(
      'invalid_input',
      `${options.identity} holds no age identity (a line AGE-SECRET-KEY-1..., as age-keygen writes). Nothing was changed.`,
    );
  }
  return identities;
}

const progress = (io: CliIo, verb: string) => (p: { done: number; total: number }) =>
  io.note(`\r${verb} ${p.done} of ${p.total} revisions`);

const fileProgress = (io: CliIo, verb: string) => (p: { done: number; total: number }) =>
  io.note(
    `\r${verb} ${Math.floor(p.done / 1048576)} of ${Math.ceil(p.total / 1048576)} MiB of attachments`,
  );

function importSummary(report: BundleImportReport, conflicts: number): string {
  const lines = [
    `Imported bundle ${report.bundle} (${report.scope}) from device ${report.device}, signed by "${report.signer}": ${report.revisions} revisions, ${report.added} new, ${report.alreadyPresent} already here; ${report.records} records changed.`,
  ];
  if (report.attachments > 0) {
    lines.push(
      `Attachments: ${report.attachments} in the bundle, ${report.attachmentsRestored} restored here, ${report.attachmentsAlreadyPresent} already here.`,
    );
  }
  if (report.newlyTrusted) {
    lines.push(
      `This vault now trusts device ${report.newlyTrusted.device} (signing key ${report.newlyTrusted.signingKey}).`,
    );
  }
  if (conflicts > 0) {
    lines.push(
      `${conflicts} records were changed on two devices in the same fields: "casebook conflicts" lists them. Each reads with the newest value until someone writes it again.`,
    );
  }
  return lines.join('\n') + '\n';
}

const countConflicts = (vault: Vault) => {
  let count = 0;
  for (const _ of vault.conflicts()) count++;
  return count;
};

async function exportCommand(options: CliOptions, io: CliIo): Promise<void> {
  if (!options.out) {
    throw new VaultError(
      'invalid_input',
      'bundle export needs --out FILE: where to write the bundle.',
    );
  }
  if (options.recipients.length > 0 && options.passphrase) {
    throw new VaultError(
      'invalid_input',
      'Give --to (recipients) or --passphrase, not both. Nothing was written.',
    );
  }
  if (options.recipients.length === 0 && !options.passphrase) {
    throw new VaultError(
      'invalid_input',
      'bundle export needs --to RECIPIENT (once per recipient: an age1... key or a trusted name) or --passphrase. Nothing was written.',
    );
  }
  const passphrase = options.passphrase
    ? await newPassphrase(bundlePassphraseVariable, 'Bundle passphrase: ')
    : undefined;
  const report = await withVault(options, async (vault) =>
    exportBundle(vault, options.out!, {
      ...(passphrase === undefined
        ? { recipients: resolveRecipients(readTrust(vault), options.recipients) }
        : { passphrase }),
      sinceLast: options.sinceLast,
      withoutAttachments: options.withoutAttachments === true,
      onProgress: progress(io, 'exported'),
      onAttachmentProgress: fileProgress(io, 'exported'),
    }),
  );
  io.note('\r');
  io.out(
    `Wrote ${options.out}: bundle ${report.bundle} (number ${report.sequence}, ${report.scope}), ${report.revisions} revisions${report.attachments > 0 ? ` and ${report.attachments} attachment${report.attachments === 1 ? '' : 's'} (${report.attachmentBytes} bytes)` : ''}, ${report.bytes} bytes, encrypted ${passphrase === undefined ? `to ${options.recipients.length} recipient${options.recipients.length === 1 ? '' : 's'}` : 'with a passphrase'} and signed by this vault.\n`,
  );
}

async function importCommand(args: readonly string[], options: CliOptions, io: CliIo) {
  const file = oneArgument(args, 'bundle file to import');
  const identities = ageIdentities(options);
  const { report, conflicts } = await withVault(options, async (vault) => {
    const report = await importBundle(vault, file, {
      passphrase: bundlePassphrase,
      identities,
      ...(options.trustSigner === undefined ? {} : { trustSigner: options.trustSigner }),
      validate: validateRecordFields,
      onProgress: progress(io, 'imported'),
      onAttachmentProgress: fileProgress(io, 'imported'),
    });
    return { report, conflicts: countConflicts(vault) };
  });
  io.note('\r');
  io.out(importSummary(report, conflicts));
}

/** A new vault from a full bundle: the way back after a laptop is lost, seized or wiped. */
async function restoreCommand(args: readonly string[], options: CliOptions, io: CliIo) {
  const file = oneArgument(args, 'bundle file to restore from');
  const identities = ageIdentities(options);
  readText(file, 'bundle file');
  const passphrase = await newPassphrase('CASEBOOK_PASSPHRASE', 'New passphrase for the vault: ');
  const { vault, recoveryCode } = await Vault.create(options.vault, passphrase);
  let report: BundleImportReport;
  try {
    report = await importBundle(vault, file, {
      passphrase: bundlePassphrase,
      identities,
      trustAnySigner: true,
      validate: validateRecordFields,
      onProgress: progress(io, 'restored'),
      onAttachmentProgress: fileProgress(io, 'restored'),
    });
    if (report.scope !== 'full') {
      throw new VaultError(
        'invalid_input',
        'That bundle is incremental: it holds only what changed since an earlier one. Restore from a full bundle, then import the later ones.',
      );
    }
  } catch (error) {
    // The vault was made for this restore only; leave the folder as it was found.
    vault.erase();
    throw error;
  }
  vault.lock();
  io.note('\r');
  io.out(
    importSummary(report, 0) +
      `\nVault restored in ${options.vault}. Its device identity is new: run "casebook identity" and send it to headquarters.\n\n` +
      `Recovery code (shown only this once; write it on paper and keep it away from this computer):\n\n    ${recoveryCode}\n`,
  );
}

export const bundle: Command = async (args, options, io) => {
  const [action, ...rest] = args;
  if (action === 'export' && rest.length === 0) return exportCommand(options, io);
  if (action === 'import') return importCommand(rest, options, io);
  if (action === 'restore') return restoreCommand(rest, options, io);
  throw new VaultError(
    'invalid_input',
    'Use "bundle export --to RECIPIENT --out FILE", "bundle import FILE" or "bundle restore FILE".',
  );
};

/** This vault's public identity, as one JSON line that other vaults trust with add-device. */
export const identity: Command = async (args, options, io) => {
  if (args.length > 0) throw new VaultError('invalid_input', 'identity takes no arguments.');
  const name = options.name === undefined ? undefined : checkDeviceName(options.name);
  const entry = await withVault(options, async (vault) =>
    name === undefined
      ? (await ensureDeviceIdentity(vault)).entry
      : (await nameDevice(vault, name)).entry,
  );
  io.out(json(entry) + '\n');
};

export const trust: Command = async (args, options, io) => {
  const [action, ...rest] = args;
  if (action === 'list' && rest.length === 0) {
    const trusted = await withVault(options, (vault) => readTrust(vault));
    io.out(JSON.stringify(trusted, null, 2) + '\n');
  } else if (action === 'import') {
    const file = oneArgument(rest, 'organisation profile');
    const profile = parseOrganisationProfile(
      readJson(readText(file, 'profile'), 'organisation profile'),
    );
    const { devices, recipients } = await withVault(options, async (vault) =>
      importProfile(vault, profile, vault.deviceId),
    );
    io.out(
      `Trusted devices: ${devices.added} added, ${devices.updated} updated, ${devices.unchanged} unchanged. Recipients: ${recipients.added} added, ${recipients.updated} updated, ${recipients.unchanged} unchanged.\n`,
    );
  } else if (action === 'add-device') {
    const file = oneArgument(rest, 'device entry file (or - for standard input)');
    const text = file === '-' ? await io.readStdin() : readText(file, 'device entry');
    const parsed = parseDeviceEntry(readJson(text, 'device entry'));
    const entry =
      options.name === undefined ? parsed : { ...parsed, name: checkDeviceName(options.name) };
    const change = await withVault(options, (vault) => {
      if (entry.device === vault.deviceId) {
        throw new VaultError('invalid_input', 'That is this vault itself. Nothing was changed.');
      }
      return trustDevice(vault, entry);
    });
    io.out(`Device "${entry.name}" (${entry.device}): ${change}.\n`);
  } else if (action === 'profile' && rest.length === 0) {
    const name = options.name === undefined ? undefined : checkDeviceName(options.name);
    const profile = await withVault(options, async (vault) =>
      organisationProfile(readTrust(vault), (await ensureDeviceIdentity(vault)).entry, name),
    );
    io.out(JSON.stringify(profile, null, 2) + '\n');
  } else {
    throw new VaultError(
      'invalid_input',
      'Use "trust list", "trust import PROFILE.json", "trust add-device FILE" or "trust profile".',
    );
  }
};

/** Records changed on two devices in the same fields: one JSON line each. */
export const conflicts: Command = async (args, options, io) => {
  if (args.length > 0) throw new VaultError('invalid_input', 'conflicts takes no arguments.');
  await withVault(options, (vault) => {
    for (const conflict of vault.conflicts()) io.out(json(conflict) + '\n');
  });
};
