export { createElectronPdfPrinter } from './electronPdfPrinter';
export {
  reportContentSecurityPolicy,
  reportPartition,
  reportScheme,
  reportSchemePrivileges,
  reportWindowPreferences,
} from './reportWindow';
