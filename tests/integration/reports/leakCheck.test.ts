import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPdfForLeaks,
  launchChromiumPdfPrinter,
  pdfInfoDictionary,
  reportFontFaceCss,
  scrubPdfMetadata,
  type PdfPrinter,
} from '../../../db/reports';
import { leakNeedles, type RemovedValue } from '../../../shared/redaction';
import { reportFontFamily } from '../../../shared/reports';
import { pdfinfo } from './pdfTools';

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await launchChromiumPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

const removed = (
  recordId: string,
  value: string,
  kind: RemovedValue['kind'] = 'name',
): RemovedValue => ({
  recordId,
  type: 'person',
  path: 'names[0].value',
  kind,
  value,
});

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="be"><head><meta charset="utf-8">${head}<style>${reportFontFaceCss({ source: 'data' })} html{font-family:'${reportFontFamily}'}</style></head><body>${body}</body></html>`;

describe('the leak check on a printed PDF', () => {
  it('finds a removed name in another script or spelling, in Cyrillic, Łacinka and Arabic text', async () => {
    const pdf = scrubPdfMetadata(
      await printer.printPdf(
        page(
          '<p>Суд над Maria Kolesnikova.</p><p>Svedka: Źmicier Daškievič.</p><p dir="rtl"><bdi lang="ar">شهادة محمد عبد الله الأحمد</bdi></p>',
        ),
      ),
    );
    const needles = leakNeedles(
      [
        removed('p-cyrillic', 'Марыя Калеснікава'),
        removed('p-lacinka', 'Зміцер Дашкевіч'),
        removed('p-arabic', 'محمد عبد الله الأحمد'),
        removed('p-absent', 'Аляксандр Лукашэнка'),
      ],
      { shownNames: [], wording: [] },
    );
    const check = await checkPdfForLeaks(pdf, needles);
    expect(check.pages).toBe(1);
    expect(check.findings.map((f) => [f.recordId, f.how, f.where]).sort()).toEqual([
      ['p-arabic', 'name', 'page 1'],
      ['p-cyrillic', 'name', 'page 1'],
      ['p-lacinka', 'name', 'page 1'],
    ]);
  });

  it('finds a removed value that only the metadata holds, and the scrubber removes it', async () => {
    const printed = await printer.printPdf(
      page('<p>Нічога.</p>', '<title>Справа Калеснікавай</title>'),
    );
    const needles = leakNeedles([removed('p-1', 'Калеснікава')], { shownNames: [], wording: [] });
    expect(pdfinfo(printed)).toMatch(/^Title:/m);
    const before = await checkPdfForLeaks(printed, needles);
    expect(before.findings.map((f) => f.where)).toContain('the file’s metadata and objects');
    const scrubbed = scrubPdfMetadata(printed);
    expect(scrubbed.byteLength).toBe(printed.byteLength);
    expect(pdfInfoDictionary(scrubbed)).toBe('<<>>');
    expect(pdfinfo(scrubbed)).not.toMatch(/^(Title|Creator|Producer|CreationDate|ModDate):/m);
    expect((await checkPdfForLeaks(scrubbed, needles)).findings).toEqual([]);
  });
});
