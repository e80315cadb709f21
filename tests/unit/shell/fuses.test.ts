import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { electronFuses } from '../../../main/shell/fuses.js';
import { repoPath } from './paths.js';

/** The `electronFuses:` block of electron-builder.yml, read without a YAML library. */
function builderFuses(): Record<string, boolean> {
  const lines = readFileSync(repoPath('electron-builder.yml'), 'utf8').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start).toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (true|false)\s*$/.exec(line);
    if (!match) break;
    fuses[match[1] as string] = match[2] === 'true';
  }
  return fuses;
}

describe('electron fuses', () => {
  it('turn off the ways to run other code with the app binary', () => {
    expect(electronFuses.runAsNode).toBe(false);
    expect(electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(electronFuses.enableNodeCliInspectArguments).toBe(false);
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('turn on cookie encryption and ASAR integrity', () => {
    expect(electronFuses.enableCookieEncryption).toBe(true);
    expect(electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(electronFuses.onlyLoadAppFromAsar).toBe(true);
  });

  it('are the ones electron-builder.yml applies', () => {
    expect(builderFuses()).toEqual(electronFuses);
  });
});
