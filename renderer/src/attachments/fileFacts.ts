import type { TFunction } from 'i18next';

import { currentLanguage } from '../i18n';

/** "812 bytes", "3.4 MiB": binary units, as the file's size on disk is counted. */
export function formatSize(t: TFunction, size: number): string {
  const number = (value: number) =>
    new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 1 }).format(value);
  if (size < 1024) return t('attachments.bytes', { count: size });
  if (size < 1024 ** 2) return t('attachments.kib', { value: number(size / 1024) });
  if (size < 1024 ** 3) return t('attachments.mib', { value: number(size / 1024 ** 2) });
  return t('attachments.gib', { value: number(size / 1024 ** 3) });
}

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** The first 12 hex digits: enough to tell files apart by eye; the copy button gives all 64. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export type PreviewKind = 'image' | 'pdf' | 'audio' | null;

/** What the page can show in memory; anything else is saved as a copy instead. */
export function previewKind(mediaType: string): PreviewKind {
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'].includes(mediaType))
    return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('audio/')) return 'audio';
  return null;
}

/** Images the export can re-encode (db/images): what offers "Export for a report". */
export function isExportableImage(mediaType: string): boolean {
  return [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'image/avif',
    'image/tiff',
  ].includes(mediaType);
}
