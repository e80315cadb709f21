/**
 * The vocabularies the model draws values from. Each is a `vocabulary` record with the id
 * `vocab-<name>` (shared/vocabularies holds the defaults). Open vocabularies may gain terms;
 * closed ones label a fixed set of values that code relies on (statistics count released
 * people by release reason), so only their labels may be edited.
 */
export const openVocabularyNames = [
  'case-types',
  'violation-types',
  'facilities',
  'articles',
  'regions',
  'source-reliability',
] as const;

export const closedVocabularyNames = [
  'roles',
  'regimes',
  'sentence-types',
  'release-reasons',
] as const;

export type OpenVocabularyName = (typeof openVocabularyNames)[number];
export type ClosedVocabularyName = (typeof closedVocabularyNames)[number];
export type VocabularyName = OpenVocabularyName | ClosedVocabularyName;

export const vocabularyNames: readonly VocabularyName[] = [
  ...openVocabularyNames,
  ...closedVocabularyNames,
];

/** The record id of a vocabulary: ids are stored in clear, and these say nothing about anyone. */
export function vocabularyRecordId(name: string): string {
  return `vocab-${name}`;
}
