/**
 * The Chromium the e2e tests drive: bench/appInChromium's, found as the CLI finds the one it
 * prints with, so `npm test` finds or fetches a browser by itself.
 */
export { launchChromium } from '../../../bench/appInChromium';
