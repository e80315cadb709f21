import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import { defaultExportProfiles } from '../../../shared/redaction';
import { entityLine, headerLine } from '../../../shared/interchange';
import type { JsonObject } from '../../../shared/records';
import { casebook } from '../../support/cli';
import { newVault, passphrase, tempDir } from '../../support/vaults';
import { canaryVault, hiddenUnder } from '../../unit/shared/reports/canaryRecords';
import { pdftotext } from './pdfTools';

const env = { CASEBOOK_PASSPHRASE: passphrase };
const { records, canaries } = canaryVault();
const publicProfile = defaultExportProfiles[0]!;

async function canaryVaultOnDisk(
  change: (r: (typeof records)[number]) => (typeof records)[number] = (r) => r,
) {
  const { vault, dir } = await newVault();
  seedDefaultVocabularies(vault);
  vault.lock();
  const file = path.join(tempDir(), 'canaries.jsonl');
  const lines = records
    .filter((r) => r.type !== 'vocabulary')
    .map(change)
    .map((r) => entityLine({ type: r.type, id: r.id, fields: r.body as JsonObject }));
  writeFileSync(file, [headerLine(), ...lines].join('\n') + '\n');
  const imported = casebook(['--vault', dir, 'import', file], { env });
  expect(imported.status, imported.stderr).toBe(0);
  return dir;
}

describe('casebook report', () => {
  it('writes a redacted case report, and a review as JSON, with nothing the profile removes', async () => {
    const dir = await canaryVaultOnDisk();
    const out = path.join(tempDir(), 'case.pdf');
    const run = casebook(
      [
        '--vault',
        dir,
        'report',
        '--kind',
        'case',
        '--profile',
        'public',
        '--id',
        'case-1',
        '--lang',
        'be',
        '--out',
        out,
      ],
      { env },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /Written to .*case\.pdf \(\d+ pages\)\. \d+ values removed, \d+ pseudonymised, \d+ coarsened; 2 testimonies left out/,
    );
    const text = pdftotext(readFileSync(out));
    expect(text).toContain('Крымінальнае пераследаванне');
    for (const canary of canaries.filter((c) => hiddenUnder(publicProfile, c))) {
      for (const word of canary.words)
        expect(text, `${canary.recordId} ${canary.path}`).not.toContain(word);
    }
    const json = path.join(tempDir(), 'review.json');
    const review = casebook(
      [
        '--vault',
        dir,
        'report',
        '--kind',
        'review',
        '--profile',
        'public',
        '--as-of',
        '2024-05-01',
        '--out',
        json,
      ],
      { env },
    );
    expect(review.status, review.stderr).toBe(0);
    const written = readFileSync(json, 'utf8');
    expect(JSON.parse(written).format).toBe('casebook-report-text/1');
    for (const canary of canaries.filter((c) => hiddenUnder(publicProfile, c)))
      expect(written).not.toContain(canary.words[0]);
  });

  it('writes nothing when the report would still hold a removed value, and names the field', async () => {
    // The case summary, which the UN profile shows, repeats a relative's name, which it removes.
    const relative = (records[0]!.body as { contacts: { relatives: { name: string }[] } }).contacts
      .relatives[0]!.name;
    const dir = await canaryVaultOnDisk((r) =>
      r.id === 'case-1'
        ? { ...r, body: { ...r.body, summary: `Her sister ${relative} was questioned too.` } }
        : r,
    );
    const out = path.join(tempDir(), 'leaky.pdf');
    const run = casebook(
      [
        '--vault',
        dir,
        'report',
        '--kind',
        'case',
        '--profile',
        'un',
        '--id',
        'case-1',
        '--out',
        out,
      ],
      { env },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Nothing was written');
    expect(run.stderr).toContain('person p-victim, field contacts.relatives[0].name');
    expect(run.stderr).not.toContain(relative.split(' ')[0]);
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });

  it('says what is wrong with a request', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    const out = path.join(tempDir(), 'x.pdf');
    expect(
      casebook(['--vault', dir, 'report', '--profile', 'public', '--out', out], { env }).stderr,
    ).toMatch(/needs --kind/);
    expect(
      casebook(
        [
          '--vault',
          dir,
          'report',
          '--kind',
          'case',
          '--profile',
          'press',
          '--id',
          'c',
          '--out',
          out,
        ],
        { env },
      ).stderr,
    ).toMatch(/no export profile "press"/);
    expect(
      casebook(
        ['--vault', dir, 'report', '--kind', 'review', '--profile', 'public', '--out', out],
        { env },
      ).stderr,
    ).toMatch(/as of/);
    const missing = casebook(
      [
        '--vault',
        dir,
        'report',
        '--kind',
        'case',
        '--profile',
        'public',
        '--id',
        'case-9',
        '--out',
        out,
      ],
      { env },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/There is no case with the id case-9/);
    expect(
      casebook(
        [
          '--vault',
          dir,
          'report',
          '--kind',
          'case',
          '--profile',
          'public',
          '--id',
          'c',
          '--out',
          'x.docx',
        ],
        { env },
      ).stderr,
    ).toMatch(/report writes pdf, html, json, csv/);
  });
});
