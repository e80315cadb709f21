import { z } from 'zod';

import { vaultErrorCodes } from '../errors';
import { languages } from '../i18n/languages';
import { modelRecordTypes } from '../model/recordTypes';
import { recordIdPattern, recordTypePattern, revisionIdPattern } from '../records';
import { exportProfileSchema, treatments } from '../redaction';
import { reportKinds } from '../reports/document';
import { reportLanguages } from '../reports/labels';
import {
  acquisitionInputSchema,
  blackOutRegionSchema,
  custodyViewSchema,
  evidenceFileSchema,
  fileIdSchema,
  maxPreviewBytes,
  purposeSchema,
  savedCopySchema,
  verifyResultSchema,
} from './attachments';
import { conflictListSchema, conflictResolveSchema } from './conflicts';
import {
  bundleImportArgsSchema,
  bundleImportResultSchema,
  importFileKinds,
  recordsImportArgsSchema,
  recordsImportResultSchema,
} from './imports';

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

/** The record types with a list of their own besides people and cases (records.browse). */
export const browsableTypes = ['detention', 'proceeding', 'testimony', 'source'] as const;
export type BrowsableType = (typeof browsableTypes)[number];
/** A trial's stage: no verdict yet, a verdict, or an appeal heard. */
export const proceedingStages = ['awaiting_verdict', 'verdict', 'appeal'] as const;
/** A testimony's consent: none recorded, given, or given and then withdrawn. */
export const consentStates = ['none', 'given', 'withdrawn'] as const;

export const browseArgsSchema = z.strictObject({
  type: z.enum(browsableTypes),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(maxPageSize),
  query: z.string().max(300).optional(),
  /** Detentions: a facility, or a group of facilities (a term and every term under it). */
  facility: facetSchema.optional(),
  /** Trials: a charge. */
  article: facetSchema.optional(),
  /** Trials: criminal or administrative; sources: document, photo ... */
  kind: facetSchema.optional(),
  stage: z.enum(proceedingStages).optional(),
  consent: z.enum(consentStates).optional(),
  /** Sources: a term of source-reliability. */
  reliability: facetSchema.optional(),
  /** Records whose dates may fall in the range (detention: held; trial: hearings, verdict). */
  from: dayFilterSchema.optional(),
  to: dayFilterSchema.optional(),
});

export const browseRowSchema = z.object({
  head: recordHeadSchema,
  /** The label of the person the record is about (a testimony's interviewee, or its code). */
  person: z.string().nullable(),
});

export const browsePageSchema = z.object({
  items: z.array(browseRowSchema),
  total: z.number().int().nonnegative(),
});

export type BrowseRow = z.infer<typeof browseRowSchema>;
export type BrowsePage = z.infer<typeof browsePageSchema>;

/** How many records one putMany may write: one data-entry flow, not an import. */
export const maxRecordsPerWrite = 20;

const noArguments = z.strictObject({});
const nothing = z.object({});

/**
 * Long tasks (docs in main/ipc/tasks.ts): the page picks a UUID, passes it as `taskId` to a
 * long-running channel, hears `task.progress` events for it and may call `task.cancel`; the
 * channel then answers with the error code `cancelled`.
 */
export const taskIdSchema = z.uuid();

/** What a long task is doing now, a closed set so the UI can translate each (tasks.stages). */
export const taskStages = [
  /** Argon2id on the passphrase: about a second, in one step. */
  'deriveKey',
  /** The search index brought up to date with the records written since its last snapshot. */
  'indexSearch',
  /** A file read (and, for a bundle, decrypted and its signature verified). */
  'readFile',
  /** Every line or record checked against the model and the vault; nothing written yet. */
  'check',
  /** The one transaction that writes. */
  'write',
  'merge',
  'render',
  'encrypt',
  /** A report printed to PDF by Chromium. */
  'print',
  /** A report read back, page by page, for every value its profile removes. */
  'checkLeaks',
] as const;
export type TaskStage = (typeof taskStages)[number];

