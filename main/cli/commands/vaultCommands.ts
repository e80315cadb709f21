import { Vault, VaultError } from '../../../db';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import type { Command } from '../context';
import { currentSecret, newPassphrase } from '../secrets';

export const init: Command = async (_args, options, io) => {
  const passphrase = await newPassphrase('CASEBOOK_PASSPHRASE', 'New passphrase: ');
  const { vault, recoveryCode } = await Vault.create(options.vault, passphrase);
  try {
    seedDefaultVocabularies(vault);
  } finally {
    vault.lock();
  }
  io.out(
    `Vault created in ${options.vault}.\n\n` +
      `Recovery code (shown only this once; write it on paper and keep it away from this computer):\n\n` +
      `    ${recoveryCode}\n\n` +
      `It opens the vault if the passphrase is forgotten. Anyone who has it can open the vault.\n`,
  );
};

export const passwd: Command = async (_args, options, io) => {
  const vault = await Vault.unlock(options.vault, await currentSecret());
  try {
    vault.changePassphrase(await newPassphrase('CASEBOOK_NEW_PASSPHRASE', 'New passphrase: '));
  } finally {
    vault.lock();
  }
  io.out(
    'Passphrase changed. The old one no longer opens the vault; the recovery code still does.\n',
  );
};

export const erase: Command = async (_args, options, io) => {
  if (!options.yes) {
    throw new VaultError(
      'invalid_input',
      'erase destroys the vault for good: nothing, not even the recovery code, opens it afterwards. Run it again with --yes to go ahead.',
    );
  }
  Vault.erase(options.vault);
  io.out(`The vault in ${options.vault} is erased. Nothing can open it any more.\n`);
};
