export {
  VaultSearch,
  searchStateName,
  type RecordFollower,
  type SearchProgress,
} from './vaultSearch';
