import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Integration tests run the compiled CLI and child processes from dist/, so build it first:
 * a test must never pass against a stale build. `tsc -b` is incremental and quick when fresh.
 */
export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
    cwd: root,
    stdio: 'inherit',
  });
}
