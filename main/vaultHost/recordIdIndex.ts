import type { Vault } from '../../db';

/**
 * The ids of the records of each type, in the vault's order (by id), so that a list can show
 * rows 90 000 to 90 100 without decrypting the 90 000 before them.
 *
 * Ids are stored in clear anyway (docs/vault-format.md); the index holds nothing else. It is
 * read on first use from the database's clear columns, without decrypting, and then kept up
 * to date by this host's own writes; lock drops it.
 */
export class RecordIdIndex {
  private readonly byType = new Map<string, string[]>();

  ids(vault: Vault, type: string): readonly string[] {
    let ids = this.byType.get(type);
    if (!ids) {
      // From the clear columns: decrypting 100k records here made the first visit to a
      // list wait for seconds (bench `ui`).
      ids = vault.liveIds(type);
      this.byType.set(type, ids);
    }
    return ids;
  }

  added(type: string, id: string): void {
    const ids = this.byType.get(type);
    if (!ids) return;
    const at = insertionPoint(ids, id);
    if (ids[at] !== id) ids.splice(at, 0, id);
  }

  /** Ids are unique across types, so a deleted id is looked for in each. */
  removed(id: string): void {
    for (const ids of this.byType.values()) {
      const at = insertionPoint(ids, id);
      if (ids[at] === id) ids.splice(at, 1);
    }
  }

  clear(): void {
    this.byType.clear();
  }
}

/** The first position whose id is not less than `id`. Ids are ASCII: `<` is SQLite's order. */
function insertionPoint(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
