import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { normaliseGroup, pickGroupsToCheck, recoveryGroups } from '../recoveryCode';
import { useApp } from '../store';

/**
 * The recovery code, shown once right after the vault is made, then checked: the user types
 * two of its groups back from the paper copy, so a code copied wrongly is caught while the
 * vault can still be opened with the passphrase.
 */
export function RecoveryScreen({ recoveryCode }: { recoveryCode: string }) {
  const [step, setStep] = useState<'show' | 'check'>('show');
  const groups = recoveryGroups(recoveryCode);
  const [asked] = useState(() => pickGroupsToCheck(groups.length));
  return step === 'show' ? (
    <ShowCode groups={groups} onContinue={() => setStep('check')} />
  ) : (
    <CheckCode groups={groups} asked={asked} onShowAgain={() => setStep('show')} />
  );
}

function ShowCode({ groups, onContinue }: { groups: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const [written, setWritten] = useState(false);
  return (
    <div className="screen screen-narrow">
      <h1>{t('recovery.title')}</h1>
      <p className="lead">{t('recovery.intro')}</p>
      <section className="panel" aria-label={t('recovery.codeLabel')}>
        {/* One group per item, so a screen reader reads it group by group. */}
        <ol className="recovery-code" lang="en" translate="no">
          {groups.map((group, index) => (
            <li key={index}>{group}</li>
          ))}
        </ol>
        <p className="message message-warning">{t('recovery.advice')}</p>
        <div className="field field-check">
          <input
            id={checkboxId}
            type="checkbox"
            autoFocus
            checked={written}
            onChange={(event) => setWritten(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('recovery.written')}</label>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!written}
            onClick={onContinue}
          >
            {t('common.continue')}
          </button>
        </div>
      </section>
    </div>
  );
}

function CheckCode({
  groups,
  asked,
  onShowAgain,
}: {
  groups: string[];
  asked: [number, number];
  onShowAgain: () => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const confirmed = useApp((state) => state.recoveryConfirmed);
  const [mismatch, setMismatch] = useState(false);
  const form = useForm<{ first: string; second: string }>({
    defaultValues: { first: '', second: '' },
  });
  const submit = form.handleSubmit(({ first, second }) => {
    const matches =
      normaliseGroup(first) === groups[asked[0]] && normaliseGroup(second) === groups[asked[1]];
    if (matches) confirmed();
    else {
      setMismatch(true);
      form.setFocus('first', { shouldSelect: true });
    }
  });
  const fields = [
    { name: 'first', index: asked[0] },
    { name: 'second', index: asked[1] },
  ] as const;
  return (
    <div className="screen screen-narrow">
      <h1>{t('recovery.checkTitle')}</h1>
      <p className="lead">{t('recovery.checkIntro')}</p>
      <form className="panel" onSubmit={submit} noValidate>
        <div className="group-fields">
          {fields.map(({ name, index }, position) => (
            <div className="field" key={name}>
              <label htmlFor={`${baseId}-${name}`}>
                {t('recovery.groupLabel', { number: index + 1 })}
              </label>
              <input
                id={`${baseId}-${name}`}
                className="group-input"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={6}
                autoFocus={position === 0}
                aria-invalid={mismatch ? true : undefined}
                aria-describedby={mismatch ? `${baseId}-mismatch` : undefined}
                {...form.register(name)}
              />
            </div>
          ))}
        </div>
        {mismatch ? (
          <p className="message message-error" role="alert" id={`${baseId}-mismatch`}>
            {t('recovery.mismatch')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('recovery.confirm')}
          </button>
          <button type="button" className="button" onClick={onShowAgain}>
            {t('recovery.showAgain')}
          </button>
        </div>
      </form>
    </div>
  );
}