export const taskProgressSchema = z.object({
  taskId: taskIdSchema,
  done: z.number().int().nonnegative(),
  /** null while the size of the work is not known yet. */
  total: z.number().int().nonnegative().nullable(),
  stage: z.enum(taskStages),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

/** What a report is of and how it is redacted (shared/reports ReportRequest). */
export const reportRequestSchema = z.strictObject({
  kind: z.enum(reportKinds),
  profile: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  lang: z.enum(reportLanguages),
  id: recordIdSchema.optional(),
  asOf: z.iso.date().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const reportFormats = ['pdf', 'html', 'json', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportProfilesSchema = z.object({
  profiles: z.array(exportProfileSchema),
  /** Ids of the profiles the organisation edited or added (the others are as shipped). */
  edited: z.array(z.string()),
});

/** Counts and field paths only: never a value (shared/redaction RedactionSummary). */
export const redactionSummarySchema = z.object({
  profileId: z.string(),
  values: z.record(z.enum(treatments), z.number().int().nonnegative()),
  fields: z.record(z.string(), z.partialRecord(z.enum(treatments), z.number().int())),
  excluded: z.array(
    z.object({
      type: z.string(),
      reason: z.enum(['no-consent', 'withdrawn', 'not-allowed']),
    }),
  ),
  anonymousTestimonies: z.number().int().nonnegative(),
  markedPassagesRemoved: z.number().int().nonnegative(),
  pseudonyms: z.number().int().nonnegative(),
});

export const reportPreviewSchema = z.object({
  /** The report's HTML as printed, its stylesheet linked (the page's CSP allows no inline style). */
  html: z.string().max(50_000_000),
  summary: redactionSummarySchema,
  /** Records that do not match their type, left out of the report. */
  unreadable: z.number().int().nonnegative(),
});

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
  'vault.unlock': channel(
    z.strictObject({ folder: folderSchema, secret: secretSchema, taskId: taskIdSchema.optional() }),
    nothing,
  ),
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
  /**
   * Detentions, trials, testimonies or sources, a page at a time in the vault's order, each row
   * with the name of the person it is about; narrowed by words (the person's name in any script,
   * or the record's own text) and by filters that make sense for the type.
   */
  'records.browse': channel(browseArgsSchema, browsePageSchema),
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
  /** The export profiles reports are made with (the shipped ones as the organisation edited them). */
  'reports.profiles': channel(noArguments, reportProfilesSchema),
  /** Saves an edited or new profile in the vault (sealed); answers the profiles as they are now. */
  'reports.saveProfile': channel(
    z.strictObject({ profile: exportProfileSchema }),
    reportProfilesSchema,
  ),
  /** A shipped profile as shipped again, or the organisation's own one deleted. */
  'reports.resetProfile': channel(
    z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/) }),
    reportProfilesSchema,
  ),
  /** Exactly the page that will be exported, and what redaction did. Nothing is written. */
  'reports.preview': channel(reportRequestSchema, reportPreviewSchema),
  /**
   * Asks where to save (the system's dialog, in the main process), then prints, checks for
   * every removed value and writes. A leak answers `report_leak` with the fields, and nothing
   * is written; a dialog closed answers `saved: false`.
   */
  'reports.export': channel(
    reportRequestSchema.extend({ format: z.enum(reportFormats), taskId: taskIdSchema.optional() }),
    z.object({
      saved: z.boolean(),
      /** The file's name (not its folder), to say where it went. */
      fileName: z.string().max(500).optional(),
      pages: z.number().int().nonnegative().optional(),
      bytes: z.number().int().nonnegative().optional(),
    }),
  ),
  /** Stops a long task this page started; the task's own call answers `cancelled`. */
  'task.cancel': channel(z.strictObject({ taskId: taskIdSchema }), nothing),
  /** Shows the system's file dialog; null when the user cancels. `name` is for display. */
  'import.chooseFile': channel(
    z.strictObject({ kind: z.enum(importFileKinds) }),
    z.object({ file: z.string().nullable(), name: z.string().nullable() }),
  ),
  /** A records file (JSON Lines): checked whole, then written in one transaction. A task. */
  'import.records': channel(recordsImportArgsSchema, recordsImportResultSchema),
  /** A bundle: decrypted, verified, checked, then merged in one transaction. A task. */
  'import.bundle': channel(bundleImportArgsSchema, bundleImportResultSchema),
  /** A record's evidence files, each with the other files of the vault that have its bytes. */
  'attachments.list': channel(
    z.strictObject({ recordId: recordIdSchema }),
    z.object({ files: z.array(evidenceFileSchema) }),
  ),
  /** Shows the system's file dialog for a file to attach; null when the user cancels. */
  'attachments.chooseFile': channel(
    noArguments,
    z.object({ file: z.string().nullable(), name: z.string().nullable() }),
  ),
  /** Encrypts a file chosen in the dialog into the vault, hashed, with its intake. A task. */
  'attachments.attach': channel(
    z.strictObject({
      recordId: recordIdSchema,
      file: folderSchema,
      acquisition: acquisitionInputSchema,
      taskId: taskIdSchema.optional(),
    }),
    z.object({ fileId: fileIdSchema, duplicates: z.number().int().nonnegative() }),
  ),
  /** A file decrypted into memory for a preview (never to disk); refused above the cap. */
  'attachments.read': channel(
    z.strictObject({ fileId: fileIdSchema }),
    z.object({
      mediaType: z.string(),
      base64: z.base64().max(Math.ceil(maxPreviewBytes / 3) * 4),
    }),
  ),
  /** A file's custody log and whether its hash chain is intact. */
  'attachments.custody': channel(z.strictObject({ fileId: fileIdSchema }), custodyViewSchema),
  /** Every file's SHA-256 and custody chain checked. A task. */
  'attachments.verify': channel(
    z.strictObject({ taskId: taskIdSchema.optional() }),
    verifyResultSchema,
  ),
  /** Asks where to save, then writes the original bytes and enters the export in custody. */
  'attachments.saveCopy': channel(
    z.strictObject({
      fileId: fileIdSchema,
      purpose: purposeSchema,
      taskId: taskIdSchema.optional(),
    }),
    savedCopySchema,
  ),
  /** An image re-encoded without metadata, regions blacked out, saved where the user says. */
  'attachments.exportImage': channel(
    z.strictObject({
      fileId: fileIdSchema,
      regions: z.array(blackOutRegionSchema).max(1000),
      purpose: purposeSchema,
      taskId: taskIdSchema.optional(),
    }),
    savedCopySchema,
  ),
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
  /** How far a long task has come; sent only to the frame that started it, ~10 a second. */
  'task.progress': taskProgressSchema,
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
