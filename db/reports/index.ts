export { chromiumArgs, findChromium, systemChromiumPaths } from './chromium';
export { launchChromiumPdfPrinter, pdfOptions } from './chromiumPdfPrinter';
export {
  reportFontFaceCss,
  reportFontFiles,
  reportFontLicences,
  type ReportFontFile,
} from './fonts';
export { checkPdfForLeaks, checkTextForLeaks, type PdfLeakCheck } from './leakCheck';
export { PdfMetadataError, pdfInfoDictionary, scrubPdfMetadata } from './pdfMetadata';
export type { PdfPrinter } from './pdfPrinter';
export { pdfRawContent, type PdfRawContent } from './pdfText';
export { pdfPageTexts } from './pdfTextReaders';
export {
  createReportService,
  exportFormats,
  renderReport,
  reportHtml,
  writeReportFile,
  type ExportFormat,
  type RenderedReport,
  type ReportExportResult,
  type ReportPreview,
  type ReportProgress,
  type ReportService,
  type ReportServiceDeps,
} from './reportExport';
export {
  readReportProfiles,
  reportProfilesSetting,
  resetReportProfile,
  saveReportProfile,
} from './storedProfiles';
