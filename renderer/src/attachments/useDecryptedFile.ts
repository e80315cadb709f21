import { useEffect, useState } from 'react';

import type { EvidenceFile } from '../../../shared/ipc/attachments';
import { api } from '../api';
import { blobOfBase64, evidenceUrl, revokeEvidenceUrl } from './objectUrls';

export type Decrypted =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'url'; url: string }
  | { state: 'bytes'; bytes: Uint8Array };

/**
 * A file decrypted into memory, as a blob URL (revoked when the component goes) or, for pdf.js,
 * as bytes. `mediaType` is the caller's, from a closed list, never the stored label: no blob
 * the page makes is ever HTML. `enabled` false decrypts nothing (a file over the cap).
 */
export function useDecryptedFile(
  file: EvidenceFile,
  mediaType: string,
  as: 'url' | 'bytes',
  enabled = true,
): Decrypted {
  const [decrypted, setDecrypted] = useState<Decrypted>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let gone = false;
    setDecrypted({ state: 'loading' });
    void api()
      .attachments.read({ fileId: file.fileId })
      .then(async (result) => {
        if (gone) return;
        if (!result.ok) {
          setDecrypted({ state: 'failed' });
          return;
        }
        const blob = blobOfBase64(result.value.base64, mediaType);
        if (as === 'bytes') {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          if (!gone) setDecrypted({ state: 'bytes', bytes });
          return;
        }
        url = evidenceUrl(blob);
        setDecrypted({ state: 'url', url });
      });
    return () => {
      gone = true;
      if (url) revokeEvidenceUrl(url);
    };
  }, [file.fileId, mediaType, as, enabled]);
  return decrypted;
}
