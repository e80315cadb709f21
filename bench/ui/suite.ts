import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { Vault, defaultArgon2idCost, type Argon2idCost } from '../../db';
import { seedDefaultVocabularies } from '../../db/caseRecords';
import { VaultSearch } from '../../db/search';
import { earliestDay, latestDay } from '../../shared/dates';
import { catalogs } from '../../shared/i18n';
import type { ChannelName } from '../../shared/ipc/contract';
import { RecordFacetIndex } from '../../main/vaultHost/recordFacets';
import { parseRecord } from '../../shared/model';
import { launchChromium, openAppInChromium, openAppRouter, repoRoot } from '../appInChromium';
import { measurement, type Measurement } from '../report';
import { listedCases, type ListedCase } from './cases';
import { openPlainList, plainListPage, type PlainListLabels } from './plainList';
import { listboxHeight, scrollFrameTimes, timeUntilShown, type Shown } from './probe';

/**
 * The Cases screen over a vault of N cases, in Chromium, timed as a person meets it: unlock,
 * open Cases and see the first rows, scroll, jump to the end, search as you type, filter by
 * type and by a date range. Each figure has two baselines measured in the same run: a plain
 * virtualised list of the same rows in a static page (what the browser alone needs), and the
 * same vault call through the router without a page (what the vault alone needs), so the UI's
 * own share shows. Medians of `runs` rounds, each round one of each, interleaved.
 */

export interface UiSuiteOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  /** Argon2id cost of the vault made for the run; unlock is timed at this cost. */
  readonly kdfCost?: Argon2idCost;
  readonly say?: (line: string) => void;
}

const en = catalogs.en;
const passphrase = 'benchmark passphrase, not a secret';
const pageSize = 100;
const scrollFrames = 120;
/** The first filtered rows after unlock, in the page, on a quiet machine (issue 4). */
const firstFilterGoalMs = 1500;
/** A case type and a date range that each keep part of the list. */
const filterType = 'detention';
const range = { from: '2021', to: '2022-06' };

