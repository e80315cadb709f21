import { detentionRegimes, releaseReasons } from './detention';
import { involvementRoles } from './case';
import { sentenceTypes } from './proceeding';
import type { ClosedVocabularyName } from './vocabularyNames';

/** The values each closed vocabulary labels: its term ids, fixed by the model. */
export const closedVocabularyValues: Record<ClosedVocabularyName, readonly string[]> = {
  roles: involvementRoles,
  regimes: detentionRegimes,
  'sentence-types': sentenceTypes,
  'release-reasons': releaseReasons,
};
