import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { recordId, termOf, text, timestamp } from './fieldTypes';
import { confidential, publicField, restricted, secret } from './sensitivity';

export const sourceRecordType = 'source';

export const sourceKinds = [
  'document',
  'photo',
  'audio',
  'video',
  'testimony',
  'press',
  'court_record',
  'official_statement',
  'social_media',
  'other',
] as const;

export const custodyActions = ['acquired', 'copied', 'transferred', 'verified', 'other'] as const;

export type SourceKind = (typeof sourceKinds)[number];

/** One step in the chain of custody (Berkeley Protocol): who held the item, when, and why. */
const custodyStepSchema = z.strictObject({
  at: timestamp(),
  by: text(300),
  action: z.enum(custodyActions),
  note: text().optional(),
});

/** Where a piece of information came from, and how far it can be trusted. */
export const sourceSchema = z.strictObject({
  kind: publicField(z.enum(sourceKinds)),
  title: confidential(text(500)),
  // Who obtained it and how: exactly what an adversary would want to know about a source.
  obtainedBy: secret(text(300)).optional(),
  obtainedOn: restricted(fuzzyDateSchema).optional(),
  how: secret(text()).optional(),
  reliability: restricted(termOf('source-reliability')).optional(),
  note: confidential(text()).optional(),
  // Records this source substantiates, of any type.
  about: restricted(z.array(recordId())).optional(),
  // SHA-256 of the item as acquired, so a later copy can be shown to be the same.
  sha256: restricted(
    z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits'),
  ).optional(),
  custody: confidential(z.array(custodyStepSchema)).optional(),
});

export type Source = z.infer<typeof sourceSchema>;
