import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { VERSION_ARGUMENT_PREFIX } from '../../../main/shell/webPreferences.js';
import { repoPath } from './paths.js';

// A sandboxed preload is one file that can require only `electron` (and a few Node
// built-ins): a relative import would fail at runtime, in the app only.
const source = readFileSync(repoPath('main/preload.ts'), 'utf8');

describe('main/preload.ts', () => {
  it('imports nothing but electron', () => {
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map(
      (match) => match[1],
    );
    expect(specifiers).toEqual(['electron']);
  });

  it('reads the version argument that windowWebPreferences passes', () => {
    expect(source).toContain(`'${VERSION_ARGUMENT_PREFIX}'`);
  });

  it('exposes only the version for now', () => {
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(source).not.toMatch(/ipcRenderer/);
  });
});
