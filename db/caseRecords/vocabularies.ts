import { vocabularyRecordType, vocabularySchema, type Vocabulary } from '../../shared/model';
import { defaultVocabularyRecords } from '../../shared/vocabularies';
import type { Vault } from '../vault/vault';

/** The vault's vocabularies by name: the organisation's edited copies of the defaults. */
export function vaultVocabularies(vault: Vault): Record<string, Vocabulary> {
  const byName: Record<string, Vocabulary> = {};
  for (const record of vault.list({ type: vocabularyRecordType })) {
    const parsed = vocabularySchema.safeParse(record.body);
    if (parsed.success) byName[parsed.data.name] = parsed.data;
  }
  return byName;
}

/**
 * Puts the shipped vocabularies (Belarus: regions, code articles, facilities ...) into a new
 * vault as ordinary records, so the organisation can edit them and they travel with backups.
 * A vocabulary already in the vault is left as the organisation made it.
 */
export function seedDefaultVocabularies(vault: Vault): number {
  const present = new Set([...vault.list({ type: vocabularyRecordType })].map((r) => r.id));
  const missing = defaultVocabularyRecords().filter((record) => !present.has(record.id));
  vault.batch(() => {
    for (const record of missing) vault.put(record.type, record.body, { id: record.id });
  });
  return missing.length;
}
