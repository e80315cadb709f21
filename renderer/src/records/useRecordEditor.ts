import { useEffect, useState } from 'react';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { parseRecord, recordErrorKind, type RecordType } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { api } from '../api';
import { fieldErrorKey } from '../components/FieldError';
import { newRecordId } from '../search';

/** Field -> catalog key of its message. Model messages are English, so they are never shown. */
export type Problems = ReadonlyMap<string, string>;

/**
 * The form field each model path belongs to, and whether it is a date: "is missing" becomes
 * "fill this in", a date the model refuses becomes the date advice, anything else "check".
 */
export function modelProblems(
  errors: readonly { path: string; message: string }[],
  fieldOf: (path: string) => string,
  dateFields: readonly string[] = [],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const error of errors) {
    const field = fieldOf(error.path.replace(/^records\[\d+\]\./, ''));
    if (out.has(field)) continue;
    const kind = recordErrorKind(error);
    out.set(
      field,
      dateFields.includes(field)
        ? 'forms.errors.date'
        : kind === 'missing' || kind === 'too_few' || kind === 'needs_other'
          ? 'forms.errors.required'
          : fieldErrorKey(error),
    );
  }
  return out;
}

/** The top-level field of a model path: `place.region` -> `place`, `charges[1]` -> `charges`. */
export const topField = (path: string) => /^[A-Za-z]+/.exec(path)?.[0] ?? 'root';

export type EditorState =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: CasebookError }
  | { readonly state: 'ready'; readonly record: RecordRevisionValue | null };

/** Loads a record for an editor (null id: a new one). */
export function useLoadedRecord(id: string | null): EditorState {
  const [loaded, setLoaded] = useState<EditorState>(
    id ? { state: 'loading' } : { state: 'ready', record: null },
  );
  useEffect(() => {
    if (!id) return;
    let live = true;
    void api()
      .records.get({ id })
      .then((result) => {
        if (!live) return;
        setLoaded(
          result.ok
            ? { state: 'ready', record: result.value }
            : { state: 'failed', error: result.error },
        );
      });
    return () => {
      live = false;
    };
  }, [id]);
  return loaded;
}

export type SaveOutcome =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly problems: Problems; readonly error: CasebookError | null };

/**
 * Checks a body with the model's own schema (so the editor refuses what the vault would), then
 * writes it as a new revision of `id`, or as a new record.
 */
export async function saveRecord(
  type: RecordType,
  id: string | null,
  body: JsonObject,
  fieldOf: (path: string) => string,
  dateFields: readonly string[] = [],
): Promise<SaveOutcome> {
  const parsed = parseRecord(type, body);
  if (!parsed.ok) {
    return { ok: false, problems: modelProblems(parsed.errors, fieldOf, dateFields), error: null };
  }
  const result = await api().records.put({ type, id: id ?? newRecordId(type), body });
  if (result.ok) return { ok: true, id: result.value.id };
  return {
    ok: false,
    problems: modelProblems(result.error.fields ?? [], fieldOf, dateFields),
    error: result.error,
  };
}

/** Sets or removes an optional field: absent, not empty (the model refuses empty text). */
export function setOptional(body: JsonObject, key: string, value: unknown): void {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    delete body[key];
  } else {
    body[key] = value as JsonObject;
  }
}
