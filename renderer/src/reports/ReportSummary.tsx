import { useTranslation } from 'react-i18next';

import type { ChannelResult } from '../../../shared/ipc/contract';
import { treatments } from '../../../shared/redaction/treatment';

type Summary = ChannelResult<'reports.preview'>['summary'];

/** What redaction did, in counts and field paths: never a value. */
export function ReportSummary({ summary, unreadable }: { summary: Summary; unreadable: number }) {
  const { t } = useTranslation();
  const reasons = new Map<string, number>();
  for (const { reason } of summary.excluded) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const fields = Object.entries(summary.fields)
    .filter(([, counts]) => Object.keys(counts).some((key) => key !== 'show'))
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="panel report-summary" aria-labelledby="report-summary-title">
      <h3 id="report-summary-title">{t('reports.summaryTitle')}</h3>
      <p>
        {t('reports.summaryValues', {
          remove: summary.values.remove ?? 0,
          pseudonymise: summary.values.pseudonymise ?? 0,
          coarsen: summary.values.coarsen ?? 0,
          show: summary.values.show ?? 0,
        })}
      </p>
      <ul>
        <li>{t('reports.summaryPassages', { total: summary.markedPassagesRemoved })}</li>
        <li>{t('reports.summaryPseudonyms', { total: summary.pseudonyms })}</li>
        <li>{t('reports.summaryAnonymous', { total: summary.anonymousTestimonies })}</li>
        <li>
          {t('reports.summaryExcluded', { total: summary.excluded.length })}
          {reasons.size > 0
            ? ` (${[...reasons]
                .map(
                  ([reason, count]) =>
                    `${t(`reports.excludedReasons.${reason as 'withdrawn'}`)}: ${count}`,
                )
                .join('; ')})`
            : null}
        </li>
        {unreadable > 0 ? <li>{t('reports.summaryUnreadable', { total: unreadable })}</li> : null}
      </ul>
      {fields.length > 0 ? (
        <details>
          <summary>{t('reports.fieldsTitle')}</summary>
          <table className="report-fields">
            <thead>
              <tr>
                <th scope="col">{t('reports.field')}</th>
                {treatments.map((treatment) => (
                  <th scope="col" key={treatment}>
                    {t(`reports.treatments.${treatment}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map(([field, counts]) => (
                <tr key={field}>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  {treatments.map((treatment) => (
                    <td key={treatment}>{counts[treatment] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
