import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

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
