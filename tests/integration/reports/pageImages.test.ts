import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumPdfPrinter, renderReport, type PdfPrinter } from '../../../db/reports';
import { prepareReport, reportKinds, type ReportRequest } from '../../../shared/reports';
import { repoRoot } from '../../support/appBundles';
import { canaryRecordsToday, canaryVault } from '../../unit/shared/reports/canaryRecords';
import { pdffonts } from './pdfTools';

/**
 * Page images of every kind of report, in English and Belarusian, kept under
 * test-results/reports/ for a person to look at: Cyrillic, Łacinka and Arabic shaped, Arabic
 * right to left, charts drawn. The test checks what a machine can: the pages exist, and the
 * only fonts in the PDF are the ones the app ships.
 */
const out = path.join(repoRoot, 'test-results', 'reports');
const { records } = canaryVault();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await launchChromiumPdfPrinter();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
});
afterAll(async () => {
  await printer?.close();
});

describe('page images of each report', () => {
  for (const lang of ['en', 'be'] as const) {
    it(`are made for every kind of report in ${lang}, set only in the app's fonts`, async () => {
      for (const kind of reportKinds) {
        const request: ReportRequest = {
          kind,
          profile: kind === 'wgad' ? 'un' : kind === 'person' ? 'lawyer' : 'public',
          lang,
          ...(kind === 'case'
            ? { id: 'case-1' }
            : kind === 'review'
              ? { asOf: '2024-05-01', from: '2021-01-01', to: '2024-05-01' }
              : { id: 'p-victim' }),
        };
        const rendered = await renderReport(
          prepareReport(request, { records, today: canaryRecordsToday }),
          'pdf',
          { printer },
        );
        if (!rendered.ok) throw new Error(JSON.stringify(rendered.leaks));
        const pdf = path.join(out, `${kind}-${lang}.pdf`);
        writeFileSync(pdf, rendered.bytes);
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(out, `${kind}-${lang}`)]);
        const pages = readdirSync(out).filter(
          (f) => f.startsWith(`${kind}-${lang}-`) && f.endsWith('.png'),
        );
        expect(pages.length, kind).toBe(rendered.pages);
        for (const font of pdffonts(pdf))
          expect(font, `${kind} ${lang}`).toMatch(/^[A-Z]{6}\+(Roboto|Amiri)-(Regular|Bold)$/);
      }
    });
  }
});
