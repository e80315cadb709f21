import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const cliPath = path.resolve(__dirname, '../../dist/main/cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a person would, as its own process. */
export function casebook(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; input?: string } = {},
): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    // A prompt that found a terminal would wait forever; a test must fail instead.
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
