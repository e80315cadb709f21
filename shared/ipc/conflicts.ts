import { z } from 'zod';

import { recordIdPattern, recordTypePattern, revisionIdPattern } from '../records';

/**
 * The conflicts channels' schemas (docs/bundle.md, "Merge"): records whose concurrent heads
 * changed the same fields differently, and a person's choice among the competing values.
 */

const revisionIdSchema = z.string().regex(revisionIdPattern);

/** One competing value of a field: what one head holds there, or that it removed the field. */
export const conflictValueSchema = z.object({
  revision: revisionIdSchema,
  device: z.string(),
  /** The device's name in this vault's trust list; null when it has none. */
  deviceName: z.string().nullable(),
  /** The revision was written on this computer. */
  thisDevice: z.boolean(),
  at: z.string(),
  /** The revision removed the field; `value` is then null. */
  removed: z.boolean(),
  value: z.json(),
});

export const conflictFieldSchema = z.object({
  /** As the vault and the CLI name it: `notes`, `contacts.phone`, `["odd key"]`. */
  path: z.string(),
  /** The same, one key per step: what the field labels are looked up by. */
  keys: z.array(z.string()),
  /** One per competing revision, newest first. */
  values: z.array(conflictValueSchema),
});

export const recordConflictSchema = z.object({
  id: z.string().regex(recordIdPattern),
  type: z.string().regex(recordTypePattern),
  /** recordLabel of the record as it reads now (the newest value in each conflicting field). */
  label: z.string(),
  fields: z.array(conflictFieldSchema),
});

export type ConflictValue = z.infer<typeof conflictValueSchema>;
export type ConflictField = z.infer<typeof conflictFieldSchema>;
export type RecordConflictValue = z.infer<typeof recordConflictSchema>;

export const conflictListSchema = z.object({ records: z.array(recordConflictSchema) });

/**
 * A resolution: for every conflicting field, the revision whose value to keep (the value is
 * taken from the vault, so a stale screen cannot keep a value nobody saw); or a whole body a
 * person edited. Either is written as one revision over all heads, checked like records.put.
 */
export const conflictResolveSchema = z
  .strictObject({
    id: z.string().regex(recordIdPattern),
    choices: z
      .array(z.strictObject({ path: z.string().min(1).max(500), revision: revisionIdSchema }))
      .min(1)
      .max(500)
      .optional(),
    body: z.record(z.string(), z.json()).optional(),
  })
  .refine((args) => (args.choices === undefined) !== (args.body === undefined));
