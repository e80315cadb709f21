export type {
  DateRange,
  MatchTier,
  SearchDocument,
  SearchFacets,
  SearchHit,
  SearchOptions,
} from './document';
export { documentFromRecord } from './documentFromRecord';
export {
  duplicateCandidates,
  duplicateThreshold,
  type DuplicateCandidate,
  type DuplicateOptions,
} from './duplicates';
export { nameKey, nameKeys, nameReadings } from './nameKey';
export { typoEdits } from './typos';
export { SearchIndex } from './searchIndex';
export { deserialise, nameKeyVersion, serialise, snapshotFormat } from './snapshot';
export { SnapshotUnusable, type SnapshotProblem } from './snapshotError';
export { foldWord } from './words';
