import { openSync } from 'node:fs';
import tty from 'node:tty';
import { VaultError } from '../../db';

/**
 * Asks for a secret on the terminal without echoing it. It reads the terminal itself, not
 * standard input, so `put < record.json` can still prompt for the passphrase.
 */
export async function promptSecret(question: string): Promise<string> {
  const terminal = openTerminal();
  if (!terminal) {
    throw new VaultError(
      'invalid_input',
      'No passphrase given: set CASEBOOK_PASSPHRASE, or run the command in a terminal to be asked for it.',
    );
  }
  const { input, output, close } = terminal;
  output.write(question);
  input.setRawMode(true);
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      input.on('data', (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return resolve(typed);
          if (ch === '\u0003' || ch === '\u0004') {
            return reject(new VaultError('invalid_input', 'Cancelled. Nothing was changed.'));
          }
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (ch >= ' ') typed += ch;
        }
      });
    });
  } finally {
    input.setRawMode(false);
    output.write('\n');
    close();
  }
}

function openTerminal():
  { input: tty.ReadStream; output: NodeJS.WritableStream; close: () => void } | undefined {
  if (process.platform !== 'win32') {
    try {
      const fd = openSync('/dev/tty', 'r+');
      const input = new tty.ReadStream(fd);
      const output = new tty.WriteStream(fd);
      return { input, output, close: () => input.destroy() };
    } catch {
      return undefined;
    }
  }
  if (process.stdin.isTTY) {
    return { input: process.stdin, output: process.stderr, close: () => process.stdin.pause() };
  }
  return undefined;
}
