/**
 * `npx tsc -b && node dist/bench/ui/run.js [--json] [--sizes 100000] [--runs 3]`: the Cases
 * list of a real vault in Chromium (bench/ui/suite.ts), against a plain list of the same rows
 * and against the vault calls alone.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';

import { table } from '../report';
import { measureUi } from './suite';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write(
      '--sizes takes whole numbers of cases from 100 up (e.g. 1000,100000), --runs a whole number from 1\n',
    );
    process.exitCode = 2;
    return;
  }
  const say = (line: string) => {
    if (!values.json) process.stderr.write(line + '\n');
  };
  say(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const rows = await measureUi({ sizes, runs, say });
  if (values.json) for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
  else process.stdout.write(table(rows) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ui benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
