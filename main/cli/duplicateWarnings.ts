import type { Vault } from '../../db';
import { VaultSearch } from '../../db/search';
import { recordLabel } from '../../shared/model';
import type { JsonObject } from '../../shared/records';

/** At most this many warnings: past that, a person needs the app's duplicate review, not a scroll. */
const shown = 20;

/**
 * Warnings, one line each, for people just entered or imported who may already be in the vault
 * under another spelling or script. Writes nothing: deciding that two records are one person
 * is a documenter's call.
 */
export function duplicateWarnings(
  vault: Vault,
  people: readonly { id: string; fields: JsonObject }[],
  options: { search?: VaultSearch; dryRun?: boolean } = {},
): string[] {
  const search = options.search ?? VaultSearch.open(vault);
  const lines: string[] = [];
  let total = 0;
  for (const person of people) {
    for (const candidate of search.duplicatesOf({
      id: person.id,
      type: 'person',
      body: person.fields,
    })) {
      total++;
      if (lines.length < shown) {
        lines.push(
          `possible duplicate: ${person.id} "${recordLabel({ type: 'person', body: person.fields })}" may be ${candidate.id} "${recordLabel(vault.get(candidate.id))}" (score ${candidate.score.toFixed(2)})`,
        );
      }
    }
  }
  if (total > shown) lines.push(`... and ${total - shown} more possible duplicates`);
  // A dry run writes nothing at all, not even the search index it had to build.
  if (!options.dryRun) search.saveIfStale();
  return lines;
}