const labels: PlainListLabels = {
  list: en.cases.listLabel,
  search: en.cases.search,
  type: en.fields.type,
  from: en.cases.from,
  to: en.cases.to,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function label(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}

/** What each step should show, worked out from the cases themselves. */
interface Expected {
  readonly first: ListedCase;
  readonly last: ListedCase;
  readonly query: string;
  readonly ofType: readonly ListedCase[];
  readonly inRange: readonly ListedCase[];
  /** The plain list's substring matches of the query in the titles. */
  readonly titleMatches: readonly ListedCase[];
}

function expectations(cases: readonly ListedCase[]): Expected {
  const ofType = cases.filter((c) => c.caseType === filterType);
  const first = earliestDay({ date: range.from })!;
  const last = latestDay({ date: range.to })!;
  const inRange = ofType.filter(
    (c) => c.earliest !== null && c.latest !== null && c.earliest <= last && c.latest >= first,
  );
  if (inRange.length === 0) {
    throw new Error(`${cases.length} cases leave no row for the filters: measure 100 or more`);
  }
  // A surname from the middle of the list: search finds it in titles, in any script.
  const query = cases[Math.floor(cases.length / 2)]!.title.split(' ').at(-1)!;
  const titleMatches = cases.filter((c) => c.title.toLowerCase().includes(query.toLowerCase()));
  return { first: cases[0]!, last: cases.at(-1)!, query, ofType, inRange, titleMatches };
}

/**
 * A vault of these cases, with the vocabularies, a search snapshot and the lists' facets saved,
 * as a used vault has them; and a copy of it as it was before its facets were first saved (a
 * vault from before they were kept, or whose saved facets were damaged), at `unsaved`.
 */
async function makeVault(
  folder: string,
  unsaved: string,
  cases: readonly ListedCase[],
  kdfCost: Argon2idCost,
) {
  for (const c of cases.slice(0, 200)) {
    const parsed = parseRecord('case', c.body);
    if (!parsed.ok) throw new Error(`bench case ${c.id} is not a valid case`);
  }
  const { vault } = await Vault.create(folder, passphrase, { kdfCost });
  try {
    seedDefaultVocabularies(vault);
    vault.batch(() => {
      for (const c of cases) vault.put('case', c.body, { id: c.id });
    });
    VaultSearch.open(vault).save();
  } finally {
    vault.lock();
  }
  cpSync(folder, unsaved, { recursive: true });
  const used = await Vault.unlock(folder, passphrase);
  try {
    const facets = new RecordFacetIndex();
    await facets.ready(used);
    facets.save(used);
  } finally {
    used.lock();
  }
}

/**
 * Unlock and the first filter on a vault whose facets were never saved: unlock builds them,
 * once per vault. Each round on a fresh copy, since the lock at its end saves them.
 */
async function unsavedFacetsRound(
  work: string,
  unsaved: string,
  expected: Expected,
): Promise<number> {
  const folder = path.join(work, 'vault-unsaved-facets');
  cpSync(unsaved, folder, { recursive: true });
  const app = openAppRouter({ workDir: work, vaultFolder: folder, lastVaultFolder: folder });
  try {
    const start = performance.now();
    const unlock = await app.router.handle('vault.unlock', {
      folder,
      secret: passphrase,
      taskId: randomUUID(),
    });
    const type = await app.router.handle('cases.list', {
      offset: 0,
      limit: pageSize,
      caseType: filterType,
    });
    const ms = performance.now() - start;
    if (!unlock.ok || !type.ok) throw new Error('the copy of the vault did not unlock and filter');
    if ((type.value as { total: number }).total !== expected.ofType.length) {
      throw new Error('the vault lists other cases than the benchmark made');
    }
    return ms;
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One timed step of the walk through the screen, from each side. */
interface Steps {
  unlock: number;
  firstRows: number;
  /** Cases opened again later in the session, when the vault has the list's ids at hand. */
  firstRowsAgain: number;
  /** Scrolling a screen a frame: the whole scroll, and its 95th percentile frame. */
  scroll: number;
  frameP95: number;
  end: number;
  search: number;
  type: number;
  dates: number;
}

/** The vault calls the screen makes, in its order, straight through the router. */
async function routerRound(
  work: string,
  folder: string,
  n: number,
  expected: Expected,
): Promise<{ steps: Omit<Steps, 'scroll' | 'frameP95'>; firstHit: string }> {
  const app = openAppRouter({ workDir: work, vaultFolder: folder, lastVaultFolder: folder });
  const call = async (channel: ChannelName, args: unknown) => {
    const start = performance.now();
    const reply = await app.router.handle(channel, args);
    const ms = performance.now() - start;
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return { ms, value: reply.value as Record<string, unknown> };
  };
  const total = (value: Record<string, unknown>) => value.total as number;
  try {
    // As a long task, as the unlock screen asks: the search index opens with the vault then.
    const unlock = await call('vault.unlock', { folder, secret: passphrase, taskId: randomUUID() });
    await call('records.list', { type: 'person', offset: 0, limit: pageSize });
    const firstRows = await call('cases.list', { offset: 0, limit: pageSize });
    const lastPage = Math.floor((n - 1) / pageSize) * pageSize;
    const end = await call('cases.list', { offset: lastPage, limit: pageSize });
    const search = await call('search.query', {
      query: expected.query,
      types: ['case'],
      limit: 50,
    });
    const type = await call('cases.list', { offset: 0, limit: pageSize, caseType: filterType });
    const from = await call('cases.list', {
      offset: 0,
      limit: pageSize,
      caseType: filterType,
      from: range.from,
    });
    const dates = await call('cases.list', {
      offset: 0,
      limit: pageSize,
      caseType: filterType,
      ...range,
    });
    await call('records.list', { type: 'person', offset: 0, limit: pageSize });
    const firstRowsAgain = await call('cases.list', { offset: 0, limit: pageSize });
    if (
      total(firstRows.value) !== n ||
      total(type.value) !== expected.ofType.length ||
      total(dates.value) !== expected.inRange.length
    ) {
      throw new Error('the vault lists other cases than the benchmark made');
    }
    const hits = search.value.hits as { label: string }[];
    if (hits.length === 0) throw new Error(`search found nothing for ${expected.query}`);
    if (app.errors.length > 0) throw new Error(app.errors.join('\n'));
    return {
      steps: {
        unlock: unlock.ms,
        firstRows: firstRows.ms,
        firstRowsAgain: firstRowsAgain.ms,
        end: end.ms,
        search: search.ms,
        type: type.ms,
        // The screen asks twice as the range is typed: with its start, then with both ends.
        dates: from.ms + dates.ms,
      },
      firstHit: hits[0]!.label,
    };
  } finally {
    await app.close();
  }
}

const row = (shown: Omit<Extract<Shown, { listbox: string }>, 'listbox'>, listbox = labels.list) =>
  ({ listbox, ...shown }) satisfies Shown;

/** The steps the Cases screen and the plain list share, timed the same way on each. */
async function walkTheList(
  page: Page,
  n: number,
  expected: Expected,
  search: { results: string; first: string; setSize?: number },
): Promise<Omit<Steps, 'unlock' | 'firstRows' | 'firstRowsAgain'>> {
  const list = page.getByRole('listbox', { name: labels.list, exact: true });
  const frameTimes = await scrollFrameTimes(page, labels.list, scrollFrames);
  await list.focus();
  // Back to the top, so that End has somewhere to go.
  await timeUntilShown(page, row({ position: 1, text: expected.first.title }), () =>
    page.keyboard.press('Home'),
  );
  const end = await timeUntilShown(
    page,
    row({ position: n, setSize: n, text: expected.last.title }),
    () => page.keyboard.press('End'),
  );
  const searchbox = page.getByLabel(labels.search, { exact: true });
  const found = await timeUntilShown(
    page,
    row(
      {
        position: 1,
        text: search.first,
        ...(search.setSize === undefined ? {} : { setSize: search.setSize }),
      },
      search.results,
    ),
    () => searchbox.fill(expected.query),
  );
  await timeUntilShown(page, row({ position: 1, setSize: n, text: expected.first.title }), () =>
    searchbox.fill(''),
  );
  const type = await timeUntilShown(
    page,
    row({
      position: 1,
      setSize: expected.ofType.length,
      text: expected.ofType[0]!.title,
    }),
    () =>
      page
        .getByLabel(labels.type, { exact: true })
        .selectOption(filterType)
        .then(() => {}),
  );
  const dates = await timeUntilShown(
    page,
    row({
      position: 1,
      setSize: expected.inRange.length,
      text: expected.inRange[0]!.title,
    }),
    async () => {
      await page.getByLabel(labels.from, { exact: true }).fill(range.from);
      await page.getByLabel(labels.to, { exact: true }).fill(range.to);
    },
  );
  return {
    scroll: frameTimes.reduce((sum, ms) => sum + ms, 0),
    frameP95: percentile(frameTimes, 95),
    end,
    search: found,
    type,
    dates,
  };
}

/** The app: unlock, Cases, and the walk through the list. */
async function appRound(
  browser: Browser,
  rendererRoot: string,
  work: string,
  folder: string,
  n: number,
  expected: Expected,
  firstHit: string,
): Promise<{ steps: Steps; listHeight: number }> {
  const app = await openAppInChromium(browser, {
    rendererRoot,
    workDir: work,
    vaultFolder: folder,
    lastVaultFolder: folder,
  });
  try {
    const { page } = app;
    const secret = page.getByLabel(en.unlock.secretLabel, { exact: true });
    await secret.fill(passphrase);
    const unlock = await timeUntilShown(page, { heading: en.people.title }, () =>
      secret.press('Enter'),
    );
    const firstRows = await timeUntilShown(
      page,
      row({ position: 1, setSize: n, text: expected.first.title }),
      () => page.keyboard.press('Alt+2'),
    );
    const listHeight = await listboxHeight(page, labels.list);
    const walk = await walkTheList(page, n, expected, {
      results: en.search.results,
      first: firstHit,
    });
    // To People and back: Cases opens afresh, its filters empty.
    await timeUntilShown(page, { heading: en.people.title }, () => page.keyboard.press('Alt+1'));
    const firstRowsAgain = await timeUntilShown(
      page,
      row({ position: 1, setSize: n, text: expected.first.title }),
      () => page.keyboard.press('Alt+2'),
    );
    const trouble = [...app.errors, ...app.refused, ...app.dialogs];
    if (trouble.length > 0) throw new Error(`the app went wrong: ${trouble.join('\n')}`);
    return { steps: { unlock, firstRows, firstRowsAgain, ...walk }, listHeight };
  } finally {
    await app.close();
  }
}

/** The plain list: loaded with the page, then the same walk. */
async function plainRound(
  browser: Browser,
  html: string,
  n: number,
  expected: Expected,
): Promise<Omit<Steps, 'unlock'>> {
  const plain = await openPlainList(browser, html);
  try {
    const walk = await walkTheList(plain.page, n, expected, {
      results: labels.list,
      first: expected.titleMatches[0]!.title,
      setSize: expected.titleMatches.length,
    });
    // The static page has no second visit: its one load is the baseline for both.
    return { firstRows: plain.firstRows, firstRowsAgain: plain.firstRows, ...walk };
  } finally {
    await plain.close();
  }
}

/** The renderer as `npm run build` builds it, into the run's own folder. */
async function buildRenderer(outDir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(repoRoot, 'renderer/vite.config.mts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

async function measureSize(
  browser: Browser,
  rendererRoot: string,
  work: string,
  n: number,
  options: UiSuiteOptions,
): Promise<Measurement[]> {
  const say = options.say ?? (() => {});
  const size = label(n);
  say(`making a vault of ${size} cases...`);
  const cases = listedCases(n);
  const expected = expectations(cases);
  const folder = path.join(work, `vault-${size}`);
  const unsaved = path.join(work, `vault-${size}-unsaved-facets`);
  await makeVault(folder, unsaved, cases, options.kdfCost ?? defaultArgon2idCost);

  const router: Omit<Steps, 'scroll' | 'frameP95'>[] = [];
  const app: Steps[] = [];
  const plain: Omit<Steps, 'unlock'>[] = [];
  const firstSession: number[] = [];
  let listHeight = 0;
  for (let round = 1; round <= options.runs; round++) {
    say(`${size}: round ${round} of ${options.runs}...`);
    const roundDir = path.join(work, `round-${size}-${round}`);
    mkdirSync(roundDir);
    const direct = await routerRound(roundDir, folder, n, expected);
    router.push(direct.steps);
    const inApp = await appRound(
      browser,
      rendererRoot,
      roundDir,
      folder,
      n,
      expected,
      direct.firstHit,
    );
    app.push(inApp.steps);
    listHeight = inApp.listHeight;
    plain.push(
      await plainRound(browser, plainListPage(cases, labels, inApp.listHeight), n, expected),
    );
    firstSession.push(await unsavedFacetsRound(roundDir, unsaved, expected));
  }
  const of = <T>(runs: readonly T[], step: keyof T) => median(runs.map((r) => r[step] as number));
  const pair = (
    what: string,
    step: Exclude<keyof Steps, 'unlock' | 'scroll' | 'frameP95'>,
    plainNote: string,
    routerNote: string,
    goalMs?: number,
  ): Measurement[] => {
    const value = of(app, step);
    const direct = of(router, step);
    // Per round, where both sides ran under the same load from the rest of the machine.
    const share = median(app.map((steps, i) => steps[step] - router[i]![step]));
    const goal = goalMs === undefined ? {} : { goal: `≤ ${goalMs} ms`, met: value <= goalMs };
    return [
      measurement(`${what} (${size} cases)`, value, of(plain, step), {
        note: plainNote,
        ...goal,
      }),
      measurement(`${what} (${size} cases): vs. the vault call`, value, direct, {
        note: `${routerNote}; the page's own share ${Math.round(share)} ms`,
      }),
    ];
  };
  return [
    measurement(
      `unlock: passphrase → vault screen (${size} cases)`,
      of(app, 'unlock'),
      of(router, 'unlock'),
      {
        // The machine may be shared: how busy it was belongs beside the times.
        note: `vault.unlock through the router; load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`,
      },
    ),
    ...pair(
      'Cases → first rows',
      'firstRows',
      'static page of the same rows, from its last byte to its first rows painted',
      'cases.list first page through the router, the first after unlock',
    ),
    ...pair(
      'Cases again → first rows',
      'firstRowsAgain',
      'the same static page as above',
      'cases.list first page through the router, later in the session',
    ),
    measurement(
      `scroll ${scrollFrames} screens, one a frame (${size} cases)`,
      of(app, 'scroll'),
      of(plain, 'scroll'),
      {
        note: `plain list as high as the app's (${listHeight} px); 60 frames a second is ${Math.round((scrollFrames * 1000) / 60)} ms`,
      },
    ),
    measurement(
      `scroll: 95th percentile frame (${size} cases)`,
      of(app, 'frameP95'),
      of(plain, 'frameP95'),
      { note: 'plain list; a frame is 16.7 ms at 60 a second' },
    ),
    ...pair('End → last row', 'end', 'plain list', 'cases.list last page through the router'),
    ...pair(
      `search "${expected.query}" → first hit`,
      'search',
      'plain list: substring of the titles; the app waits 150 ms for typing to pause',
      'search.query through the router',
    ),
    ...pair(
      `filter by case type → rows`,
      'type',
      'plain list, filtered in the page',
      'cases.list by type through the router, the first filter after unlock',
      firstFilterGoalMs,
    ),
    ...pair(
      `date range typed → rows`,
      'dates',
      'plain list, filtered in the page',
      'cases.list with the start, then both ends, through the router',
    ),
    measurement(
      `unlock + first filter, facets never saved (${size} cases)`,
      median(firstSession),
      median(router.map((steps) => steps.unlock + steps.type)),
      {
        note: 'once per vault: unlock builds the facets, lock saves them; baseline: the same through the router with them saved',
      },
    ),
  ];
}

/** Runs the suite: one Chromium, one renderer build, a vault per size. */
export async function measureUi(options: UiSuiteOptions): Promise<Measurement[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'casebook-ui-bench-'));
  let browser: Browser | undefined;
  try {
    options.say?.('building the renderer...');
    const rendererRoot = await buildRenderer(path.join(work, 'renderer'));
    browser = await launchChromium();
    const rows: Measurement[] = [];
    for (const n of options.sizes)
      rows.push(...(await measureSize(browser, rendererRoot, work, n, options)));
    return rows;
  } finally {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
