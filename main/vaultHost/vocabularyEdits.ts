import type { RecordError, Vocabulary } from '../../shared/model';
import { closedVocabularyNames, vocabularySchema } from '../../shared/model';

const closed = new Set<string>(closedVocabularyNames);

/**
 * What a new revision of a vocabulary may not do to the one in the vault: drop a term (records
 * that use it would stop passing the vocabulary check; retire it instead), or add a term to a
 * vocabulary whose values the code fixes. The schema has checked the shape already.
 */
export function vocabularyEditProblems(
  previous: Vocabulary | undefined,
  body: unknown,
): RecordError[] {
  const next = vocabularySchema.safeParse(body);
  if (!previous || !next.success) return [];
  const kept = new Set(next.data.terms.map((term) => term.id));
  const had = new Set(previous.terms.map((term) => term.id));
  const problems: RecordError[] = [];
  for (const term of previous.terms) {
    if (!kept.has(term.id)) {
      problems.push({
        path: 'terms',
        message: `leaves out the term ${term.id}; mark it retired instead, so that records using it stay valid`,
      });
    }
  }
  if (closed.has(previous.name)) {
    next.data.terms.forEach((term, index) => {
      if (!had.has(term.id)) {
        problems.push({
          path: `terms[${index}].id`,
          message: `is not one of the values Casebook fixes for ${previous.name}; only their labels can be changed`,
        });
      }
    });
  }
  if (next.data.name !== previous.name) {
    problems.push({ path: 'name', message: `must stay ${previous.name}` });
  }
  return problems;
}
