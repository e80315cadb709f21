import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasebookError } from '../../../shared/errors';
import { EditorFrame } from '../components/EditorFrame';

/**
 * The frame of a detention, trial or testimony editor opened from a person's page: its title
 * names the person it belongs to, and its buttons follow the draft form's state.
 */
export function LinkedEditorFrame({
  title,
  person,
  recordId,
  form,
  onBack,
  onHistory,
  children,
  evidence,
}: {
  title: string;
  /** The person's name, or nothing when the record is not shown as theirs. */
  person: string | null;
  recordId: string | null;
  form: {
    submit: () => Promise<unknown>;
    saving: boolean;
    saved: boolean;
    error: CasebookError | null;
  };
  onBack: () => void;
  onHistory: (id: string) => void;
  children: ReactNode;
  evidence?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <EditorFrame
      title={
        <>
          {title}
          {person ? (
            <>
              {' — '}
              <span dir="auto">{person}</span>
            </>
          ) : null}
        </>
      }
      recordId={recordId}
      backLabel={t('common.back')}
      onBack={onBack}
      onHistory={onHistory}
      onSubmit={() => void form.submit()}
      saving={form.saving}
      saved={form.saved}
      error={form.error}
      evidence={evidence}
    >
      {children}
    </EditorFrame>
  );
}
