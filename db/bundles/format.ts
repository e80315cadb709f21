import { z } from 'zod';
import {
  recordIdPattern,
  recordTypePattern,
  revisionIdPattern,
  type JsonObject,
  type RecordRevision,
} from '../../shared/records';
import { ageRecipientPattern } from '../identity/age';
import { maxBodyBytes } from '../vault/vault';
import { BundleError } from './bundleError';

/**
 * The plaintext of a bundle, version 1 (docs/bundle.md): JSON Lines, a manifest first, one
 * line per revision, and a last line that counts them, hashes every byte before it and signs
 * the hash. Each line ends with "\n".
 */
export const bundleFormat = 'casebook-bundle';
export const bundleVersion = 1;

/** A revision's body is at most 8 MiB; its line adds the clear fields and JSON escaping room. */
export const maxLineBytes = maxBodyBytes + 64 * 1024;
export const maxRevisionsPerBundle = 50_000_000;
export const maxParents = 64;
/** Larger files are refused before anything is decrypted. */
export const defaultMaxBundleBytes = 64 * 1024 ** 3;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((text) => !Number.isNaN(Date.parse(text)), 'is not a real time');
const count = z.number().int().min(0).max(maxRevisionsPerBundle);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const manifestSchema = z
  .object({
    kind: z.literal('manifest'),
    format: z.literal(bundleFormat),
    version: z.literal(bundleVersion),
    bundle: hex(16),
    vault: hex(16),
    device: hex(16),
    signingKey: hex(32),
    recipient: z.string().regex(ageRecipientPattern),
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    createdAt: isoTime,
    scope: z.enum(['full', 'incremental']),
    since: seq,
    upTo: seq,
    revisions: count,
  })
  .strict();

const body = z.custom<JsonObject>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  'must be a JSON object',
);

const revisionSchema = z
  .object({
    kind: z.literal('revision'),
    record: z.string().regex(recordIdPattern),
    revision: z.string().regex(revisionIdPattern),
    type: z.string().regex(recordTypePattern),
    parents: z.array(z.string().regex(revisionIdPattern)).max(maxParents),
    device: hex(16),
    deleted: z.boolean(),
    at: isoTime,
    body: body.nullable(),
  })
  .strict()
  .refine((line) => line.deleted === (line.body === null), {
    message: 'a tombstone has a null body, and only a tombstone has',
    path: ['body'],
  })
  .refine(
    (line) =>
      new Set(line.parents).size === line.parents.length && !line.parents.includes(line.revision),
    { message: 'lists a parent twice, or itself', path: ['parents'] },
  );

const endSchema = z
  .object({
    kind: z.literal('end'),
    revisions: count,
    sha256: hex(32),
    signature: hex(64),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type EndLine = z.infer<typeof endSchema>;

function refuse(line: number, error: z.ZodError): never {
  const issue = error.issues[0]!;
  throw new BundleError(
    'malformed',
    `The bundle is malformed: line ${line}, ${issue.path.join('.') || 'the line'}: ${issue.message}.`,
  );
}

export function parseManifest(value: unknown): Manifest {
  const object = value as { format?: unknown; version?: unknown } | null;
  if (object?.format === bundleFormat && typeof object.version === 'number') {
    if (object.version > bundleVersion) {
      throw new BundleError(
        'too_new',
        `This bundle was made by a newer Casebook (bundle format ${object.version}; this one reads ${bundleVersion}). Update Casebook to import it.`,
      );
    }
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    if (object?.format !== bundleFormat) {
      throw new BundleError(
        'not_a_bundle',
        'This file opens, but what is inside is not a Casebook bundle (no manifest on its first line).',
      );
    }
    refuse(1, parsed.error);
  }
  return parsed.data;
}

export function parseRevisionLine(value: unknown, line: number): RecordRevision {
  const parsed = revisionSchema.safeParse(value);
  if (!parsed.success) refuse(line, parsed.error);
  const { record, revision, type, parents, device, deleted, at } = parsed.data;
  return { id: record, revision, type, parents, device, deleted, at, body: parsed.data.body };
}

export function parseEndLine(value: unknown, line: number): EndLine {
  const parsed = endSchema.safeParse(value);
  if (!parsed.success) {
    if ((value as { kind?: unknown }).kind === 'end') {
      const signature = (value as { signature?: unknown }).signature;
      if (signature === undefined || signature === null || signature === '') {
        throw new BundleError(
          'unsigned',
          'This bundle carries no signature, so nobody can tell who made it or whether it was changed.',
        );
      }
    }
    refuse(line, parsed.error);
  }
  return parsed.data;
}

export const manifestLine = (manifest: Manifest) => JSON.stringify(manifest) + '\n';

export function revisionLine(revision: RecordRevision): string {
  return (
    JSON.stringify({
      kind: 'revision',
      record: revision.id,
      revision: revision.revision,
      type: revision.type,
      parents: revision.parents,
      device: revision.device,
      deleted: revision.deleted,
      at: revision.at,
      body: revision.body,
    }) + '\n'
  );
}

export const endLine = (end: EndLine) => JSON.stringify(end) + '\n';
