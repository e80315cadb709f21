import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import { isModelRecordType } from '../../../shared/model';

const leakKinds = ['name', 'name-variant', 'text', 'passage'] as const;

/**
 * A blocked export: which record and field still hold what the profile removes, in the UI's
 * language. The main process sends `type/record/field/how` per finding, never the value.
 */
export function LeakList({ error }: { error: CasebookError }) {
  const { t } = useTranslation();
  const findings = (error.fields ?? []).flatMap(({ path }) => {
    const [type, record, field, how] = path.split('/');
    if (!type || !record || !field || !how) return [];
    return [
      t('reports.leakField', {
        // Only record types of reports reach here (no attachment or custody entry is printed).
        type: isModelRecordType(type) ? t(`recordTypes.${type as 'person'}`) : type,
        record,
        field,
        how: (leakKinds as readonly string[]).includes(how)
          ? t(`reports.leakHow.${how as (typeof leakKinds)[number]}`)
          : how,
      }),
    ];
  });
  return (
    <div className="message message-error report-leaks" role="alert">
      <p>{t('reports.leakTitle')}</p>
      <ul>
        {[...new Set(findings)].map((finding) => (
          <li key={finding}>{finding}</li>
        ))}
      </ul>
      <p>{t('reports.leakAdvice')}</p>
    </div>
  );
}
