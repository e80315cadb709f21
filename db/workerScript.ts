import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root, from this file (db/workerScript.ts or dist/db/workerScript.js). */
const root = path.resolve(__dirname, __filename.endsWith('.ts') ? '..' : '../..');

/**
 * The compiled script of a worker thread that a module of db/ starts, beside that module
 * (`moduleFile` is its __filename). A thread runs JavaScript only: when the module itself is
 * the TypeScript source (under the tests), the script is the same file in dist/.
 */
export function workerScript(moduleFile: string, script: string): string {
  const beside = path.join(path.dirname(moduleFile), script);
  if (existsSync(beside) || !moduleFile.endsWith('.ts')) return beside;
  return path.join(root, 'dist', path.relative(root, path.dirname(moduleFile)), script);
}
