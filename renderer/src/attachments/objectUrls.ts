/**
 * Blob URLs of decrypted evidence, all of them known here so that none outlives its preview or
 * the unlocked session. A blob URL keeps the decrypted bytes reachable for as long as it is not
 * revoked; revoking each one on unmount and every one on lock is what "in memory only" means
 * for the page.
 */
const live = new Set<string>();

/** Bytes that came over IPC (base64) as a Blob; the decoded copy is wiped once the Blob has it. */
export function blobOfBase64(base64: string, mediaType: string): Blob {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const blob = new Blob([bytes], { type: mediaType });
  bytes.fill(0);
  return blob;
}

export function evidenceUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  live.add(url);
  return url;
}

export function revokeEvidenceUrl(url: string): void {
  if (!live.delete(url)) return;
  URL.revokeObjectURL(url);
}

/** On lock: whatever is still shown goes, whether or not its component has unmounted yet. */
export function revokeAllEvidenceUrls(): void {
  for (const url of [...live]) revokeEvidenceUrl(url);
}

/** How many are live: for the tests' view of the page, and nothing else. */
export function liveEvidenceUrls(): number {
  return live.size;
}
