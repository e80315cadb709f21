#!/usr/bin/env node
import { runCli } from './cli/run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void runCli(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), readStdin },
  (text) => process.stderr.write(text),
).then((code) => {
  process.exitCode = code;
});
