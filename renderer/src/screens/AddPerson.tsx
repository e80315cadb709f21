import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import type { CasebookError } from '../../../shared/errors';
import { api } from '../api';
import type { DuplicateCandidateValue } from '../../../shared/ipc/contract';
import { DuplicateWarning } from '../components/DuplicateWarning';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';

const newPersonSchema = z.object({
  name: z.string().refine((value) => value.trim() !== '', 'people.nameRequired'),
});

/**
 * The smallest person record there is, one name: enough to put a record through the whole
 * pipeline from the keyboard. The person editor replaces it.
 */
export function AddPerson({
  onAdded,
  onOpen,
}: {
  onAdded: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ids = { name: useId(), hint: useId(), error: useId() };
  const [error, setError] = useState<CasebookError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<readonly DuplicateCandidateValue[]>([]);
  const form = useForm<{ name: string }>({
    resolver: zodResolver(newPersonSchema),
    defaultValues: { name: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ name }) => {
    setError(null);
    setSaved(null);
    setDuplicates([]);
    const value = name.trim();
    const body = { names: [{ value }] };
    const result = await api().records.put({ type: 'person', body });
    if (!result.ok) {
      setError(result.error);
      form.setFocus('name');
      return;
    }
    form.reset();
    form.setFocus('name');
    setSaved(value);
    onAdded();
    // Saved first, then checked: a quick add is never held up, but the warning still shows.
    const found = await api().records.duplicates({ type: 'person', id: result.value.id, body });
    if (found.ok) setDuplicates(found.value.candidates);
  });

  return (
    <form
      className="panel add-person"
      onSubmit={submit}
      noValidate
      aria-labelledby={ids.name + '-heading'}
    >
      <h2 id={ids.name + '-heading'}>{t('people.addHeading')}</h2>
      <div className="field">
        <label htmlFor={ids.name}>{t('people.nameLabel')}</label>
        <div className="input-row">
          <input
            id={ids.name}
            type="text"
            autoComplete="off"
            autoFocus
            dir="auto"
            aria-invalid={errors.name || error ? true : undefined}
            aria-describedby={describedBy(
              ids.hint,
              errors.name && `${ids.name}-error`,
              error && ids.error,
            )}
            {...form.register('name')}
          />
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t('people.add')}
          </button>
        </div>
        <p className="hint" id={ids.hint}>
          {t('people.nameHint')}
        </p>
        <FieldError id={`${ids.name}-error`} message={errors.name?.message} />
      </div>
      <ErrorMessage error={error} id={ids.error} />
      <DuplicateWarning candidates={duplicates} onOpen={onOpen} />
      <p className="status" role="status">
        {isSubmitting
          ? t('people.adding')
          : saved !== null
            ? t('people.added', { name: saved })
            : ''}
      </p>
    </form>
  );
}
