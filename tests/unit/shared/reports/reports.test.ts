import { describe, expect, it } from 'vitest';
import { defaultExportProfiles, describeFinding, findLeaks } from '../../../../shared/redaction';
import {
  htmlToText,
  prepareReport,
  preparedReportHtml,
  reportCsv,
  reportKinds,
  reportLabels,
  reportLanguages,
  reportText,
  type ReportRequest,
} from '../../../../shared/reports';
import { computeReview } from '../../../../shared/statistics';
import { canaryRecordsToday, canaryVault, hiddenUnder } from './canaryRecords';

const { records, canaries } = canaryVault();
const request = (
  kind: ReportRequest['kind'],
  profile: string,
  lang: ReportRequest['lang'] = 'en',
): ReportRequest => ({
  kind,
  profile,
  lang,
  ...(kind === 'case'
    ? { id: 'case-1' }
    : kind === 'review'
      ? { asOf: '2024-05-01', from: '2021-01-01', to: '2024-05-01' }
      : { id: 'p-victim' }),
});
const prepare = (r: ReportRequest, extra: Partial<Parameters<typeof prepareReport>[1]> = {}) =>
  prepareReport(r, { records, today: canaryRecordsToday, ...extra });
const html = (r: ReturnType<typeof prepare>) => preparedReportHtml(r, '');

describe('report labels', () => {
  it('exist in English, Belarusian, Russian and Ukrainian, with the same parameters', () => {
    const en = reportLabels('en');
    for (const lang of reportLanguages) {
      const labels = reportLabels(lang);
      expect(Object.keys(labels).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(labels)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        const params = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
        expect(params(text), `${lang} ${key}`).toEqual(params(en[key as keyof typeof en]));
      }
    }
  });
});

