import { fileURLToPath } from 'node:url';

// Absolute paths into the repository, for tests that read source or config files.
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const repoPath = (relative: string): string =>
  fileURLToPath(new URL(relative, new URL('../../../', import.meta.url)));
