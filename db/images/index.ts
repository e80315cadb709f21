export {
  cleanImageForExport,
  exportImageFormats,
  imageExportLimits,
  type CleanImageOptions,
  type CleanedImage,
  type ExportImageFormat,
} from './cleanImage';
export {
  blackOutRegionProblem,
  checkBlackOutRegions,
  maxBlackOutRegions,
  parseBlackOutRegion,
  type BlackOutRegion,
} from './blackOutRegions';
export { cleanableImageFormats, recogniseImage, type CleanableImageFormat } from './imageFormat';
