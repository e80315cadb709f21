import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordsImportResult } from '../../../shared/ipc/imports';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TaskProgress, useTask } from '../tasks';
import { lineProblemText } from './problemText';

type Ready = Extract<RecordsImportResult, { state: 'ready' }>;
type Refused = Extract<RecordsImportResult, { state: 'refused' }>;

type Step =
  | { readonly name: 'start'; readonly cancelled?: boolean }
  | { readonly name: 'checked'; readonly file: string; readonly result: Ready }
  | { readonly name: 'refused'; readonly result: Refused }
  | { readonly name: 'imported'; readonly result: Ready };

/**
 * A records file: chosen in the system's dialog, checked whole (a dry run, with progress),
 * then what would change is shown — or every line at fault — and only a confirmed import
 * writes, in one transaction that a cancel rolls back.
 */
export function RecordsImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const task = useTask();
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  const outcome = useRef<HTMLDivElement>(null);

  // Each outcome takes the focus, so the keyboard is where the next step is and a screen
  // reader reads what happened.
  useEffect(() => {
    if (step.name !== 'start' || step.cancelled) outcome.current?.focus();
  }, [step]);

  const run = async (file: string, dryRun: boolean) => {
    setError(null);
    const answer = await task.run((taskId) => api().import.records({ file, taskId, dryRun }));
    if (!answer.ok) {
      if (answer.error.code === 'cancelled') setStep({ name: 'start', cancelled: true });
      else setError(answer.error);
      return;
    }
    const result = answer.value;
    if (result.state === 'refused') setStep({ name: 'refused', result });
    else if (result.written) {
      setStep({ name: 'imported', result });
      onImported();
    } else setStep({ name: 'checked', file, result });
  };

  const choose = async () => {
    setError(null);
    const chosen = await api().import.chooseFile({ kind: 'records' });
    if (!chosen.ok) {
      setError(chosen.error);
      return;
    }
    if (chosen.value.file === null) return;
    setFileName(chosen.value.name);
    setStep({ name: 'start' });
    await run(chosen.value.file, true);
  };

  const chooseButton = (label: string) => (
    <button type="button" className="button" onClick={() => void choose()} disabled={task.running}>
      {label}
    </button>
  );

  return (
    <section className="panel import-part" aria-labelledby="import-records-heading">
      <h2 id="import-records-heading">{t('importer.recordsHeading')}</h2>
      {fileName && step.name !== 'start' ? <p>{t('importer.file', { name: fileName })}</p> : null}
      <TaskProgress task={task} />
      <ErrorMessage error={error} />
      {task.running ? null : step.name === 'start' ? (
        <>
          {step.cancelled ? (
            <p className="message message-info" role="status">
              {t('importer.cancelled')}
            </p>
          ) : null}
          <div className="actions">{chooseButton(t('importer.chooseRecords'))}</div>
        </>
      ) : step.name === 'checked' ? (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <ImportCounts result={step.result} />
          {step.result.created + step.result.updated === 0 ? (
            <p className="message message-info" role="status">
              {t('importer.nothingToDo')}
            </p>
          ) : null}
          <div className="actions">
            {step.result.created + step.result.updated > 0 ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => void run(step.file, false)}
              >
                {t('importer.confirm')}
              </button>
            ) : null}
            {chooseButton(t('importer.chooseAnother'))}
          </div>
        </div>
      ) : step.name === 'refused' ? (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <div className="message message-error" role="alert">
            <p>
              <strong>{t('importer.refusedTitle')}</strong>
            </p>
            <p>{t('importer.refused', { count: step.result.problemCount })}</p>
          </div>
          <ol className="import-problems">
            {step.result.problems.map((problem, index) => (
              <li key={index}>{lineProblemText(t, problem)}</li>
            ))}
          </ol>
          {step.result.problemCount > step.result.problems.length ? (
            <p>
              {t('importer.moreProblems', {
                count: step.result.problemCount - step.result.problems.length,
              })}
            </p>
          ) : null}
          <div className="actions">{chooseButton(t('importer.chooseAnother'))}</div>
        </div>
      ) : (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <p className="message message-info" role="status">
            {t('importer.imported', {
              created: step.result.created,
              updated: step.result.updated,
              unchanged: step.result.unchanged,
            })}
          </p>
          <div className="actions">{chooseButton(t('importer.again'))}</div>
        </div>
      )}
    </section>
  );
}

/** What the import will change, per record type. */
function ImportCounts({ result }: { result: Ready }) {
  const { t } = useTranslation();
  return (
    <table className="import-counts">
      <caption>{t('importer.readyTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('importer.typeColumn')}</th>
          <th scope="col">{t('importer.created')}</th>
          <th scope="col">{t('importer.updated')}</th>
          <th scope="col">{t('importer.unchanged')}</th>
        </tr>
      </thead>
      <tbody>
        {result.byType.map((row) => (
          <tr key={row.type}>
            <th scope="row">
              {t(`recordTypes.${row.type as 'person'}`, { defaultValue: row.type })}
            </th>
            <td>{row.created}</td>
            <td>{row.updated}</td>
            <td>{row.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
