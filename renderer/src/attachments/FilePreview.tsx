import { useTranslation } from 'react-i18next';

import { maxPreviewBytes, type EvidenceFile } from '../../../shared/ipc/attachments';
import { formatSize, previewKind } from './fileFacts';
import { PdfPreview } from './PdfPreview';
import { useDecryptedFile } from './useDecryptedFile';

/**
 * A file decrypted into memory and shown: an image or a recording through a blob URL that is
 * revoked when the preview closes (and by the panel on lock), a PDF drawn by pdf.js. Nothing
 * is written to disk; a file over the cap is not decrypted at all.
 */
export function FilePreview({ file }: { file: EvidenceFile }) {
  const { t } = useTranslation();
  const kind = previewKind(file.mediaType);
  const tooLarge = file.size > maxPreviewBytes;
  const decrypted = useDecryptedFile(
    file,
    kind === 'pdf' ? 'application/pdf' : file.mediaType,
    kind === 'pdf' ? 'bytes' : 'url',
    kind !== null && !tooLarge,
  );

  if (kind === null) {
    return (
      <p className="message">{t('attachments.previewUnsupported', { type: file.mediaType })}</p>
    );
  }
  if (tooLarge) {
    return (
      <p className="message message-warning">
        {t('attachments.previewTooLarge', {
          size: formatSize(t, file.size),
          limit: formatSize(t, maxPreviewBytes),
        })}
      </p>
    );
  }
  if (decrypted.state === 'loading') return <p role="status">{t('attachments.previewLoading')}</p>;
  if (decrypted.state === 'failed') {
    return (
      <p className="message message-error" role="alert">
        {t('attachments.previewFailed')}
      </p>
    );
  }
  if (decrypted.state === 'bytes') return <PdfPreview bytes={decrypted.bytes} name={file.name} />;
  if (kind === 'audio') {
    return (
      <audio
        className="evidence-audio"
        controls
        preload="metadata"
        src={decrypted.url}
        aria-label={t('attachments.audioLabel', { name: file.name })}
      />
    );
  }
  return (
    <img
      className="evidence-image"
      src={decrypted.url}
      alt={t('attachments.imageAlt', { name: file.name })}
    />
  );
}
