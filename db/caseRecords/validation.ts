import type { FieldValidator, InterchangeEntity } from '../../shared/interchange';
import {
  isModelRecordType,
  parseRecord,
  vocabularyRecordType,
  vocabularySchema,
  type Vocabulary,
} from '../../shared/model';
import { unknownTerms } from '../../shared/vocabularies';
import type { Vault } from '../vault/vault';
import { vaultVocabularies } from './vocabularies';

/** Schema check of one record body, in the importer's terms. */
export const validateRecordFields: FieldValidator = (type, fields) => {
  const parsed = parseRecord(type, fields);
  return parsed.ok ? [] : parsed.errors;
};

/**
 * Vocabulary check across a whole import: every term a record uses must be in the vault's
 * vocabulary of that name, or in the edited copy of it that the same file brings.
 */
export function vocabularyCrossCheck(vault: Vault) {
  const inVault = vaultVocabularies(vault);
  return (entities: readonly InterchangeEntity[]) => {
    const vocabularies: Record<string, Vocabulary> = { ...inVault };
    for (const entity of entities) {
      if (entity.type !== vocabularyRecordType) continue;
      const parsed = vocabularySchema.safeParse(entity.fields);
      if (parsed.success) vocabularies[parsed.data.name] = parsed.data;
    }
    return entities.flatMap((entity) =>
      isModelRecordType(entity.type)
        ? unknownTerms(entity.type, entity.fields, vocabularies).map((error) => ({
            id: entity.id,
            ...error,
          }))
        : [],
    );
  };
}
