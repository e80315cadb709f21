import { z } from 'zod';

import { recordTypePattern } from '../records';

/**
 * The import channels' schemas: a records file (docs/interchange.md) or a bundle
 * (docs/bundle.md), each checked first (a dry run that writes nothing) and then imported, as
 * long tasks. A file is refused whole; the page gets the reasons as closed codes to translate,
 * never text quoted from the file.
 */

/** What is wrong with one line of a records file (docs/interchange.md, "Import"). */
export const lineProblemKinds = [
  'json',
  'notObject',
  'header',
  'type',
  'id',
  'fields',
  'extraKey',
  'field',
  'duplicate',
  'typeChange',
] as const;
export type LineProblemKind = (typeof lineProblemKinds)[number];

/** Why a bundle was refused (docs/bundle.md, "Refusals"): db/bundles' BundleProblem. */
export const bundleProblemNames = [
  'not_a_bundle',
  'damaged',
  'not_for_this_vault',
  'wrong_passphrase',
  'unsigned',
  'forged',
  'untrusted',
  'replayed',
  'oversized',
  'malformed',
  'too_new',
] as const;
export type BundleProblemName = (typeof bundleProblemNames)[number];

/** How many line problems the page is shown; the rest are counted. */
export const maxLineProblemsShown = 100;

const count = z.number().int().nonnegative();
const signingKeySchema = z.string().regex(/^[0-9a-f]{64}$/);

export const importFileKinds = ['records', 'bundle'] as const;

export const recordsImportArgsSchema = z.strictObject({
  /** As 'import.chooseFile' answered it: only a file chosen in the dialog is read. */
  file: z.string().min(1).max(4_096),
  taskId: z.uuid(),
  /** Check everything and say what would change; write nothing. */
  dryRun: z.boolean(),
});

export const recordsImportResultSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    /** false for a dry run. */
    written: z.boolean(),
    created: count,
    updated: count,
    unchanged: count,
    byType: z.array(
      z.object({
        type: z.string().regex(recordTypePattern),
        created: count,
        updated: count,
        unchanged: count,
      }),
    ),
  }),
  z.object({
    state: z.literal('refused'),
    problemCount: count,
    problems: z
      .array(
        z.object({
          line: z.number().int().positive(),
          /** `fields.names[0].value`: where in the line, as the format names it. */
          path: z.string().max(200).optional(),
          kind: z.enum(lineProblemKinds),
        }),
      )
      .max(maxLineProblemsShown),
  }),
]);
export type RecordsImportResult = z.infer<typeof recordsImportResultSchema>;

export const bundleImportArgsSchema = z.strictObject({
  file: z.string().min(1).max(4_096),
  taskId: z.uuid(),
  dryRun: z.boolean(),
  /** For a bundle sealed with a passphrase. */
  passphrase: z.string().min(1).max(1_024).optional(),
  /** A device the person compared and now trusts, for this import and from now on. */
  trustSigner: signingKeySchema.optional(),
});

export const bundleImportResultSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    written: z.boolean(),
    /** The signing device's name in this vault's trust list. */
    signer: z.string().max(200),
    revisions: count,
    added: count,
    alreadyPresent: count,
    records: count,
    /** Records with conflicting changes after the import (0 for a dry run). */
    conflicts: count,
  }),
  z.object({
    state: z.literal('refused'),
    problem: z.enum(bundleProblemNames),
    /** With `untrusted`: the key to compare with the sending device's identity. */
    signingKey: signingKeySchema.optional(),
  }),
  /** Sealed with a passphrase, and none (or an empty one) was given. */
  z.object({ state: z.literal('needsPassphrase') }),
]);
export type BundleImportResult = z.infer<typeof bundleImportResultSchema>;
