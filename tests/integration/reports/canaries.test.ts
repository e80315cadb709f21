import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumPdfPrinter, renderReport, type PdfPrinter } from '../../../db/reports';
import { defaultExportProfiles, fieldKinds, isLeakCheckedKind } from '../../../shared/redaction';
import { prepareReport, reportKinds, type ReportRequest } from '../../../shared/reports';
import {
  canaryRecordsToday,
  canaryVault,
  hiddenUnder,
  valueTextFields,
} from '../../unit/shared/reports/canaryRecords';
import { bytesContain, pdfinfo, pdftotext, rawAndInflated } from './pdfTools';

const { records, canaries } = canaryVault();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await launchChromiumPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

const requestFor = (kind: ReportRequest['kind'], profile: string): ReportRequest => ({
  kind,
  profile,
  lang: 'be',
  ...(kind === 'case'
    ? { id: 'case-1' }
    : kind === 'review'
      ? { asOf: '2024-05-01', from: '2021-01-01', to: '2024-05-01' }
      : { id: 'p-victim' }),
});

describe('canaries in every removed field of every record', () => {
  it('fill every free-text and name field of the model', () => {
    const fields = [
      ...new Set(canaries.map((c) => `${c.type}.${c.path.replace(/\[\d+\]/g, '[]')}`)),
    ].sort();
    const expected = Object.entries(fieldKinds)
      .flatMap(([type, kinds]) =>
        Object.entries(kinds)
          .filter(([, kind]) => isLeakCheckedKind(kind))
          .map(([path]) => `${type}.${path}`),
      )
      .concat(valueTextFields)
      .sort();
    expect(fields).toEqual(expected);
  });

  for (const profile of defaultExportProfiles) {
    it(`are absent from the text, the streams and the metadata of every report under "${profile.id}"`, async () => {
      const hidden = canaries.filter((c) => hiddenUnder(profile, c));
      for (const kind of reportKinds) {
        const prepared = prepareReport(requestFor(kind, profile.id), {
          records,
          today: canaryRecordsToday,
        });
        const rendered = await renderReport(prepared, 'pdf', { printer });
        expect(rendered.ok, `${kind}: ${JSON.stringify(rendered.ok ? [] : rendered.leaks)}`).toBe(
          true,
        );
        if (!rendered.ok) continue;
        const text = pdftotext(rendered.bytes);
        const parts = rawAndInflated(rendered.bytes);
        const info = pdfinfo(rendered.bytes);
        for (const canary of hidden) {
          for (const word of canary.words) {
            const where = `${profile.id} ${kind} ${canary.recordId} ${canary.path} ${word}`;
            expect(text.includes(word), `text: ${where}`).toBe(false);
            expect(bytesContain(parts, word), `bytes: ${where}`).toBe(false);
            expect(info.includes(word), `metadata: ${where}`).toBe(false);
          }
        }
        // Nothing about the machine that made it, and no title, author, creator or date.
        expect(info).not.toMatch(
          /^(Title|Author|Subject|Keywords|Creator|Producer|CreationDate|ModDate):/m,
        );
        for (const secret of [
          os.hostname(),
          os.userInfo().username,
          process.cwd(),
          os.tmpdir(),
        ].filter((s) => s.length > 3)) {
          expect(bytesContain(parts, secret), secret).toBe(false);
        }
        if (profile.id === 'internal' && kind !== 'review') {
          // Not vacuous: what the profile shows is there, in all three scripts.
          const shown = canaries.filter(
            (c) => c.recordId === 'p-victim' && c.path === 'names[0].value',
          )[0]!;
          for (const word of shown.words) expect(text, word).toContain(word);
        }
      }
    });
  }
});
