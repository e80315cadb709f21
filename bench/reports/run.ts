/**
 * `npx tsc -b && node dist/bench/reports/run.js [--json] [--prisoners N]`: what redaction, the
 * leak check and metadata scrubbing cost on top of printing. Each report is measured against a
 * plain page.pdf() of the same HTML in the same browser in the same run: the baseline is
 * setContent + page.pdf of equal HTML, fonts included.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  checkPdfForLeaks,
  chromiumArgs,
  findChromium,
  launchChromiumPdfPrinter,
  pdfOptions,
  renderReport,
  reportHtml,
} from '../../db/reports';
import { prepareReport, type PreparedReport, type ReportRequest } from '../../shared/reports';
import { measurement, table, type Measurement } from '../report';
import { reviewCorpus } from './corpus';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      prisoners: { type: 'string', default: '2300' },
      runs: { type: 'string', default: '3' },
    },
  });
  const say = (line: string) => {
    if (!values.json) process.stderr.write(`${line}\n`);
  };
  const runs = Number(values.runs);
  const records = reviewCorpus(Number(values.prisoners));
  const today = '2024-06-01';
  const rows: Measurement[] = [];

  const executablePath = findChromium();
  let printer!: Awaited<ReturnType<typeof launchChromiumPdfPrinter>>;
  const launch = await time(
    async () => (printer = await launchChromiumPdfPrinter({ executablePath })),
  );
  const plainBrowser = await chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
  });

  /** The baseline: the same HTML, set and printed, nothing else. */
  const plainPdf = async (html: string) => {
    const context = await plainBrowser.newContext();
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf(pdfOptions);
    await context.close();
    return pdf;
  };

  const measure = async (label: string, request: ReportRequest, goalMs?: number) => {
    say(`measuring ${label}...`);
    const warm = prepareReport(request, { records, today });
    const html = reportHtml(warm);
    await plainPdf(html);
    await renderReport(warm, 'pdf', { printer });
    const plain: number[] = [];
    const full: number[] = [];
    const prepare: number[] = [];
    const check: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      plain.push(await time(() => plainPdf(html)));
      full.push(
        await time(async () => {
          let prepared!: PreparedReport;
          prepare.push(await time(() => (prepared = prepareReport(request, { records, today }))));
          const rendered = await renderReport(prepared, 'pdf', { printer });
          if (!rendered.ok)
            throw new Error(`the benchmark's report leaks: ${rendered.leaks.length} findings`);
          pages = rendered.pages ?? 0;
          check.push(await time(() => checkPdfForLeaks(rendered.bytes, prepared.needles)));
        }),
      );
      full[full.length - 1]! -= check[check.length - 1]!;
    }
    const fullMs = median(full);
    const plainMs = median(plain);
    rows.push(
      measurement(
        `${label}: redact + print + scrub + leak check (${pages} pages)`,
        fullMs,
        plainMs,
        {
          goal: '≤ 1.3x plain',
          met: fullMs <= 1.3 * plainMs,
          note: 'plain setContent + page.pdf of the same HTML',
        },
      ),
      measurement(`${label}: of which prepare (redact + build)`, median(prepare), null, {
        note: `${Math.round(html.length / 1024)} KiB of HTML`,
      }),
      measurement(`${label}: of which leak check of the PDF`, median(check), plainMs, {
        note: 'pdfjs text of every page + raw streams, against the plain print',
      }),
    );
    if (goalMs !== undefined) {
      rows.push(
        measurement(`${label}: total with browser launch`, fullMs + launch, null, {
          goal: `< ${goalMs / 1000} s`,
          met: fullMs + launch < goalMs,
        }),
      );
    }
  };

  await measure(
    'review',
    {
      kind: 'review',
      profile: 'public',
      lang: 'be',
      asOf: '2024-06-01',
      from: '2024-05-01',
      to: '2024-06-01',
    },
    5000,
  );
  await measure('case report', { kind: 'case', profile: 'un', lang: 'be', id: 'case-0' });
  rows.push(measurement('browser launch', launch, null));
  await printer.close();
  await plainBrowser.close();
  if (values.json) for (const row of rows) process.stdout.write(JSON.stringify(row) + '\n');
  else process.stdout.write(table(rows) + '\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
