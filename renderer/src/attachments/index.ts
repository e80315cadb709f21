/** Evidence files in a record's editor (docs/attachments.md): list, attach, preview, custody, export. */
export { EvidenceFiles } from './EvidenceFiles';
