import { z } from 'zod';

import { vaultErrorCodes } from '../errors';
import { languages } from '../i18n/languages';
import { modelRecordTypes } from '../model/recordTypes';
import { recordIdPattern, recordTypePattern, revisionIdPattern } from '../records';
import { conflictListSchema, conflictResolveSchema } from './conflicts';

/**
 * The one IPC contract between the renderer and the vault: channel name -> schema of the
 * arguments and of the result. The Electron app (ipcMain / ipcRenderer) and the Chromium e2e
 * harness (page.exposeBinding) carry the same calls; only the transport differs.
 *
 * Arguments are strict objects: a key the contract does not know is a bug in the caller, or a
 * caller not to trust. Results are plain objects, so a key a service returns by mistake (a key,
 * a path) is stripped at the boundary instead of reaching the page.
 */

/** A folder the user chose. Never empty, never with NUL (which would cut the path short in C). */
const folderSchema = z
  .string()
  .min(1)
  .max(4_096)
  .refine((value) => !value.includes('\0'));

/** What a person types to open a vault: a passphrase or a recovery code. */
const secretSchema = z.string().min(1).max(1_024);

const recordIdSchema = z.string().regex(recordIdPattern);
const recordTypeSchema = z.enum(modelRecordTypes);

/** A record body: a JSON object. Its fields are checked against the model by the vault host. */
export const recordBodySchema = z.record(z.string(), z.json());

export const autoLockMinuteChoices = [1, 2, 5, 10, 15, 30, 60] as const;
export const defaultAutoLockMinutes = 5;

export const vaultStatusSchema = z.object({
  /** none: no vault known yet (first run); locked: a vault to unlock; unlocked: open. */
  state: z.enum(['none', 'locked', 'unlocked']),
  /** The vault open now, else the one opened last. */
  folder: z.string().nullable(),
  /** Where a new vault goes unless the user chooses another folder. */
  defaultFolder: z.string(),
  autoLockMinutes: z.number().int().min(1).max(60),
});

export type VaultStatus = z.infer<typeof vaultStatusSchema>;

/** The current state of a record, decrypted: what records.get and each list row carry. */
export const recordRevisionSchema = z.object({
  id: recordIdSchema,
  type: z.string().regex(recordTypePattern),
  revision: z.string().regex(revisionIdPattern),
  parents: z.array(z.string().regex(revisionIdPattern)),
  device: z.string(),
  at: z.string(),
  deleted: z.boolean(),
  body: recordBodySchema.nullable(),
});

export type RecordRevisionValue = z.infer<typeof recordRevisionSchema>;

/**
 * One row of a list: the record, or the fact that its stored ciphertext cannot be opened. A
 * damaged record must not make the whole list unreadable.
 */
export const recordHeadSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), record: recordRevisionSchema }),
  z.object({ state: z.literal('damaged'), id: recordIdSchema }),
]);

export type RecordHead = z.infer<typeof recordHeadSchema>;

export const recordPageSchema = z.object({
  items: z.array(recordHeadSchema),
  /** How many records of the type there are in all, for the list's scroll height. */
  total: z.number().int().nonnegative(),
});

export type RecordPage = z.infer<typeof recordPageSchema>;

export const writtenRevisionSchema = z.object({
  id: recordIdSchema,
  revision: z.string().regex(revisionIdPattern),
});

export const maxPageSize = 500;

const recordWriteSchema = z.strictObject({
  type: recordTypeSchema,
  id: recordIdSchema.optional(),
  body: recordBodySchema,
});

/** Term ids and dates as the search filters take them; checked again by the index. */
const facetSchema = z.string().min(1).max(100);
const dayFilterSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const matchTiers = ['exact', 'transliterated', 'fuzzy', 'text'] as const;

export const searchHitSchema = z.object({
  id: recordIdSchema,
  type: z.string().regex(recordTypePattern),
  score: z.number().min(0).max(1),
  matched: z.enum(matchTiers),
  /** recordLabel of the record: a name or a title, shown as text. */
  label: z.string(),
});

export type SearchHitValue = z.infer<typeof searchHitSchema>;

export const duplicateCandidateSchema = z.object({
  id: recordIdSchema,
  score: z.number().min(0).max(2),
  label: z.string(),
});

export type DuplicateCandidateValue = z.infer<typeof duplicateCandidateSchema>;

export const vocabularyValueSchema = z.object({
  name: z.string(),
  terms: z.array(
    z.object({
      id: z.string(),
      labels: z.object({
        en: z.string(),
        be: z.string().optional(),
        ru: z.string().optional(),
        uk: z.string().optional(),
      }),
      parent: z.string().optional(),
      retired: z.literal(true).optional(),
    }),
  ),
});

export type VocabularyValue = z.infer<typeof vocabularyValueSchema>;

/** How many records one putMany may write: one data-entry flow, not an import. */
export const maxRecordsPerWrite = 20;

const noArguments = z.strictObject({});
const nothing = z.object({});

function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result } as const;
}

