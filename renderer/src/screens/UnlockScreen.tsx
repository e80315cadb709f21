import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { LockReason } from '../../../shared/ipc/contract';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { useApp } from '../store';
import { TaskProgress, useTask } from '../tasks';

const notices = {
  idle: 'unlock.lockedIdle',
  system: 'unlock.lockedSystem',
  failure: 'unlock.lockedFailure',
} as const;

export function UnlockScreen({ folder, notice }: { folder: string; notice: LockReason | null }) {
  const { t } = useTranslation();
  const ids = { folder: useId(), secret: useId(), error: useId() };
  const unlocked = useApp((state) => state.unlocked);
  const showUnlock = useApp((state) => state.showUnlock);
  const showWelcome = useApp((state) => state.showWelcome);
  const [error, setError] = useState<CasebookError | null>(null);
  const form = useForm<{ secret: string }>({ defaultValues: { secret: '' } });
  const { errors, isSubmitting } = form.formState;
  // Argon2id, then the search index brought up to date: stages and progress, and Cancel.
  const task = useTask();

  const submit = form.handleSubmit(async ({ secret }) => {
    setError(null);
    const result = await task.run((taskId) => api().vault.unlock({ folder, secret, taskId }));
    if (result.ok) {
      unlocked(folder);
      return;
    }
    setError(result.error);
    // Back to the field, its text selected: typing again replaces it.
    form.setFocus('secret', { shouldSelect: true });
  });

  return (
    <div className="screen screen-narrow">
      <h1>{t('unlock.title')}</h1>
      {notice && notice !== 'user' ? (
        <p className="message message-info" role="status">
          {t(notices[notice])}
        </p>
      ) : null}
      <form className="panel" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.folder}>{t('unlock.folder')}</label>
          <input id={ids.folder} className="path" type="text" readOnly value={folder} dir="auto" />
        </div>
        <div className="field">
          <label htmlFor={ids.secret}>{t('unlock.secretLabel')}</label>
          <input
            id={ids.secret}
            type="password"
            autoComplete="current-password"
            autoFocus
            spellCheck={false}
            aria-invalid={error || errors.secret ? true : undefined}
            aria-describedby={
              describedBy(error && ids.error, errors.secret && `${ids.secret}-error`) || undefined
            }
            {...form.register('secret', { required: 'unlock.empty' })}
          />
          <FieldError id={`${ids.secret}-error`} message={errors.secret?.message} />
        </div>
        <ErrorMessage error={error} id={ids.error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t('unlock.submit')}
          </button>
        </div>
        <TaskProgress task={task} />
      </form>
      <div className="secondary-actions">
        <button
          type="button"
          className="button button-link"
          onClick={async () => {
            const chosen = await api().vault.chooseFolder({ purpose: 'open' });
            if (chosen.ok && chosen.value.folder) {
              setError(null);
              form.reset();
              showUnlock(chosen.value.folder);
            }
          }}
        >
          {t('unlock.openOther')}
        </button>
        <button type="button" className="button button-link" onClick={showWelcome}>
          {t('unlock.createNew')}
        </button>
      </div>
    </div>
  );
}
