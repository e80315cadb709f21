import { useTranslation } from 'react-i18next';

/**
 * The report's own HTML, as it will be printed, in a frame of its own.
 *
 * Why a sandboxed `srcdoc` frame: the page's CSP (`default-src 'none'`, no frame-src) refuses
 * every framed URL, blob: included, but a srcdoc document is not fetched, and it inherits the
 * page's CSP: no script, no network, styles only from the app's own files. The sandbox adds
 * that nothing in it may run (no `allow-scripts`), submit, navigate or open windows, whatever
 * the HTML holds. `allow-same-origin` is needed for the frame to load the report's stylesheet
 * (report-preview.css, beside the page: the CSP forbids the report's inline one); without
 * scripts, nothing in the frame can use that origin. The report HTML itself has no script and
 * every value in it is escaped (shared/reports/html.ts).
 */
export function ReportPreviewFrame({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <iframe
      className="report-preview"
      title={t('reports.previewFrame')}
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={html}
    />
  );
}
