#!/usr/bin/env node
import { runCli } from './cli/run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `casebook export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    // Progress only when a person is watching the terminal, never into a redirected log.
    note: (text) => {
      if (process.stderr.isTTY || !text.startsWith('\r')) process.stderr.write(text);
    },
    readStdin,
  },
  (text) => process.stderr.write(text),
).then((code) => {
  process.exitCode = code;
});
