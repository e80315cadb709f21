export { mergeFields, pathText, valueAt, type FieldConflict, type FieldMerge } from './fieldMerge';
export { headsOf, mergeBases, type GraphNode } from './revisionGraph';
export {
  mergeRevisionId,
  mergeRevisions,
  type MergeSide,
  type RevisionConflict,
  type RevisionMerge,
} from './mergeRevisions';
