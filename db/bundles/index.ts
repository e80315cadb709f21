export { BundleError, isBundleError, type BundleProblem } from './bundleError';
export { exportBundle, type BundleExportOptions, type BundleExportReport } from './exportBundle';
export { importBundle, type BundleImportOptions, type BundleImportReport } from './importBundle';
export { encryptBytes, sealingOf, type BundleKey } from './ageStream';
export {
  blobLine,
  bundleFormat,
  bundleVersion,
  manifestLine,
  partLine,
  revisionLine,
  type Manifest,
} from './format';
export { signedPayload } from './payload';
export { readBundleLog } from './bundleLog';
