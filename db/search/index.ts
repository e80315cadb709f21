export { VaultSearch, searchStateName, type SearchProgress } from './vaultSearch';
