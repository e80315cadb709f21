import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

import { recordErrorKind, type RecordError } from '../../../shared/model';

/** A form field's problem; `message` is a catalog key, as the form schemas give them. */
export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {t(message as ParseKeys)}
    </p>
  );
}

/** `aria-describedby` from the ids of what is on screen now (a missing id would be an error). */
export function describedBy(...ids: readonly (string | false | null | undefined)[]): string {
  return ids.filter(Boolean).join(' ');
}

/**
 * The catalog key that says a model error in the reader's language, chosen by its kind: the
 * English message that came with it is never shown.
 */
export function fieldErrorKey(error: RecordError): string {
  return `fieldErrors.${recordErrorKind(error)}`;
}
