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
 * The plaintext of a bundle, version 2 (docs/bundle.md): JSON Lines, a manifest first, one
 * line per revision, then each evidence file (a blob line and the parts of its bytes), and a
 * last line that counts the revisions, hashes every byte before it and signs the hash. Each
 * line ends with "\n". Version 1 is version 2 without evidence files; both are read.
 */
export const bundleFormat = 'casebook-bundle';
export const bundleVersion = 2;
/** Each part line carries this many bytes of a file (the last part fewer), in base64. */
export const partBytes = 1024 * 1024;
/** At most this many evidence files in one bundle. */
export const maxAttachmentsPerBundle = 10_000_000;

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

const manifestV1Schema = z
  .object({
    kind: z.literal('manifest'),
    format: z.literal(bundleFormat),
    version: z.literal(1),
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

const manifestV2Schema = manifestV1Schema
  .extend({
    version: z.literal(2),
    attachments: z.number().int().min(0).max(maxAttachmentsPerBundle),
    attachmentBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
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

const blobSchema = z
  .object({
    kind: z.literal('blob'),
    file: hex(16),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256: hex(32),
  })
  .strict();

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);

const partSchema = z.object({ kind: z.literal('part'), file: hex(16), data: base64 }).strict();

const endSchema = z
  .object({
    kind: z.literal('end'),
    revisions: count,
    sha256: hex(32),
    signature: hex(64),
  })
  .strict();

/** Version 1 has no evidence files: its manifest has no `attachments` nor `attachmentBytes`. */
export type Manifest = Omit<z.infer<typeof manifestV1Schema>, 'version'> & {
  readonly version: 1 | 2;
  readonly attachments?: number;
  readonly attachmentBytes?: number;
};
/** One evidence file: its bytes follow in `ceil(size / partBytes)` part lines. */
export type BlobLine = z.infer<typeof blobSchema>;
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
  const parsed = (object?.version === 1 ? manifestV1Schema : manifestV2Schema).safeParse(value);
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

export function parseBlobLine(value: unknown, line: number): BlobLine {
  const parsed = blobSchema.safeParse(value);
  if (!parsed.success) refuse(line, parsed.error);
  return parsed.data;
}

/** The bytes of one part line of `file`, which must hold exactly `expected` of them. */
export function parsePartLine(
  value: unknown,
  line: number,
  file: string,
  expected: number,
): Buffer {
  const parsed = partSchema.safeParse(value);
  if (!parsed.success) refuse(line, parsed.error);
  if (parsed.data.file !== file) {
    throw new BundleError(
      'malformed',
      `The bundle is malformed: line ${line} holds bytes of file ${parsed.data.file} where those of ${file} go.`,
    );
  }
  const bytes = Buffer.from(parsed.data.data, 'base64');
  if (bytes.length !== expected) {
    throw new BundleError(
      'malformed',
      `The bundle is malformed: line ${line} holds ${bytes.length} bytes of file ${file}, not ${expected}.`,
    );
  }
  return bytes;
}

/** How many part lines a file of `size` bytes takes: none for an empty file. */
export const partsOf = (size: number) => Math.ceil(size / partBytes);

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

export const blobLine = (blob: BlobLine) => JSON.stringify(blob) + '\n';

export const partLine = (file: string, bytes: Uint8Array) =>
  `{"kind":"part","file":"${file}","data":"${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64')}"}\n`;

export const endLine = (end: EndLine) => JSON.stringify(end) + '\n';
