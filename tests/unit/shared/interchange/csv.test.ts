import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvTable, flattenFields, neutraliseFormula } from '../../../../shared/interchange';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    i++;
    if (quoted && ch === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endCell();
    } else if (!quoted && ch === '\r' && next === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a byte-order mark and uses CRLF, so spreadsheets open Cyrillic cleanly', () => {
    const csv = csvTable([
      {
        id: 'p1',
        fields: { names: [{ value: 'Марыя Калеснікава' }, { value: 'Maryja Kaleśnikava' }] },
      },
    ]);
    expect(csv.startsWith('\ufeffid,names[].value\r\n')).toBe(true);
    expect(csv).toContain('p1,Марыя Калеснікава; Maryja Kaleśnikava\r\n');
  });

  it('turns a hostile formula into text', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
    }
    expect(neutraliseFormula('Алесь')).toBe('Алесь');
    const csv = csvTable([{ id: 'p1', fields: { name: '=cmd|"/c calc"!A0' } }]);
    expect(readCsv(csv.slice(1))[1]).toEqual(['p1', `'=cmd|"/c calc"!A0`]);
  });

  it('flattens nested fields to one column per path', () => {
    expect(
      Object.fromEntries(flattenFields({ a: { b: 1, c: [true, null] }, d: 'x', e: [] })),
    ).toEqual({ 'a.b': '1', 'a.c[]': 'true; ', d: 'x', e: '' });
  });

  it('reads back cell for cell, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        (values) => {
          const records = values.map((value, i) => ({ id: `r${i}`, fields: { value } }));
          const rows = readCsv(csvTable(records).slice(1));
          expect(rows.slice(1).map((row) => row[1])).toEqual(values.map(neutraliseFormula));
        },
      ),
    );
  });
});
