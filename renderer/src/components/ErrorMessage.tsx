import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';

/**
 * An error from the vault, in the UI's language, chosen by its code. The English message that
 * came with it is not shown: the code is what the catalogs translate.
 */
export function ErrorMessage({ error, id }: { error: CasebookError | null; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="message message-error" role="alert" id={id}>
      {t(`errors.${error.code}`)}
    </p>
  );
}
