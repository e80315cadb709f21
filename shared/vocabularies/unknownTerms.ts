import {
  fieldVocabularies,
  valuesAt,
  type RecordError,
  type RecordType,
  type Vocabulary,
} from '../model';

/**
 * Vocabulary terms a record uses that the given vocabularies do not have ("region by-mn is
 * not a term of regions"). The schema checks only the shape of a term id, because vocabularies
 * are data the organisation edits; the importer calls this with the vault's vocabularies.
 * Retired terms are accepted: old records keep them. A vocabulary missing from `vocabularies`
 * is not checked.
 */
export function unknownTerms(
  type: RecordType,
  body: unknown,
  vocabularies: Readonly<Record<string, Vocabulary | undefined>>,
): RecordError[] {
  const errors: RecordError[] = [];
  for (const [fieldPath, name] of Object.entries(fieldVocabularies(type))) {
    const vocabulary = vocabularies[name];
    if (!vocabulary) continue;
    const ids = new Set(vocabulary.terms.map((term) => term.id));
    for (const { path, value } of valuesAt(body, fieldPath)) {
      if (typeof value === 'string' && !ids.has(value)) {
        errors.push({ path, message: `is not a term of the vocabulary ${name}` });
      }
    }
  }
  return errors;
}
