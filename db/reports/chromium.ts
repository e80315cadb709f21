import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Where Debian and others put Chromium; checked in this order after $CASEBOOK_CHROMIUM. */
export const systemChromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** What Chromium runs with for printing: no network of its own, no sandbox it cannot have. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium that prints reports outside the app (the CLI, tests, benchmarks):
 * $CASEBOOK_CHROMIUM if set, else the system's, else playwright-core's own copy, installed
 * with playwright-core's installer the first time (that needs the internet once). The e2e
 * harness launches this one too (tests/e2e/support/browser.ts).
 */
export function findChromium(options: { install?: boolean } = {}): string {
  const chosen = process.env.CASEBOOK_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CASEBOOK_CHROMIUM=${chosen}: no such file`);
    return chosen;
  }
  for (const candidate of systemChromiumPaths) if (existsSync(candidate)) return candidate;
  const own = chromium.executablePath();
  if (existsSync(own)) return own;
  if (options.install === false)
    throw new Error('No Chromium found: install one, or set CASEBOOK_CHROMIUM.');
  process.stderr.write(
    "No Chromium found: installing playwright-core's own copy (needs the internet once).\n",
  );
  const cli = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js');
  execFileSync(process.execPath, [cli, 'install', '--no-shell', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(own)) throw new Error(`playwright-core installed no browser at ${own}`);
  return own;
}
