import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { seedDefaultVocabularies } from '../../../db/caseRecords';
import { interchangeJsonSchema } from '../../../shared/interchange';
import { casebook } from '../../support/cli';
import { newVault, passphrase, snapshot, tempDir } from '../../support/vaults';

const env = { CASEBOOK_PASSPHRASE: passphrase };

async function seededVault() {
  const { vault, dir } = await newVault();
  seedDefaultVocabularies(vault);
  vault.lock();
  return dir;
}

const lines = (...entities: object[]) => entities.map((e) => JSON.stringify(e)).join('\n') + '\n';

const people = [
  {
    type: 'person',
    id: 'kalesnikava',
    fields: {
      names: [{ value: 'Марыя Калеснікава', lang: 'be' }, { value: 'Maryja Kaleśnikava' }],
      sex: 'female',
      region: 'by-hm',
    },
  },
  {
    type: 'person',
    id: 'bialiacki',
    fields: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }], sex: 'male' },
  },
  {
    type: 'person',
    id: 'hostile',
    fields: {
      names: [{ value: '<img src=x onerror=alert(1)>' }, { value: '=HYPERLINK("http://evil")' }],
    },
  },
  {
    type: 'case',
    id: 'case-1',
    fields: { title: 'Trial of the Viasna leaders', type: 'criminal-prosecution' },
  },
];

function writeFile(content: string): string {
  const file = path.join(tempDir(), 'import.jsonl');
  writeFileSync(file, content);
  return file;
}

