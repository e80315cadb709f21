import path from 'node:path';

// better-sqlite3 is a native module built for one ABI. node_modules/better-sqlite3 keeps
// the Node build (tests, the CLI); the app loads an Electron build from its own folder,
// passed to better-sqlite3 through its `nativeBinding` option, so neither build ever
// overwrites the other and one checkout serves both.

export const NATIVE_DIR = '.native';
export const BINARY_NAME = 'better_sqlite3.node';

// The version becomes a folder name: refuse anything that is not a plain semver.
const ELECTRON_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;

/** `.native/electron-<version>/better_sqlite3.node`, relative to the app root. */
export function electronSqliteRelativePath(electronVersion: string): string {
  if (!ELECTRON_VERSION.test(electronVersion)) {
    throw new Error(`Not an Electron version: ${JSON.stringify(electronVersion)}`);
  }
  return path.join(NATIVE_DIR, `electron-${electronVersion}`, BINARY_NAME);
}

/**
 * Absolute path of the Electron-ABI better-sqlite3 binary.
 *
 * `appRoot` is the project folder in development, `app.getAppPath()` in the app. A
 * packaged app's root is `…/resources/app.asar`; the operating system cannot load a
 * shared library out of an archive, so electron-builder unpacks `.native/**` into
 * `app.asar.unpacked` and the path points there.
 */
export function electronSqliteBinaryPath(appRoot: string, electronVersion: string): string {
  const root = path.extname(appRoot) === '.asar' ? `${appRoot}.unpacked` : appRoot;
  return path.join(root, electronSqliteRelativePath(electronVersion));
}
