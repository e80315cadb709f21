import { z } from 'zod';
import { termId, text } from './fieldTypes';
import { publicField } from './sensitivity';

export const vocabularyRecordType = 'vocabulary';

/** Labels in the languages Casebook's users work in; English is the one always present. */
export const termLabelsSchema = z.strictObject({
  en: text(500),
  be: text(500).optional(),
  ru: text(500).optional(),
  uk: text(500).optional(),
});

export const vocabularyTermSchema = z.strictObject({
  id: termId(),
  labels: termLabelsSchema,
  parent: termId().optional(),
  // Kept so old records still show a label, but no longer offered for new ones.
  retired: z.literal(true).optional(),
});

/** Why the terms do not form a forest (duplicate ids, unknown or circular parents), or undefined. */
function termTreeProblem(
  terms: readonly { id: string; parent?: string | undefined }[],
): { index: number; message: string } | undefined {
  const parents = new Map<string, string | undefined>();
  for (const [index, term] of terms.entries()) {
    if (parents.has(term.id)) return { index, message: 'repeats an id used by an earlier term' };
    parents.set(term.id, term.parent);
  }
  for (const [index, term] of terms.entries()) {
    if (term.parent !== undefined && !parents.has(term.parent)) {
      return { index, message: 'has a parent that is not a term of this vocabulary' };
    }
    const seen = new Set<string>([term.id]);
    for (let up = term.parent; up !== undefined; up = parents.get(up)) {
      if (seen.has(up)) return { index, message: 'is its own ancestor' };
      seen.add(up);
    }
  }
  return undefined;
}

/** A vocabulary is public: it says what can be recorded, not what was. */
export const vocabularySchema = z
  .strictObject({
    name: publicField(
      z
        .string()
        .regex(
          /^[a-z][a-z0-9-]{0,40}$/,
          'must be lower-case Latin letters, digits and "-" (for example case-types)',
        ),
    ),
    terms: publicField(z.array(vocabularyTermSchema)),
  })
  .superRefine((vocabulary, ctx) => {
    const problem = termTreeProblem(vocabulary.terms);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['terms', problem.index], message: problem.message });
    }
  });

export type Vocabulary = z.infer<typeof vocabularySchema>;
export type VocabularyTerm = z.infer<typeof vocabularyTermSchema>;
export type TermLabels = z.infer<typeof termLabelsSchema>;
