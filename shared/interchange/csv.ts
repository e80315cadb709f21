import type { JsonObject, JsonValue } from '../records';

/**
 * CSV for spreadsheets: one row per record, one column per field path. Lossy by design (JSON
 * Lines is the lossless format): arrays become "; "-joined cells, so a person's names read
 * as one cell. UTF-8 with a byte-order mark and CRLF, which is what spreadsheet programs
 * expect to open Cyrillic and Arabic cleanly.
 */
export const csvByteOrderMark = '\ufeff';

/** Leaf paths and their display values: `names[].value` -> "Марыя; Maryja". */
export function flattenFields(fields: JsonObject): Map<string, string> {
  const cells = new Map<string, string[]>();
  const visit = (value: JsonValue, path: string) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, `${path}[]`);
      if (value.length === 0 && !cells.has(path)) cells.set(path, []);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    } else {
      const list = cells.get(path) ?? [];
      list.push(value === null ? '' : String(value));
      cells.set(path, list);
    }
  };
  visit(fields, '');
  return new Map([...cells].map(([path, values]) => [path, values.join('; ')]));
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: a hostile name could then exfiltrate data or run commands. Such cells get a
 * leading apostrophe, the convention spreadsheets show as plain text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A whole table: the union of all records' field paths as columns, in first-seen order. */
export function csvTable(records: readonly { id: string; fields: JsonObject }[]): string {
  const rows = records.map((record) => ({ id: record.id, cells: flattenFields(record.fields) }));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const path of row.cells.keys()) {
      if (!seen.has(path)) {
        seen.add(path);
        columns.push(path);
      }
    }
  }
  return (
    csvByteOrderMark +
    csvRow(['id', ...columns]) +
    rows.map((row) => csvRow([row.id, ...columns.map((c) => row.cells.get(c) ?? '')])).join('')
  );
}
