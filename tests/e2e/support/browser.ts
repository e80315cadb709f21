import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../db/reports/chromium';

/**
 * The Chromium the e2e tests drive, found as the CLI finds the one it prints with:
 * $CASEBOOK_CHROMIUM, the system's (Debian's on CI), else playwright-core's own copy,
 * downloaded the first time, so `npm test` finds or fetches a browser by itself.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
}
