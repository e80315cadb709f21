export {
  treatments,
  treatmentSchema,
  dateGranularities,
  type DateGranularity,
  type Treatment,
} from './treatment';
export { fieldKind, fieldKinds, isLeakCheckedKind, type FieldKind } from './fieldKinds';
export {
  defaultExportProfiles,
  exportProfileSchema,
  findExportProfile,
  isFieldKey,
  parseExportProfile,
  treatmentOf,
  type ExportProfile,
} from './profile';
export {
  pseudonymCode,
  pseudonymRoles,
  PseudonymCoder,
  type Pseudonym,
  type PseudonymRole,
} from './pseudonyms';
export { coarsenCalendarDate, coarsenDayOrTimestamp, coarsenFuzzyDate } from './coarsen';
export { consentDecision, type ConsentDecision, type ExclusionReason } from './consent';
export {
  adjustMarksForEdit,
  marksMatchText,
  readSpanMarks,
  removePassages,
  type Passages,
  type SpanMark,
  type SpanMarks,
  type StoredSpanMark,
} from './spans';
export {
  redactForProfile,
  type ExcludedRecord,
  type PersonLabel,
  type RedactedRecord,
  type RedactedSet,
  type RedactedSpecial,
  type RedactionInput,
  type RedactionOptions,
  type RedactionSummary,
  type RemovedValue,
} from './redact';
export {
  describeFinding,
  distinctFindings,
  findLeaks,
  findLeaksInPages,
  foldForLeaks,
  leakNeedles,
  LeakHaystack,
  type LeakFinding,
  type LeakHow,
  type LeakNeedles,
  type LeakSource,
} from './leaks';
