import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldSensitivities, isModelRecordType, modelRecordTypes } from '../../../../shared/model';

/** `{ type: { path: class } }` from the field tables of docs/model.md. */
function documentedClasses(): Record<string, Record<string, string>> {
  const text = readFileSync(path.resolve(__dirname, '../../../../docs/model.md'), 'utf8');
  const tables: Record<string, Record<string, string>> = {};
  let section: string | undefined;
  for (const line of text.split('\n')) {
    const heading = /^## (\S+)$/.exec(line);
    if (heading) section = isModelRecordType(heading[1]!) ? heading[1] : undefined;
    const row = /^\| `([^`]+)`(?: \\\*)? +\| (\w+) +\|/.exec(line);
    if (section && row) (tables[section] ??= {})[row[1]!] = row[2]!;
  }
  return tables;
}

describe('docs/model.md', () => {
  it.each(modelRecordTypes)('documents every field of %s with its class', (type) => {
    expect(documentedClasses()[type]).toEqual(fieldSensitivities(type));
  });
});
