import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { BundleImportResult } from '../../../shared/ipc/imports';
import { api } from '../api';
import { useConflictCount } from '../conflicts/conflictCount';
import { ErrorMessage } from '../components/ErrorMessage';
import { TaskProgress, useTask } from '../tasks';

type Ready = Extract<BundleImportResult, { state: 'ready' }>;
type Refused = Extract<BundleImportResult, { state: 'refused' }>;

interface Chosen {
  readonly file: string;
  readonly name: string;
  /** Given for a bundle sealed with a passphrase, after the check asked for it. */
  readonly passphrase?: string;
  /** A signing key the person compared and chose to trust. */
  readonly trustSigner?: string;
}

type Step =
  | { readonly name: 'start'; readonly cancelled?: boolean }
  | { readonly name: 'needsPassphrase' }
  | { readonly name: 'refused'; readonly result: Refused }
  | { readonly name: 'checked'; readonly result: Ready }
  | { readonly name: 'imported'; readonly result: Ready };

/**
 * A bundle from another device: chosen in the system's dialog, decrypted and verified in a
 * dry run that says what it would add, then merged in one transaction. A sealed bundle asks
 * for its passphrase; one from a device this vault does not trust shows the key to compare.
 * After conflicts, the conflicts screen is one button away.
 */
export function BundleImport({
  onOpenConflicts,
  onImported,
}: {
  onOpenConflicts: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const task = useTask();
  const ids = { passphrase: useId(), hint: useId(), key: useId() };
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [error, setError] = useState<CasebookError | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (step.name !== 'start' || step.cancelled) outcome.current?.focus();
  }, [step]);

  const run = async (bundle: Chosen, dryRun: boolean) => {
    setError(null);
    setChosen(bundle);
    const answer = await task.run((taskId) =>
      api().import.bundle({
        file: bundle.file,
        taskId,
        dryRun,
        ...(bundle.passphrase === undefined ? {} : { passphrase: bundle.passphrase }),
        ...(bundle.trustSigner === undefined ? {} : { trustSigner: bundle.trustSigner }),
      }),
    );
    if (!answer.ok) {
      if (answer.error.code === 'cancelled') setStep({ name: 'start', cancelled: true });
      else setError(answer.error);
      return;
    }
    const result = answer.value;
    if (result.state === 'needsPassphrase') setStep({ name: 'needsPassphrase' });
    else if (result.state === 'refused') setStep({ name: 'refused', result });
    else if (!result.written) setStep({ name: 'checked', result });
    else {
      setStep({ name: 'imported', result });
      setPassphrase('');
      void useConflictCount.getState().refresh();
      onImported();
    }
  };

  const choose = async () => {
    setError(null);
    const answer = await api().import.chooseFile({ kind: 'bundle' });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const { file, name } = answer.value;
    if (file === null) return;
    setPassphrase('');
    setStep({ name: 'start' });
    await run({ file, name: name ?? '' }, true);
  };

  const withPassphrase = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || passphrase === '') return;
    void run({ ...chosen, passphrase }, true);
  };

  const chooseButton = (label: string) => (
    <button type="button" className="button" onClick={() => void choose()} disabled={task.running}>
      {label}
    </button>
  );

  return (
    <section className="panel import-part" aria-labelledby="import-bundle-heading">
      <h2 id="import-bundle-heading">{t('importer.bundleHeading')}</h2>
      {chosen && step.name !== 'start' ? <p>{t('importer.file', { name: chosen.name })}</p> : null}
      <TaskProgress task={task} />
      <ErrorMessage error={error} />
      {task.running ? null : step.name === 'start' ? (
        <>
          {step.cancelled ? (
            <p className="message message-info" role="status">
              {t('importer.cancelled')}
            </p>
          ) : null}
          <div className="actions">{chooseButton(t('importer.chooseBundle'))}</div>
        </>
      ) : step.name === 'needsPassphrase' ? (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <form onSubmit={withPassphrase} noValidate>
            <div className="field">
              <label htmlFor={ids.passphrase}>{t('importer.bundlePassphraseLabel')}</label>
              <input
                id={ids.passphrase}
                type="password"
                autoComplete="off"
                spellCheck={false}
                aria-describedby={ids.hint}
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
              <p className="hint" id={ids.hint}>
                {t('importer.bundlePassphraseHint')}
              </p>
            </div>
            <div className="actions">
              <button type="submit" className="button button-primary">
                {t('importer.checkBundle')}
              </button>
              {chooseButton(t('importer.chooseAnother'))}
            </div>
          </form>
        </div>
      ) : step.name === 'refused' ? (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <p className="message message-error" role="alert">
            {t(`importer.bundleProblems.${step.result.problem}`)}
          </p>
          {step.result.problem === 'untrusted' && step.result.signingKey && chosen ? (
            <div className="import-trust">
              <h3>{t('importer.trustTitle')}</h3>
              <p>{t('importer.trustExplain')}</p>
              <p>
                <span id={ids.key}>{t('importer.signingKey')}</span>{' '}
                <code aria-labelledby={ids.key} className="signing-key">
                  {step.result.signingKey}
                </code>
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    const trustSigner = (step.result as Refused).signingKey!;
                    void run({ ...chosen, trustSigner }, true);
                  }}
                >
                  {t('importer.trustAndCheck')}
                </button>
              </div>
            </div>
          ) : null}
          {step.result.problem === 'wrong_passphrase' && chosen?.passphrase !== undefined ? (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => setStep({ name: 'needsPassphrase' })}
              >
                {t('importer.bundlePassphraseLabel')}
              </button>
            </div>
          ) : null}
          <div className="actions">{chooseButton(t('importer.chooseAnother'))}</div>
        </div>
      ) : step.name === 'checked' ? (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <p>
            {t('importer.bundleReady', {
              signer: step.result.signer,
              revisions: step.result.revisions,
              added: step.result.added,
              present: step.result.alreadyPresent,
            })}
          </p>
          {step.result.added === 0 ? (
            <p className="message message-info" role="status">
              {t('importer.nothingToDo')}
            </p>
          ) : null}
          <div className="actions">
            {step.result.added > 0 && chosen ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => void run(chosen, false)}
              >
                {t('importer.confirm')}
              </button>
            ) : null}
            {chooseButton(t('importer.chooseAnother'))}
          </div>
        </div>
      ) : (
        <div ref={outcome} tabIndex={-1} className="import-outcome">
          <p className="message message-info" role="status">
            {t('importer.bundleImported', {
              added: step.result.added,
              present: step.result.alreadyPresent,
              records: step.result.records,
            })}
          </p>
          {step.result.conflicts > 0 ? (
            <div className="message message-warning">
              <p>{t('importer.conflicts', { count: step.result.conflicts })}</p>
              <button type="button" className="button button-primary" onClick={onOpenConflicts}>
                {t('importer.openConflicts')}
              </button>
            </div>
          ) : null}
          <div className="actions">{chooseButton(t('importer.again'))}</div>
        </div>
      )}
    </section>
  );
}
