export { fieldRegistry, type FieldMeta } from './sensitivity';
export { sensitivityClasses, isWithinClearance, type Sensitivity } from './sensitivity';
export {
  describeFields,
  fieldReferences,
  fieldSensitivities,
  fieldVocabularies,
  type FieldDescription,
} from './fieldCatalogue';
export { valuesAt, type FieldValue } from './fieldPaths';
export { termIdPattern } from './fieldTypes';
export {
  formatRecordError,
  recordErrorKind,
  recordErrorKinds,
  type RecordError,
  type RecordErrorKind,
} from './recordErrors';
export { parseRecord, recordSchemas, type ParsedRecord, type RecordBody } from './records';
export { closedVocabularyValues } from './closedVocabularyValues';
export { isModelRecordType, modelRecordTypes, type RecordType } from './recordTypes';
export {
  closedVocabularyNames,
  openVocabularyNames,
  vocabularyNames,
  vocabularyRecordId,
  type ClosedVocabularyName,
  type OpenVocabularyName,
  type VocabularyName,
} from './vocabularyNames';

export * from './person';
export * from './status';
export { statusesValidOn, type StatusQuery } from './statusesValidOn';
export * from './case';
export * from './act';
export * from './detention';
export * from './proceeding';
export * from './testimony';
export * from './source';
export * from './vocabulary';
export * from './attachment';
export { recordLabel } from './recordLabel';
