import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { recordId, text, timestamp } from './fieldTypes';
import { confidential, publicField, restricted, secret } from './sensitivity';

/**
 * Evidence files (docs/attachments.md). The file's bytes are kept encrypted beside the database;
 * these records hold what is known about them, encrypted like every other record, so they
 * travel in bundles as revisions.
 */
export const attachmentRecordType = 'attachment';
export const custodyRecordType = 'custody';

const sha256Hex = () =>
  z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits');

/** What the documenter knows of how the file came to them (Berkeley Protocol). */
const acquisitionSchema = z.strictObject({
  // Who handled evidence and who gave it are exactly what an adversary would want to know.
  obtainedBy: secret(text(300)).optional(),
  obtainedOn: restricted(fuzzyDateSchema).optional(),
  method: secret(text()).optional(),
  from: secret(text(300)).optional(),
});

export type Acquisition = z.infer<typeof acquisitionSchema>;

/** A file kept as evidence for a record. The record id is the file id of its encrypted body. */
export const attachmentSchema = z.strictObject({
  // The record (testimony, case, person, proceeding, source ...) this file is evidence for.
  recordId: restricted(recordId()),
  // The original file name often names the person or the place.
  name: confidential(text(1_000)),
  mediaType: restricted(
    z
      .string()
      .max(255)
      .regex(
        /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/,
        'must be a media type such as image/jpeg or application/pdf',
      ),
  ),
  size: restricted(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  // SHA-256 of the bytes as they were taken in: what verify and every later copy compare with.
  sha256: restricted(sha256Hex()),
  addedAt: restricted(timestamp()),
  acquisition: acquisitionSchema,
  note: confidential(text()).optional(),
});

export type Attachment = z.infer<typeof attachmentSchema>;

export const custodyEntryActions = ['intake', 'export', 'bundle', 'import', 'other'] as const;
export type CustodyEntryAction = (typeof custodyEntryActions)[number];

/**
 * One entry of a file's chain of custody: each is a revision of the file's `custody` record,
 * and names the SHA-256 of the entry before it, so a removed or altered entry shows.
 */
export const custodyEntrySchema = z.strictObject({
  fileId: restricted(recordId()),
  index: restricted(z.number().int().nonnegative()),
  action: publicField(z.enum(custodyEntryActions)),
  at: restricted(timestamp()),
  by: secret(text(300)).optional(),
  // Why the file left the vault, and for whom: as telling as who obtained it.
  purpose: secret(text()).optional(),
  // SHA-256 of the bytes at this step (on export: of the bytes written, checked against intake).
  sha256: restricted(sha256Hex()),
  // SHA-256 of the canonical JSON of the entry before this one; absent only on the intake entry.
  previous: restricted(sha256Hex()).optional(),
});

export type CustodyEntry = z.infer<typeof custodyEntrySchema>;
