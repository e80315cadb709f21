import type { TermLabels, Vocabulary } from '../model';

export type LabelLanguage = keyof TermLabels;

/**
 * The label of a term in the reader's language, falling back to English, then to the id
 * itself (a term the vault's vocabulary no longer has must still show as something).
 */
export function termLabel(
  vocabulary: Vocabulary | undefined,
  id: string,
  lang: LabelLanguage,
): string {
  const found = vocabulary?.terms.find((term) => term.id === id);
  if (!found) return id;
  return found.labels[lang] ?? found.labels.en;
}
