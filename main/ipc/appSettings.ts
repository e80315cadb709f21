import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

/**
 * The app's own settings, kept outside any vault because they are needed before one is
 * unlocked. Nothing here is case data: a folder path and a number of minutes.
 */
const appSettingsSchema = z.object({
  lastVaultFolder: z.string().min(1).optional(),
  autoLockMinutes: z.number().int().min(1).max(60).optional(),
});

export type AppSettings = z.infer<typeof appSettingsSchema>;

export interface SettingsStore {
  read(): AppSettings;
  update(patch: AppSettings): void;
}

/** Settings in a JSON file. A missing or unreadable file means the defaults, never a crash. */
export function fileSettingsStore(file: string): SettingsStore {
  const read = (): AppSettings => {
    try {
      const parsed = appSettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  return {
    read,
    update(patch) {
      const next = { ...read(), ...patch };
      mkdirSync(path.dirname(file), { recursive: true });
      // Written beside and renamed over, so a crash leaves the old file or the new, not half.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
      renameSync(temporary, file);
    },
  };
}
