import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  electronSqliteBinaryPath,
  electronSqliteRelativePath,
} from '../../../main/native/electronSqlite.js';

describe('electronSqlite paths', () => {
  it('keeps the Electron build in .native/electron-<version>/', () => {
    expect(electronSqliteRelativePath('45.5.0')).toBe(
      path.join('.native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
  });

  it('is relative to the project folder in development', () => {
    expect(electronSqliteBinaryPath('/src/casebook', '45.5.0')).toBe(
      path.join('/src/casebook', '.native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
  });

  it('points into app.asar.unpacked in a packaged app', () => {
    const asar = path.join('/opt/Casebook/resources', 'app.asar');
    expect(electronSqliteBinaryPath(asar, '45.5.0-beta.1')).toBe(
      path.join(
        '/opt/Casebook/resources',
        'app.asar.unpacked',
        '.native',
        'electron-45.5.0-beta.1',
        'better_sqlite3.node',
      ),
    );
  });

  it.each(['', '45', '../45.5.0', '45.5.0/../../x', '45.5.0\\x'])(
    'refuses the version %j',
    (version) => {
      expect(() => electronSqliteRelativePath(version)).toThrow(/Not an Electron version/);
    },
  );
});
