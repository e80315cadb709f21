import { csvTable, entityLine, headerLine } from '../../shared/interchange';
import type { Vault } from '../vault/vault';

/** The vault's current records as interchange JSON Lines, header first. */
export function* exportJsonLines(vault: Vault, options: { type?: string } = {}): Generator<string> {
  yield headerLine() + '\n';
  for (const record of vault.list(options.type === undefined ? {} : { type: options.type })) {
    yield entityLine({ type: record.type, id: record.id, fields: record.body! }) + '\n';
  }
}

/** One record type as a spreadsheet-ready CSV table. */
export function exportCsv(vault: Vault, type: string): string {
  return csvTable(
    [...vault.list({ type })].map((record) => ({ id: record.id, fields: record.body! })),
  );
}
