import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { dateOfParts, noDate, type DateParts } from '../forms/fuzzyDateParts';
import { api } from '../api';
import { TaskProgress, useTask } from '../tasks';

export interface Attached {
  readonly name: string;
  readonly duplicates: number;
}

/**
 * The facts of how a chosen file came to the documenter (Berkeley Protocol: who obtained it,
 * when, how, from whom), then the attach itself with progress and Cancel: a large recording
 * takes a while to hash and encrypt.
 */
export function AttachForm({
  recordId,
  file,
  name,
  onDone,
  onCancel,
}: {
  recordId: string;
  file: string;
  name: string;
  onDone: (attached: Attached) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const task = useTask();
  const [obtainedBy, setObtainedBy] = useState('');
  const [obtainedOn, setObtainedOn] = useState<DateParts>(noDate);
  const [method, setMethod] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<CasebookError | null>(null);

  const attach = async () => {
    setError(null);
    const date = dateOfParts(obtainedOn, undefined);
    const acquisition = {
      ...(obtainedBy.trim() ? { obtainedBy: obtainedBy.trim() } : {}),
      ...(date ? { obtainedOn: date } : {}),
      ...(method.trim() ? { method: method.trim() } : {}),
      ...(from.trim() ? { from: from.trim() } : {}),
    };
    const result = await task.run((taskId) =>
      api().attachments.attach({ recordId, file, acquisition, taskId }),
    );
    if (result.ok) onDone({ name, duplicates: result.value.duplicates });
    else setError(result.error);
  };

  return (
    <section className="attach-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} dir="auto">
        {t('attachments.attachHeading', { name })}
      </h3>
      <p className="hint">{t('attachments.acquisitionHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-by`}>{t('attachments.obtainedBy')}</label>
        <input
          id={`${id}-by`}
          type="text"
          dir="auto"
          value={obtainedBy}
          maxLength={300}
          onChange={(event) => setObtainedBy(event.target.value)}
        />
      </div>
      <DatePrecisionInput
        legend={t('attachments.obtainedOn')}
        value={obtainedOn}
        onChange={setObtainedOn}
      />
      <div className="field">
        <label htmlFor={`${id}-method`}>{t('attachments.method')}</label>
        <textarea
          id={`${id}-method`}
          dir="auto"
          rows={2}
          value={method}
          onChange={(event) => setMethod(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('attachments.from')}</label>
        <input
          id={`${id}-from`}
          type="text"
          dir="auto"
          value={from}
          maxLength={300}
          onChange={(event) => setFrom(event.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <TaskProgress task={task} />
      {task.running ? null : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => void attach()}>
            {t('attachments.attachNow')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
