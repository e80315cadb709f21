import type { JsonObject } from '../records';
import {
  vocabularyRecordId,
  vocabularyRecordType,
  type OpenVocabularyName,
  type Vocabulary,
  type VocabularyName,
} from '../model';
import { articles } from './articles';
import { caseTypes } from './caseTypes';
import { closedVocabularies } from './closedVocabularies';
import { facilities } from './facilities';
import { regions } from './regions';
import { sourceReliability } from './sourceReliability';
import { violationTypes } from './violationTypes';

const openDefaults: Record<OpenVocabularyName, Vocabulary> = {
  'case-types': caseTypes,
  'violation-types': violationTypes,
  facilities,
  articles,
  regions,
  'source-reliability': sourceReliability,
};

/** The vocabularies a new vault starts with, for monitoring in Belarus: fresh copies each call. */
export function defaultVocabularies(): Record<VocabularyName, Vocabulary> {
  return JSON.parse(JSON.stringify({ ...openDefaults, ...closedVocabularies })) as Record<
    VocabularyName,
    Vocabulary
  >;
}

export interface VocabularyRecord {
  readonly id: string;
  readonly type: typeof vocabularyRecordType;
  readonly body: JsonObject;
}

/**
 * The default vocabularies as vault records, ready for `vault.put(type, body, { id })`.
 * They are ordinary records so that they travel with backups and bundles and the organisation
 * can edit them; fresh copies each call, so a caller may change them freely.
 */
export function defaultVocabularyRecords(): VocabularyRecord[] {
  return Object.values(defaultVocabularies()).map((vocabulary) => ({
    id: vocabularyRecordId(vocabulary.name),
    type: vocabularyRecordType,
    // Built from literals without undefined values, so it is plain JSON as it stands.
    body: vocabulary as unknown as JsonObject,
  }));
}
