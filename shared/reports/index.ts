export {
  reportFormat,
  reportKinds,
  type Block,
  type FieldRow,
  type FigureRow,
  type FigureValue,
  type Inline,
  type ReportDocument,
  type ReportKind,
  type Section,
} from './document';
export {
  isReportLanguage,
  reportLabel,
  reportLabels,
  reportLanguages,
  type ReportLabelKey,
  type ReportLabels,
  type ReportLanguage,
} from './labels';
export { calendarDateText, fuzzyDateText } from './dateText';
export { escapeHtml, directionOf, renderInlines } from './inlineHtml';
export { renderReportHtml, reportWording, type RenderOptions } from './html';
export { reportStyleSheet, reportFontFamily } from './styles';
export {
  htmlToText,
  reportText,
  type ReportText,
  type TextBlock,
  type TextSection,
} from './reportText';
export { reportCsv } from './reportCsv';
export {
  prepareReport,
  preparedReportHtml,
  reportRequestProblem,
  ReportRequestError,
  vocabulariesOf,
  type PrepareInput,
  type PreparedReport,
  type ReportRequest,
} from './prepare';
export { caseScope, listScope, personScope, RecordSet, unionScope, type Scope } from './scope';
export { buildCaseReport, buildPersonDossier } from './caseReports';
export { buildMonitoringReview } from './monitoringReview';
export { buildWgadCommunication } from './wgadCommunication';
