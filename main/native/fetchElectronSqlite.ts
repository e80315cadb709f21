// Puts an Electron-ABI build of better-sqlite3 in .native/electron-<version>/ for `npm start`.
//
// NOT TESTED on the machines this project is built on: they reach only the npm registry,
// and this script needs github.com (better-sqlite3's prebuilt binaries) or, for the
// fallback build, electronjs.org (Electron's headers). Run it on a connected machine.
//
// It works on a temporary copy of node_modules/better-sqlite3 because both prebuild-install
// and node-gyp write to ./build/Release: run in place, they would replace the Node-ABI
// binary that the tests and the CLI load. On failure it prints one line and exits 1;
// the tools' own output goes to .native/fetch-electron-sqlite.log.
//
// A build that succeeds is not trusted by its exit code: an npmrc `nodedir` (set on some
// machines) makes node-gyp compile against the local Node headers, which yields a Node-ABI
// binary under the Electron name. So npm's build settings are kept out of the tools'
// environment, and the result is checked to be refused by Node for Electron's ABI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BINARY_NAME, electronSqliteBinaryPath, NATIVE_DIR } from './electronSqlite.js';

// dist/main/native/fetchElectronSqlite.js -> project root
const projectRoot = path.resolve(__dirname, '..', '..', '..');
const logPath = path.join(projectRoot, NATIVE_DIR, 'fetch-electron-sqlite.log');

function packageDir(name: string, from: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
}

function readVersion(packageRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  if (typeof manifest.version !== 'string') throw new Error(`no version in ${packageRoot}`);
  return manifest.version;
}

/** Runs a Node script, appends its output to the log, and says whether it succeeded. */
function runNode(script: string, args: string[], cwd: string): boolean {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env: toolEnvironment(),
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  fs.appendFileSync(
    logPath,
    `$ node ${path.basename(script)} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}` +
      `${result.error ? `${String(result.error)}\n` : ''}exit ${String(result.status)}\n\n`,
  );
  return result.status === 0;
}

// npm passes its config to scripts as npm_config_* variables; these would override the
// Electron target given on the command line (nodedir: local Node headers instead of Electron's).
const BUILD_SETTINGS =
  /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source|platform|libc)$/i;

function toolEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !BUILD_SETTINGS.test(name)),
  );
}

/**
 * Whether `binary` was built for Electron's ABI. Node refuses to load it, naming the ABI it
 * was compiled for; a binary that Node loads is a Node build, whatever the tools said.
 */
function isBuiltFor(binary: string, abi: string): boolean {
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', binary],
    { encoding: 'utf8', env: toolEnvironment() },
  );
  fs.appendFileSync(logPath, `ABI check of ${binary}:\n${probe.stderr ?? ''}\n`);
  return probe.status !== 0 && (probe.stderr ?? '').includes(`NODE_MODULE_VERSION ${abi}.`);
}

function nodeGypScript(): string | undefined {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js', { paths: [projectRoot] });
  } catch {
    // npm ships its own node-gyp and names it in the environment of `npm run`.
    return process.env.npm_config_node_gyp;
  }
}

function main(): number {
  const electronDir = packageDir('electron', projectRoot);
  const electronVersion = readVersion(electronDir);
  // The electron package ships the ABI number of its binary, even without the binary.
  const electronAbi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  const target = electronSqliteBinaryPath(projectRoot, electronVersion);
  if (fs.existsSync(target)) return 0;

  const platform = `${process.platform}-${process.arch}`;
  const sqliteSource = packageDir('better-sqlite3', projectRoot);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-sqlite-'));
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  fs.writeFileSync(logPath, `better-sqlite3 for Electron ${electronVersion} (${platform})\n\n`);

  try {
    const copy = path.join(work, 'better-sqlite3');
    const sourceBuild = path.join(sqliteSource, 'build');
    // The Node-ABI build is left behind so that only a fresh Electron build can be copied out.
    fs.cpSync(sqliteSource, copy, {
      recursive: true,
      filter: (source) => source !== sourceBuild && !source.startsWith(sourceBuild + path.sep),
    });

    const prebuildInstall = require.resolve('prebuild-install/bin.js', { paths: [sqliteSource] });
    const fetched =
      runNode(
        prebuildInstall,
        ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch],
        copy,
      ) ||
      ((): boolean => {
        const nodeGyp = nodeGypScript();
        return (
          nodeGyp !== undefined &&
          runNode(
            nodeGyp,
            [
              'rebuild',
              '--release',
              `--target=${electronVersion}`,
              `--arch=${process.arch}`,
              '--dist-url=https://electronjs.org/headers',
            ],
            copy,
          )
        );
      })();

    const built = path.join(copy, 'build', 'Release', BINARY_NAME);
    const details = path.relative(projectRoot, logPath);
    if (!fetched || !fs.existsSync(built)) {
      console.error(
        `fetchElectronSqlite: could not download or build better-sqlite3 for Electron ${electronVersion} (${platform}); ` +
          `it needs github.com or electronjs.org and a C++ toolchain (details: ${details}).`,
      );
      return 1;
    }
    if (!isBuiltFor(built, electronAbi)) {
      console.error(
        `fetchElectronSqlite: the better-sqlite3 build is not for Electron's ABI ${electronAbi}; nothing installed (details: ${details}).`,
      );
      return 1;
    }

    // Copy then rename, so an interrupted copy never looks like an installed binary.
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    console.log(`fetchElectronSqlite: installed ${path.relative(projectRoot, target)}`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`fetchElectronSqlite: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
