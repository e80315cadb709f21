import { z } from 'zod';
import { VaultError } from '../errors';
import type { Vault } from '../vault/vault';
import {
  defaultExportProfiles,
  exportProfileSchema,
  type ExportProfile,
} from '../../shared/redaction';

/** The sealed setting that holds the organisation's edited profiles (docs/vault-format.md). */
export const reportProfilesSetting = 'report-profiles';

const storedSchema = z.strictObject({
  version: z.literal(1),
  profiles: z.array(exportProfileSchema).max(100),
});

/**
 * The profiles reports are made with: each shipped profile as the organisation edited it (or as
 * shipped), then the organisation's own, in the order saved. Stored profiles are checked again
 * on reading: a profile that does not parse is refused rather than half-applied.
 */
export function readReportProfiles(vault: Vault): {
  profiles: ExportProfile[];
  edited: string[];
} {
  const stored = readStored(vault);
  const byId = new Map(stored.map((profile) => [profile.id, profile]));
  const profiles = defaultExportProfiles.map((profile) => byId.get(profile.id) ?? profile);
  for (const profile of stored) {
    if (!defaultExportProfiles.some((shipped) => shipped.id === profile.id)) profiles.push(profile);
  }
  return { profiles, edited: stored.map((profile) => profile.id) };
}

/** Saves one profile (new, or replacing the one with its id). */
export function saveReportProfile(vault: Vault, profile: unknown): void {
  const parsed = exportProfileSchema.safeParse(profile);
  if (!parsed.success) {
    throw new VaultError(
      'invalid_input',
      `The profile was not saved: ${parsed.error.issues
        .map((issue) => issue.path.map(String).join('.') || 'the profile')
        .join(', ')} must be corrected.`,
    );
  }
  const stored = readStored(vault).filter((p) => p.id !== parsed.data.id);
  writeStored(vault, [...stored, parsed.data as ExportProfile]);
}

/** Forgets the organisation's version: a shipped profile is as shipped again, an own one goes. */
export function resetReportProfile(vault: Vault, id: string): void {
  let stored: ExportProfile[];
  try {
    stored = readStored(vault);
  } catch {
    // Unreadable profiles are of no use to anyone: a reset starts from the shipped ones.
    stored = [];
  }
  writeStored(
    vault,
    stored.filter((profile) => profile.id !== id),
  );
}

function readStored(vault: Vault): ExportProfile[] {
  const bytes = vault.readSetting(reportProfilesSetting);
  if (!bytes) return [];
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    throw new VaultError(
      'database_damaged',
      'The saved report profiles cannot be read. Reset them in Reports → Profiles, or restore the vault from a backup.',
    );
  }
  return parsed.data.profiles as ExportProfile[];
}

function writeStored(vault: Vault, profiles: readonly ExportProfile[]): void {
  vault.writeSetting(
    reportProfilesSetting,
    Buffer.from(JSON.stringify({ version: 1, profiles }), 'utf8'),
  );
}
