import type { TermLabels, VocabularyTerm } from '../model';

/** Labels in the order en, be, ru, uk, to keep the tables of terms readable. */
export function labels(en: string, be: string, ru: string, uk: string): TermLabels {
  return { en, be, ru, uk };
}

export function term(id: string, termLabels: TermLabels, parent?: string): VocabularyTerm {
  return parent === undefined ? { id, labels: termLabels } : { id, labels: termLabels, parent };
}

/**
 * The terms of a closed vocabulary, one per value the model fixes. Typed so that a value added
 * to the model without a label, or a label for a value that does not exist, fails to compile.
 */
export function closedTerms<T extends string>(
  values: readonly T[],
  termLabels: Record<T, TermLabels>,
): VocabularyTerm[] {
  return values.map((value) => term(value, termLabels[value]));
}
