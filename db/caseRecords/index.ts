export { seedDefaultVocabularies, vaultVocabularies } from './vocabularies';
export { validateRecordFields, vocabularyCrossCheck } from './validation';
