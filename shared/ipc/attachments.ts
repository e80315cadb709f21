import { z } from 'zod';

import { fuzzyDateSchema } from '../dates';
import { recordIdPattern } from '../records';

/**
 * The evidence-file channels' shapes (docs/attachments.md). Bytes cross as base64: the app's
 * IPC could carry a Uint8Array, but the e2e harness's page binding carries JSON only, and the
 * contract is the same for both.
 */

const recordIdSchema = z.string().regex(recordIdPattern);
export const fileIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** Largest file shown in the app, decrypted in memory; larger ones are saved as a copy. */
export const maxPreviewBytes = 32 * 1024 * 1024;

export const acquisitionInputSchema = z.strictObject({
  obtainedBy: z.string().max(300).optional(),
  obtainedOn: fuzzyDateSchema.optional(),
  method: z.string().max(10_000).optional(),
  from: z.string().max(300).optional(),
});

export const evidenceFileSchema = z.object({
  fileId: fileIdSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
  addedAt: z.string(),
  acquisition: z.object({
    obtainedBy: z.string().optional(),
    obtainedOn: fuzzyDateSchema.optional(),
    method: z.string().optional(),
    from: z.string().optional(),
  }),
  /** Other files in the vault with the same SHA-256, with the record each belongs to. */
  duplicates: z.array(z.object({ fileId: fileIdSchema, recordId: recordIdSchema })),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const custodyEntryValueSchema = z.object({
  index: z.number().int().nonnegative(),
  action: z.enum(['intake', 'export', 'bundle', 'import', 'other']),
  at: z.string(),
  by: z.string().optional(),
  purpose: z.string().optional(),
  sha256: sha256Schema,
});
export type CustodyEntryValue = z.infer<typeof custodyEntryValueSchema>;

export const verifyProblemKinds = [
  'missing_key',
  'missing_body',
  'damaged',
  'hash_mismatch',
  'custody_broken',
  'orphan_key',
  'orphan_body',
] as const;

export const custodyViewSchema = z.object({
  entries: z.array(custodyEntryValueSchema),
  /** Empty when the chain is intact; else one English sentence each, shown under a heading. */
  problems: z.array(z.string().max(1_000)).max(100),
});

export const verifyResultSchema = z.object({
  checked: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  problems: z
    .array(z.object({ fileId: fileIdSchema, kind: z.enum(verifyProblemKinds) }))
    .max(10_000),
});

export const blackOutRegionSchema = z.strictObject({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type BlackOutRegionValue = z.infer<typeof blackOutRegionSchema>;

export const savedCopySchema = z.object({
  saved: z.boolean(),
  /** The file's name (not its folder), to say where it went. */
  fileName: z.string().max(500).optional(),
});

export const purposeSchema = z.string().max(1_000).optional();
