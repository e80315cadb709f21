import type { ExportProfile } from '../../../shared/redaction';

/** A profile's name in the UI's language, else in English (the one language it must have). */
export function profileLabel(profile: ExportProfile, language: string): string {
  const labels = profile.labels as Readonly<Record<string, string | undefined>>;
  return labels[language] ?? profile.labels.en;
}
