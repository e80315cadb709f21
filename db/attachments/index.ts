export {
  attachBytes,
  attachFile,
  attachmentChunks,
  attachmentInfo,
  deleteAttachment,
  extractAttachment,
  listAttachments,
  readAttachment,
  type AttachBytesOptions,
  type AttachFileOptions,
  type AttachResult,
  type AttachmentInfo,
  type ExtractOptions,
} from './attachments';
export { appendCustody, custodyLog, custodyRecordId, type CustodyStep } from './custody';
export { verifyAttachments, type VerifyProblem, type VerifyReport } from './verify';
export type { Progress } from './bodyFile';
export { BodyAdoption, appendCustodyToEach, heldBodies } from './adoptBody';
