import { VaultError } from '../../db';
import { promptSecret } from './secretPrompt';

/** The passphrase (or recovery code) that opens the vault: from the environment or asked for. */
export async function currentSecret(): Promise<string> {
  return process.env.CASEBOOK_PASSPHRASE ?? (await promptSecret('Passphrase or recovery code: '));
}

/** A new passphrase, typed twice when asked for so a typo cannot lock a person out. */
export async function newPassphrase(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined) return fromEnv;
  const first = await promptSecret(question);
  const second = await promptSecret('Type it again: ');
  if (first !== second) {
    throw new VaultError(
      'invalid_input',
      'The two passphrases differ. Nothing was changed. Try again.',
    );
  }
  return first;
}
