import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import type { CasebookError } from '../../../shared/errors';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { minPassphraseLength, passphraseLength, passphraseStrength } from '../passphrase';
import { useApp } from '../store';

const newVaultSchema = z
  .object({
    passphrase: z
      .string()
      .refine((value) => passphraseLength(value) >= minPassphraseLength, 'create.tooShort'),
    repeat: z.string(),
  })
  .refine((values) => values.passphrase === values.repeat, {
    path: ['repeat'],
    message: 'create.mismatch',
  });

type NewVault = z.infer<typeof newVaultSchema>;

/** First run: create a vault (the usual case), or open one that exists elsewhere. */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const showUnlock = useApp((state) => state.showUnlock);
  return (
    <div className="screen screen-narrow">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.intro')}</p>

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">{t('welcome.createHeading')}</h2>
        <CreateVaultForm />
      </section>

      <section className="panel panel-quiet" aria-labelledby="open-heading">
        <h2 id="open-heading">{t('welcome.openHeading')}</h2>
        <p>{t('welcome.openIntro')}</p>
        <button
          type="button"
          className="button"
          onClick={async () => {
            const chosen = await api().vault.chooseFolder({ purpose: 'open' });
            if (chosen.ok && chosen.value.folder) showUnlock(chosen.value.folder);
          }}
        >
          {t('welcome.openButton')}
        </button>
      </section>
    </div>
  );
}

function CreateVaultForm() {
  const { t } = useTranslation();
  const ids = {
    folder: useId(),
    passphrase: useId(),
    repeat: useId(),
    show: useId(),
    hint: useId(),
    strength: useId(),
  };
  const defaultFolder = useApp((state) => state.defaultFolder);
  const created = useApp((state) => state.created);
  const [folder, setFolder] = useState(defaultFolder);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<CasebookError | null>(null);
  const form = useForm<NewVault>({
    resolver: zodResolver(newVaultSchema),
    defaultValues: { passphrase: '', repeat: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const strength = passphraseStrength(form.watch('passphrase'));

  const submit = form.handleSubmit(
    async ({ passphrase }) => {
      setError(null);
      const result = await api().vault.create({ folder, passphrase });
      if (result.ok) created(folder, result.value.recoveryCode);
      else {
        setError(result.error);
        form.setFocus('passphrase', { shouldSelect: true });
      }
    },
    () => setError(null),
  );

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.folder}>{t('create.folderLabel')}</label>
        <div className="folder-row">
          <input id={ids.folder} className="path" type="text" readOnly value={folder} dir="auto" />
          <button
            type="button"
            className="button"
            onClick={async () => {
              const chosen = await api().vault.chooseFolder({ purpose: 'create' });
              if (chosen.ok && chosen.value.folder) setFolder(chosen.value.folder);
            }}
          >
            {t('create.chooseFolder')}
          </button>
        </div>
      </div>

      <div className="field">
        <label htmlFor={ids.passphrase}>{t('create.passphraseLabel')}</label>
        <p className="hint" id={ids.hint}>
          {t('create.passphraseHint')}
        </p>
        <input
          id={ids.passphrase}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          autoFocus
          spellCheck={false}
          aria-invalid={errors.passphrase ? true : undefined}
          aria-describedby={describedBy(
            ids.hint,
            ids.strength,
            errors.passphrase && `${ids.passphrase}-error`,
          )}
          {...form.register('passphrase')}
        />
        <div className={`strength strength-${strength}`} aria-hidden="true">
          <span />
          <span />
          <span />
          <span />
        </div>
        <p className="hint" id={ids.strength} aria-live="polite">
          {t('create.strengthLabel')} {t(`create.strength.${strength}`)}
        </p>
        <FieldError id={`${ids.passphrase}-error`} message={errors.passphrase?.message} />
      </div>

      <div className="field">
        <label htmlFor={ids.repeat}>{t('create.repeatLabel')}</label>
        <input
          id={ids.repeat}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={describedBy(errors.repeat && `${ids.repeat}-error`) || undefined}
          {...form.register('repeat')}
        />
        <FieldError id={`${ids.repeat}-error`} message={errors.repeat?.message} />
      </div>

      <div className="field field-check">
        <input
          id={ids.show}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={ids.show}>{t('create.showPassphrase')}</label>
      </div>

      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('create.submit')}
        </button>
        {isSubmitting ? (
          <p className="status" role="status">
            {t('create.creating')}
          </p>
        ) : null}
      </div>
    </form>
  );
}
