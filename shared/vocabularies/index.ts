export { defaultVocabularies, defaultVocabularyRecords, type VocabularyRecord } from './defaults';
export { termLabel, type LabelLanguage } from './termLabel';
export { unknownTerms } from './unknownTerms';
