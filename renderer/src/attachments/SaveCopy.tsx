import { useTranslation } from 'react-i18next';

import type { EvidenceFile } from '../../../shared/ipc/attachments';
import { api } from '../api';
import { SaveThroughDialog } from './SaveThroughDialog';

/** "Save a copy": the original bytes, checked against the intake hash, through the save dialog. */
export function SaveCopy({
  file,
  onSaved,
}: {
  file: EvidenceFile;
  onSaved: (fileName: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="save-copy">
      <SaveThroughDialog
        label={t('attachments.saveNow')}
        save={(options) => api().attachments.saveCopy({ fileId: file.fileId, ...options })}
        onSaved={onSaved}
      />
    </div>
  );
}