describe('import and export', () => {
  it('imports a file, then re-imports it without duplicates, and an edited line as a new revision', async () => {
    const dir = await seededVault();
    const file = writeFile(`{"format":"casebook-interchange","version":1}\n` + lines(...people));
    const first = casebook(['--vault', dir, 'import', file], { env });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /4 records were created, 0 were updated with a new revision, 0 were left unchanged/,
    );

    const again = casebook(['--vault', dir, 'import', file], { env });
    expect(again.stdout).toMatch(
      /0 records were created, 0 were updated with a new revision, 4 were left unchanged/,
    );

    const edited = structuredClone(people) as { fields: { names?: { value: string }[] } }[];
    edited[1]!.fields.names!.push({ value: 'Ales Bialiacki' });
    const third = casebook(['--vault', dir, 'import', writeFile(lines(...edited))], { env });
    expect(third.stdout).toMatch(
      /0 records were created, 1 were updated with a new revision, 3 were left unchanged/,
    );

    const vault = await Vault.unlock(dir, passphrase);
    expect(vault.history('bialiacki')).toHaveLength(2);
    expect([...vault.list({ type: 'person' })]).toHaveLength(3);
    vault.lock();
  });

  it('rejects a bad file whole, with every line number and reason, and writes nothing', async () => {
    const dir = await seededVault();
    const before = snapshot(dir);
    const bad = [
      JSON.stringify(people[0]),
      '{"type": "person", "id": "p2", "fields": {"names": [{"value": "Ігар Лосік"}], "sex": "sometimes"}}',
      'not json at all, with a name: Лосік',
      '{"type": "person", "id": "Ігар", "fields": {"names": [{"value": "x"}]}}',
      '{"type": "person", "id": "p5", "fields": {"names": [{"value": "x"}], "region": "by-xx"}}',
      JSON.stringify(people[0]),
    ].join('\n');
    const run = casebook(['--vault', dir, 'import', writeFile(bad)], { env });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/The file was not imported: 5 problems\. Nothing was written\./);
    expect(run.stderr).toMatch(/line 2, fields\.sex: /);
    expect(run.stderr).toMatch(/line 3: is not valid JSON/);
    expect(run.stderr).toMatch(/line 4, id: must be 1 to 64 Latin letters/);
    expect(run.stderr).toMatch(/line 5, fields\.region: is not a term of the vocabulary regions/);
    expect(run.stderr).toMatch(/line 6, id: kalesnikava is already on line 1/);
    expect(run.stderr).not.toMatch(/Лосік|Ігар/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('accepts a new vocabulary term that the same file brings', async () => {
    const dir = await seededVault();
    const vault = await Vault.unlock(dir, passphrase);
    const regions = vault.get('vocab-regions').body as { terms: { id: string }[] };
    vault.lock();
    const withTerm = {
      ...regions,
      terms: [
        ...regions.terms,
        {
          id: 'by-abroad',
          labels: { en: 'Abroad', be: 'За мяжой', ru: 'За рубежом', uk: 'За кордоном' },
        },
      ],
    };
    const file = writeFile(
      lines(
        { type: 'vocabulary', id: 'vocab-regions', fields: withTerm },
        { type: 'person', id: 'p1', fields: { names: [{ value: 'X' }], region: 'by-abroad' } },
      ),
    );
    const run = casebook(['--vault', dir, 'import', file], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 records were created, 1 were updated/);
  });

  it('a dry run checks and counts, and writes nothing', async () => {
    const dir = await seededVault();
    const before = snapshot(dir);
    const run = casebook(['--vault', dir, 'import', writeFile(lines(...people)), '--dry-run'], {
      env,
    });
    expect(run.stdout).toMatch(/Dry run, nothing written: 4 records would be created/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('exports JSON Lines that import into another vault as the same records', async () => {
    const dir = await seededVault();
    casebook(['--vault', dir, 'import', writeFile(lines(...people))], { env });
    const out = path.join(tempDir(), 'export.jsonl');
    const exported = casebook(['--vault', dir, 'export', '--out', out], { env });
    expect(exported.status, exported.stderr).toBe(0);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('{"format":"casebook-interchange","version":1}');

    const other = await seededVault();
    const imported = casebook(['--vault', other, 'import', out], { env });
    expect(imported.status, imported.stderr).toBe(0);
    const a = casebook(['--vault', dir, 'export', '--type', 'person'], { env }).stdout;
    const b = casebook(['--vault', other, 'export', '--type', 'person'], { env }).stdout;
    expect(b).toBe(a);
    expect(a.trim().split('\n')).toHaveLength(4);
  });

  it('exports CSV that a spreadsheet opens as text, hostile names included', async () => {
    const dir = await seededVault();
    casebook(['--vault', dir, 'import', writeFile(lines(...people))], { env });
    const csv = casebook(['--vault', dir, 'export', '--format', 'csv', '--type', 'person'], {
      env,
    }).stdout;
    expect(csv.startsWith('\ufeffid,names[].value,names[].lang,sex,region\r\n')).toBe(true);
    expect(csv).toContain('kalesnikava,Марыя Калеснікава; Maryja Kaleśnikava,be,female,by-hm\r\n');
    expect(csv).toContain(`hostile,"<img src=x onerror=alert(1)>; =HYPERLINK(""http://evil"")"`);
    // A cell that starts with = is neutralised, wherever it stands.
    const solo = casebook(
      [
        '--vault',
        dir,
        'import',
        writeFile(lines({ type: 'person', id: 'h2', fields: { names: [{ value: '=1+2' }] } })),
      ],
      { env },
    );
    expect(solo.status).toBe(0);
    expect(
      casebook(['--vault', dir, 'export', '--format', 'csv', '--type', 'person'], { env }).stdout,
    ).toContain("h2,'=1+2");
  });

  it('says what to do when an export is asked for wrongly', async () => {
    const dir = await seededVault();
    expect(casebook(['--vault', dir, 'export', '--format', 'csv'], { env }).stderr).toMatch(
      /add --type/,
    );
    expect(casebook(['--vault', dir, 'export', '--format', 'xml'], { env }).stderr).toMatch(
      /takes jsonl .* or csv/,
    );
    expect(casebook(['--vault', dir, 'import', '/no/such/file.jsonl'], { env }).stderr).toMatch(
      /There is no file/,
    );
  });

  it('the committed JSON Schema is the one generated from the model', () => {
    const committed = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../docs/interchange.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(interchangeJsonSchema());
    expect(JSON.parse(casebook(['schema']).stdout)).toEqual(committed);
  });
});