describe('reports', () => {
  it('are built from redacted data: what a profile removes is not in the HTML at all', () => {
    for (const kind of reportKinds) {
      const prepared = prepare(request(kind, 'public'));
      const page = html(prepared);
      for (const canary of canaries.filter((c) => hiddenUnder(defaultExportProfiles[0]!, c))) {
        for (const word of canary.words)
          expect(page, `${kind} ${canary.recordId} ${canary.path}`).not.toContain(word);
      }
      expect(findLeaks(htmlToText(page), prepared.needles, 'html')).toEqual([]);
    }
  });

  it('set the language and direction of the page and of every value, and escape everything', () => {
    const hostile = records.map((r) =>
      r.id === 'p-victim'
        ? {
            ...r,
            body: {
              ...r.body,
              names: [
                { value: '<img src=x onerror=alert(1)>"&\'', lang: 'be' },
                { value: 'محمد عبد الله', lang: 'ar' },
              ],
            },
          }
        : r,
    );
    const page = html(
      prepareReport(request('person', 'internal', 'be'), {
        records: hostile,
        today: canaryRecordsToday,
      }),
    );
    expect(page).toMatch(/^<!DOCTYPE html><html lang="be" dir="ltr">/);
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#38;&#39;');
    expect(page).toContain('<bdi lang="ar">محمد عبد الله</bdi>');
    expect(page).not.toMatch(/<script|<title|<link|https?:/i);
  });

  it('give the review the statistics engine’s figures, with charts as SVG', () => {
    const prepared = prepare(request('review', 'public'));
    const review = computeReview({
      records: records.filter((r) => r.type !== 'vocabulary') as never,
      asOf: '2024-05-01',
      from: '2021-01-01',
      to: '2024-05-01',
    });
    const text = reportText(prepared.document, 'en', prepared.vocabularies);
    const figures = text.sections[0]!.blocks[0]!;
    expect('figures' in figures && figures.figures[0]).toEqual({
      label: 'Political prisoners',
      count: review.politicalPrisoners.today.total.count,
      upTo:
        review.politicalPrisoners.today.total.count +
        review.politicalPrisoners.today.total.uncertain.count,
      asKnownOn: {
        count: review.politicalPrisoners.onAsOf.total.count,
        upTo: review.politicalPrisoners.onAsOf.total.count,
      },
    });
    const page = html(prepared);
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(page).toContain('Political prisoners by article charged');
    expect(reportCsv(text)).toContain('Political prisoners,1,1,1,1');
  });

  it('suggest the WGAD categories the records support', () => {
    const text = reportText(
      prepare(request('wgad', 'un')).document,
      'en',
      prepare(request('wgad', 'un')).vocabularies,
    );
    const table = JSON.stringify(text);
    expect(table).toContain('Category II');
    expect(table).toMatch(/charged under articles: Art\. 342 CC/);
    expect(table).toContain('recognised as a political prisoner');
  });

  it('leave out the testimonies whose consent does not allow the use, and say so to the documenter', () => {
    expect(
      prepare(request('case', 'public')).summary.excluded.map((e) => [e.id, e.reason]),
    ).toEqual([
      ['testimony-no-consent', 'no-consent'],
      ['testimony-withdrawn', 'withdrawn'],
    ]);
    expect(prepare(request('case', 'internal')).summary.excluded).toEqual([]);
  });

  it('check only the records a case report or dossier can use, and leave out those that fail', () => {
    const acts = records.filter((r) => r.type === 'act' && r.body.caseId === 'case-1');
    expect(acts.length).toBeGreaterThan(0);
    const brokenAct = { ...acts[0]!, body: { ...acts[0]!.body, date: { date: 'yesterday' } } };
    // A broken record the report cannot reach, and one it can.
    const elsewhere = { id: 'case-elsewhere', type: 'case' as const, body: { title: 7 } };
    const withBroken = [...records.filter((r) => r !== acts[0]), brokenAct, elsewhere];
    for (const kind of ['case', 'person'] as const) {
      const clean = prepare(request(kind, 'internal'));
      expect(clean.unreadable, kind).toBe(0);
      const broken = prepareReport(request(kind, 'internal'), {
        records: withBroken,
        today: canaryRecordsToday,
      });
      // The broken act is counted, the unrelated broken case is not even read.
      expect(broken.unreadable, kind).toBe(1);
      const json = JSON.stringify(broken.document);
      expect(json).not.toContain(brokenAct.id);
      // Everything else is as it was without the broken act.
      const without = prepareReport(request(kind, 'internal'), {
        records: records.filter((r) => r !== acts[0]),
        today: canaryRecordsToday,
      });
      expect(json).toBe(JSON.stringify(without.document));
    }
  });

  it('refuse a request they cannot answer, in words', () => {
    expect(() => prepare({ kind: 'case', profile: 'public', lang: 'en', id: 'nope' })).toThrow(
      'there is no case with the id nope',
    );
    expect(() => prepare({ kind: 'case', profile: 'press', lang: 'en', id: 'case-1' })).toThrow(
      'there is no export profile "press"',
    );
    expect(() => prepare({ kind: 'review', profile: 'public', lang: 'en' })).toThrow('as of');
  });

  it('name the field of a leak, never its value', () => {
    // A summary the UN profile shows repeats the name of a relative, a secret field it removes.
    const leaky = records.map((r) =>
      r.id === 'case-1'
        ? {
            ...r,
            body: {
              ...r.body,
              summary: `Her sister ${(records[0]!.body as { contacts: { relatives: { name: string }[] } }).contacts.relatives[0]!.name} was questioned.`,
            },
          }
        : r,
    );
    const prepared = prepareReport(request('case', 'un'), {
      records: leaky,
      today: canaryRecordsToday,
    });
    const findings = findLeaks(htmlToText(html(prepared)), prepared.needles, 'the report’s text');
    expect(findings.map(describeFinding), JSON.stringify(findings)).toContain(
      'person p-victim, field contacts.relatives[0].name (the name), in the report’s text',
    );
  });

  it('offer only the profiles the organisation has', () => {
    expect(defaultExportProfiles.length).toBe(4);
  });
});
