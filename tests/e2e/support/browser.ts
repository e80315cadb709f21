import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';

const require = createRequire(__filename);

/**
 * The Chromium the e2e tests drive: $CASEBOOK_CHROMIUM if set, else the system's (Debian's
 * chromium on CI), else Playwright's own copy, downloaded with playwright-core's installer the
 * first time, so `npm test` on a developer's machine finds or fetches a browser by itself.
 */
export function findChromium(): string {
  const chosen = process.env.CASEBOOK_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CASEBOOK_CHROMIUM=${chosen}: no such file`);
    return chosen;
  }
  for (const candidate of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  const own = chromium.executablePath();
  if (existsSync(own)) return own;
  console.warn(
    "No Chromium found: installing playwright-core's own copy (needs the internet once).",
  );
  const cli = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js');
  execFileSync(process.execPath, [cli, 'install', '--no-shell', 'chromium'], { stdio: 'inherit' });
  if (!existsSync(own)) throw new Error(`playwright-core installed no browser at ${own}`);
  return own;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
