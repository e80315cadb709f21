import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The Vite bundles the app ships (the renderer and the preload), built the way `npm run build`
 * builds them. The global setup runs only `tsc -b`; tests that load a bundle call
 * `ensureBundle` first. A bundle is rebuilt when any of its inputs changed since it was last
 * built (a hash of their contents, not their dates), so it is built once per change, however
 * many test files ask, and never served stale. Test files run in parallel processes, so the
 * build holds a lock folder.
 */

const root = path.resolve(__dirname, '../..');
// Stamps and locks live with other build caches, not in dist/, which is packaged.
const cacheDir = path.join(root, 'node_modules', '.cache', 'casebook-bundles');

const bundles = {
  preload: {
    config: 'renderer/vite.preload.config.mts',
    output: 'dist/preload/preload.js',
    inputs: ['main/preload.ts', 'shared', 'renderer/vite.preload.config.mts'],
  },
  renderer: {
    config: 'renderer/vite.config.mts',
    output: 'dist/renderer/index.html',
    inputs: ['renderer/index.html', 'renderer/src', 'renderer/vite.config.mts', 'shared'],
  },
} as const;

export type BundleName = keyof typeof bundles;

function filesUnder(relative: string): string[] {
  const absolute = path.join(root, relative);
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute, { recursive: true, withFileTypes: false })
    .map((name) => path.join(relative, String(name)))
    .filter((file) => statSync(path.join(root, file)).isFile())
    .sort();
}

function inputsDigest(name: BundleName): string {
  const hash = createHash('sha256');
  // The lock file stands for node_modules: a dependency update changes the bundle too.
  for (const file of [...bundles[name].inputs.flatMap(filesUnder), 'package-lock.json']) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(name: string, work: () => T): T {
  const lock = path.join(cacheDir, `${name}.lock`);
  mkdirSync(cacheDir, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true });
      } catch {
        // Released meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the bundle if its inputs changed; returns the absolute path of its main output. */
export function ensureBundle(name: BundleName): string {
  const bundle = bundles[name];
  const output = path.join(root, bundle.output);
  const stamp = path.join(cacheDir, `${name}.sha256`);
  const isFresh = (digest: string) =>
    existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest;
  if (isFresh(inputsDigest(name))) return output;
  return withLock(name, () => {
    const digest = inputsDigest(name);
    if (isFresh(digest)) return output;
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', bundle.config],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    writeFileSync(stamp, digest);
    return output;
  });
}

export const repoRoot = root;
