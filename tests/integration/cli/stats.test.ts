import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import { entityLine, headerLine } from '../../../shared/interchange';
import type { JsonObject } from '../../../shared/records';
import { casebook } from '../../support/cli';
import { newVault, passphrase, tempDir } from '../../support/vaults';
import { expectedReview } from '../../unit/shared/statistics/expectedReview';
import { generateVault } from '../../unit/shared/statistics/generatedVault';

const env = { CASEBOOK_PASSPHRASE: passphrase };

describe('casebook stats', () => {
  it('gives the true figures of a generated vault, imported through the CLI', async () => {
    const { records, ledger } = generateVault(11, 150);
    const { vault, dir } = await newVault();
    seedDefaultVocabularies(vault);
    vault.lock();
    const file = path.join(tempDir(), 'generated.jsonl');
    writeFileSync(
      file,
      [
        headerLine(),
        ...records.map((r) =>
          entityLine({ type: r.type, id: r.id, fields: r.body as unknown as JsonObject }),
        ),
      ].join('\n') + '\n',
    );
    const imported = casebook(['--vault', dir, 'import', file], { env });
    expect(imported.status, imported.stderr).toBe(0);

    const query = { asOf: '2024-03-04', from: '2024-02-01', to: '2024-03-01' };
    const run = casebook(
      [
        '--vault',
        dir,
        'stats',
        '--as-of',
        query.asOf,
        '--from',
        query.from,
        '--to',
        query.to,
        '--json',
      ],
      { env },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expectedReview(ledger, query));

    const text = casebook(['--vault', dir, 'stats', '--as-of', query.asOf], { env });
    expect(text.stdout).toMatch(/^Figures as of 2024-03-04, as known today/);
    expect(text.stdout).toMatch(/Political prisoners: \d+/);
  });

  it('says what is wrong with the dates asked for', async () => {
    const { vault, dir } = await newVault();
    vault.lock();
    expect(casebook(['--vault', dir, 'stats'], { env }).stderr).toMatch(/needs --as-of YYYY-MM-DD/);
    expect(casebook(['--vault', dir, 'stats', '--as-of', '4 March'], { env }).stderr).toMatch(
      /must be a day written YYYY-MM-DD/,
    );
    expect(
      casebook(['--vault', dir, 'stats', '--as-of', '2024-03-04', '--from', '2024-02-01'], { env })
        .stderr,
    ).toMatch(/needs both/);
  });
});