export const contract = {
  'vault.status': channel(noArguments, vaultStatusSchema),
  /** Shows the system's folder dialog; null when the user cancels. */
  'vault.chooseFolder': channel(
    z.strictObject({ purpose: z.enum(['create', 'open']) }),
    z.object({ folder: z.string().nullable() }),
  ),
  /** Makes a new vault and leaves it unlocked; the recovery code is shown once, then dropped. */
  'vault.create': channel(
    z.strictObject({ folder: folderSchema, passphrase: secretSchema }),
    z.object({ recoveryCode: z.string() }),
  ),
  'vault.unlock': channel(z.strictObject({ folder: folderSchema, secret: secretSchema }), nothing),
  'vault.lock': channel(noArguments, nothing),
  'vault.setAutoLock': channel(
    z.strictObject({ minutes: z.number().int().min(1).max(60) }),
    z.object({ autoLockMinutes: z.number().int() }),
  ),
  'records.list': channel(
    z.strictObject({
      type: recordTypeSchema,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(maxPageSize),
    }),
    recordPageSchema,
  ),
  'records.get': channel(z.strictObject({ id: recordIdSchema }), recordRevisionSchema),
  'records.put': channel(recordWriteSchema, writtenRevisionSchema),
  /**
   * Several records in one vault transaction: all are checked first, then all are written, or
   * none. Records that refer to each other carry ids the caller chose.
   */
  'records.putMany': channel(
    z.strictObject({ records: z.array(recordWriteSchema).min(1).max(maxRecordsPerWrite) }),
    z.object({ written: z.array(writtenRevisionSchema) }),
  ),
  /** Records that may be the same as this one (a person under another spelling). */
  'records.duplicates': channel(
    recordWriteSchema,
    z.object({ candidates: z.array(duplicateCandidateSchema) }),
  ),
  'records.delete': channel(z.strictObject({ id: recordIdSchema }), writtenRevisionSchema),
  'records.history': channel(
    z.strictObject({ id: recordIdSchema }),
    z.object({ revisions: z.array(recordRevisionSchema) }),
  ),
  /** Records changed differently on two devices in the same fields, with every competing value. */
  'conflicts.list': channel(noArguments, conflictListSchema),
  /** Keeps the chosen values (or an edited body): one revision over all heads, checked by the model. */
  'conflicts.resolve': channel(conflictResolveSchema, writtenRevisionSchema),
  /** Ranked records whose names or text match the query, in any script; filters narrow. */
  'search.query': channel(
    z.strictObject({
      query: z.string().max(300),
      types: z.array(recordTypeSchema).max(modelRecordTypes.length).optional(),
      region: facetSchema.optional(),
      article: facetSchema.optional(),
      status: facetSchema.optional(),
      sex: facetSchema.optional(),
      from: dayFilterSchema.optional(),
      to: dayFilterSchema.optional(),
      /** A term of `case-types`: only cases of that type (other record types are dropped). */
      caseType: facetSchema.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    z.object({ hits: z.array(searchHitSchema) }),
  ),
  /**
   * The cases, in the vault's order, a page at a time, narrowed by type and by a date range
   * (cases whose date may fall in it; a case with no date is left out of a dated range).
   */
  'cases.list': channel(
    z.strictObject({
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(maxPageSize),
      caseType: facetSchema.optional(),
      from: dayFilterSchema.optional(),
      to: dayFilterSchema.optional(),
    }),
    recordPageSchema,
  ),
  /** The records of the given types that refer to a record: a person's detentions, trials ... */
  'records.referring': channel(
    z.strictObject({
      id: recordIdSchema,
      types: z.array(recordTypeSchema).min(1).max(modelRecordTypes.length),
    }),
    z.object({ items: z.array(recordHeadSchema) }),
  ),
  /** The vault's vocabularies (regions, case types ...), for pickers. */
  'vocabularies.list': channel(
    noArguments,
    z.object({ vocabularies: z.array(vocabularyValueSchema) }),
  ),
  /** The UI language, so the main process can translate its menu. */
  'app.setLanguage': channel(z.strictObject({ language: z.enum(languages) }), nothing),
  /** The user is at the keyboard: postpones the auto-lock. Sent at most every few seconds. */
  'app.activity': channel(noArguments, nothing),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What a caller passes (before parsing) and what a service receives (after). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['args']>;
export type ChannelArgs<C extends ChannelName> = z.output<Contract[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.output<Contract[C]['result']>;

/** Why the vault was locked, so the unlock screen can say it. */
export const lockReasons = ['user', 'idle', 'system', 'failure'] as const;
export type LockReason = (typeof lockReasons)[number];

/** Messages from the main process to the page. */
export const events = {
  /** The vault is locked: the page must drop every record it holds and show the unlock screen. */
  'vault.locked': z.object({ reason: z.enum(lockReasons) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];

export const casebookErrorSchema = z.object({
  code: z.enum(vaultErrorCodes),
  message: z.string().max(4_000),
  fields: z
    .array(z.object({ path: z.string().max(500), message: z.string().max(1_000) }))
    .max(500)
    .optional(),
});

/** `{ ok: true, value } | { ok: false, error }`: the envelope every call answers with. */
export function resultSchema<R extends z.ZodType>(value: R) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: casebookErrorSchema }),
  ]);
}
