import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { recordLabel, type RecordType } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { saveRecord, useLoadedRecord, type Problems } from './useRecordEditor';

/** How an editor turns its draft into a body, and the model's paths back into its fields. */
export interface DraftSpec<D> {
  readonly type: RecordType;
  readonly bodyOf: (draft: D, base: JsonObject | null) => JsonObject;
  readonly fieldOf: (path: string) => string;
  readonly dateFields?: readonly string[];
  /** Problems found before the model is asked (a required date left "not known"). */
  readonly precheck?: (draft: D) => Map<string, string>;
  /** A clearer catalog key for a field's problem than the generic ones. */
  readonly messageOf?: (field: string, key: string) => string;
}

/**
 * The state every small record editor keeps: the draft, its problems (catalog keys by field),
 * saving, and the props that tie an input to its label and its error.
 */
export function useDraftForm<D>(
  record: RecordRevisionValue | null,
  initial: (base: JsonObject | null) => D,
  spec: DraftSpec<D>,
  onSaved: (id: string) => void,
  savedNow: boolean,
) {
  const uid = useId();
  const base = record?.body ?? null;
  const [draft, setDraft] = useState<D>(() => initial(base));
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<CasebookError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(savedNow);
  const set = (change: Partial<D>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...change }));
  };

  const focusFirst = (found: Problems) => {
    const first = [...found.keys()][0];
    const element =
      document.getElementById(`${uid}-${first}`) ??
      document.querySelector<HTMLElement>(
        `[data-field="${uid}-${first}"] select, [data-field="${uid}-${first}"] input`,
      );
    element?.focus();
  };

  const submit = async () => {
    setError(null);
    const early = spec.precheck?.(draft) ?? new Map<string, string>();
    let outcome: Awaited<ReturnType<typeof saveRecord>>;
    if (early.size > 0) {
      outcome = { ok: false, problems: early, error: null };
    } else {
      setSaving(true);
      outcome = await saveRecord(
        spec.type,
        record?.id ?? null,
        spec.bodyOf(draft, base),
        spec.fieldOf,
        spec.dateFields,
      );
      setSaving(false);
    }
    if (!outcome.ok) {
      // A choice the model refuses because nothing was chosen is "fill this in", not "check".
      const empty = (field: string) =>
        (draft as Record<string, unknown>)[field] === '' && !field.includes('.');
      const found = new Map(
        [...outcome.problems].map(([field, key]) => {
          // An editor's own message wins over the kind of the model's (fieldErrors.*).
          const generic = key.startsWith('fieldErrors.') ? 'forms.errors.field' : key;
          const plain =
            generic === 'forms.errors.field' && empty(field) ? 'forms.errors.required' : generic;
          const chosen = spec.messageOf?.(field, plain) ?? plain;
          return [field, chosen === 'forms.errors.field' ? key : chosen];
        }),
      );
      setProblems(found);
      setError(outcome.error);
      focusFirst(found);
      return;
    }
    setProblems(new Map());
    onSaved(outcome.id);
  };

  const invalid = (field: string) => ({
    id: `${uid}-${field}`,
    'aria-invalid': problems.has(field) ? true : undefined,
    'aria-describedby': describedBy(problems.has(field) && `${uid}-${field}-error`) || undefined,
  });
  const problem = (field: string) => (
    <FieldError id={`${uid}-${field}-error`} message={problems.get(field)} />
  );
  return { uid, base, draft, set, problems, error, saving, saved, submit, invalid, problem };
}

/** A record's editor once the record is loaded (or at once for a new one). */
export function LoadedRecord({
  id,
  children,
}: {
  id: string | null;
  children: (record: RecordRevisionValue | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const loaded = useLoadedRecord(id);
  if (loaded.state === 'loading') {
    return (
      <p className="status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} />;
  return children(loaded.record);
}

/** The name of the person a record belongs to, for its heading ('' until known). */
export function usePersonLabel(personId: string | null): string {
  const [label, setLabel] = useState('');
  useEffect(() => {
    if (!personId) return;
    let live = true;
    void api()
      .records.get({ id: personId })
      .then((result) => {
        if (live && result.ok) setLabel(recordLabel(result.value));
      });
    return () => {
      live = false;
    };
  }, [personId]);
  return label;
}

/** A whole or decimal number as typed; what is not a number is passed on for the model to refuse. */
export function numberOf(value: string): number | string | undefined {
  const typed = value.trim().replace(',', '.');
  if (typed === '') return undefined;
  const parsed = Number(typed);
  return Number.isFinite(parsed) ? parsed : typed;
}

export const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
export const numberText = (value: unknown) => (typeof value === 'number' ? String(value) : '');
export const objectOf = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

/** The common linked-editor props. */
export interface LinkedEditorProps {
  /** null: a new record. */
  readonly id: string | null;
  /** The person whose page the editor was opened from. */
  readonly personId: string;
  readonly savedNow: boolean;
  readonly onHistory: (id: string) => void;
  readonly onBack: () => void;
  readonly onSaved: (id: string) => void;
}
