import type { Browser, Page } from 'playwright-core';

import type { ListedCase } from './cases';

/**
 * The baseline: the same case titles in a plain virtualised list, in one static page with the
 * rows in it: no vault, no IPC, no React, a dozen lines of DOM code. It has the controls of
 * the Cases screen under the same labels and roles, filters the same way (type, a date range
 * of whole or part dates, words by substring), so the same probe times the same actions on it.
 */

export const plainOrigin = 'https://plain-list.test';

export interface PlainListLabels {
  readonly list: string;
  readonly search: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

const rowHeight = 44;

// Runs in the page. Plain script in a string: this is the page under test, not bench code.
const pageScript = `
const data = JSON.parse(document.getElementById('rows').textContent);
const count = data.titles.length;
const list = document.getElementById('list');
const canvas = document.getElementById('canvas');
const controls = ['query', 'type', 'from', 'to'].map((id) => document.getElementById(id));
const [query, type, from, to] = controls;
const dayPattern = /^\\d{4}(-\\d{2}(-\\d{2})?)?$/;
const firstDay = (v) => (v.length === 4 ? v + '-01-01' : v.length === 7 ? v + '-01' : v);
const lastDay = (v) => (v.length === 4 ? v + '-12-31' : v.length === 7 ? v + '-31' : v);
let shown = null;
function render() {
  const total = shown ? shown.length : count;
  canvas.style.blockSize = total * ${rowHeight} + 'px';
  const start = Math.max(0, Math.floor(list.scrollTop / ${rowHeight}) - 10);
  const end = Math.min(total, Math.ceil((list.scrollTop + list.clientHeight) / ${rowHeight}) + 10);
  const rows = [];
  for (let k = start; k < end; k++) {
    const row = document.createElement('div');
    row.className = 'row';
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', 'false');
    row.setAttribute('aria-posinset', String(k + 1));
    row.setAttribute('aria-setsize', String(total));
    row.style.transform = 'translateY(' + k * ${rowHeight} + 'px)';
    row.textContent = data.titles[shown ? shown[k] : k];
    rows.push(row);
  }
  canvas.replaceChildren(...rows);
}
function filter() {
  const words = query.value.trim().toLowerCase();
  const kind = type.value;
  const f = dayPattern.test(from.value.trim()) ? firstDay(from.value.trim()) : null;
  const t = dayPattern.test(to.value.trim()) ? lastDay(to.value.trim()) : null;
  if (!words && !kind && !f && !t) shown = null;
  else {
    shown = [];
    for (let i = 0; i < count; i++) {
      if (kind && data.types[i] !== kind) continue;
      if (f || t) {
        if (data.earliest[i] === null) continue;
        if (t && data.earliest[i] > t) continue;
        if (f && data.latest[i] < f) continue;
      }
      if (words && !data.titles[i].toLowerCase().includes(words)) continue;
      shown.push(i);
    }
  }
  list.scrollTop = 0;
  render();
}
list.addEventListener('scroll', render, { passive: true });
list.addEventListener('keydown', (event) => {
  if (event.key === 'End') list.scrollTop = list.scrollHeight;
  else if (event.key === 'Home') list.scrollTop = 0;
  else return;
  event.preventDefault();
});
for (const control of controls) control.addEventListener('input', filter);
render();
requestAnimationFrame(() =>
  setTimeout(() => {
    // From the page's last byte, so that the harness's delivery of it is not counted.
    const received = performance.getEntriesByType('navigation')[0].responseEnd;
    window.firstRowsShown = performance.now() - received;
  }, 0),
);
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page, with every row's title, type and date bounds in it as JSON. */
export function plainListPage(
  cases: readonly ListedCase[],
  labels: PlainListLabels,
  listHeight: number,
): string {
  const data = {
    titles: cases.map((c) => c.title),
    types: cases.map((c) => c.caseType),
    earliest: cases.map((c) => c.earliest),
    latest: cases.map((c) => c.latest),
  };
  const types = [...new Set(data.types)].sort();
  const field = (id: string, label: string, control: string) =>
    `<label for="${id}">${escapeHtml(label)}</label>${control}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain list</title>
<style>
body { font-family: sans-serif; margin: 1rem; }
#list { block-size: ${listHeight}px; overflow-y: auto; position: relative; outline: none; }
#canvas { position: relative; }
.row { position: absolute; inset-inline: 0; inset-block-start: 0; block-size: ${rowHeight}px;
  line-height: ${rowHeight}px; padding-inline: 0.75rem; border-block-end: 1px solid #ddd; }
</style></head><body>
${field('query', labels.search, '<input id="query" type="search">')}
${field('type', labels.type, `<select id="type"><option value=""></option>${types.map((t) => `<option value="${escapeHtml(t)}">${escapeHtml(t)}</option>`).join('')}</select>`)}
${field('from', labels.from, '<input id="from" type="text">')}
${field('to', labels.to, '<input id="to" type="text">')}
<div id="list" role="listbox" tabindex="0" aria-label="${escapeHtml(labels.list)}"><div id="canvas"></div></div>
<script type="application/json" id="rows">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script>${pageScript}</script>
</body></html>`;
}

/**
 * Opens the plain list in a new context of `browser`, served from memory like the app is, and
 * returns the page and the time from its last byte received to its first rows painted.
 */
export async function openPlainList(
  browser: Browser,
  html: string,
): Promise<{ page: Page; firstRows: number; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  await context.route('**/*', (route) =>
    route.request().url() === `${plainOrigin}/`
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  await page.goto(`${plainOrigin}/`);
  const firstRows = await page
    .waitForFunction(() => (globalThis as unknown as { firstRowsShown?: number }).firstRowsShown)
    .then((handle) => handle.jsonValue() as Promise<number>);
  return { page, firstRows, close: () => context.close() };
}
