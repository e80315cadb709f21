import { z } from 'zod';
import { fuzzyDateSchema, isoDaySchema } from '../dates';
import { recordIdPattern } from '../records';
import { languageTag, longText, referenceTo, text } from './fieldTypes';
import { confidential, restricted, secret, sensitivityClasses } from './sensitivity';

export const testimonyRecordType = 'testimony';

/** The uses a person may consent to, one by one (Murad Code). */
export const consentUses = ['internal', 'advocacy', 'un', 'court', 'publication'] as const;
/** For each use: allowed with the person's identity, allowed only anonymously, or refused. */
export const consentScopes = ['identifiable', 'anonymous', 'refused'] as const;
export const consentMethods = [
  'written',
  'oral_recorded',
  'oral_witnessed',
  'electronic',
  'other',
] as const;
/** Istanbul Protocol: how far physical or psychological findings fit the account. */
export const consistencyLevels = [
  'not_consistent',
  'consistent',
  'highly_consistent',
  'typical',
  'diagnostic',
] as const;

export type ConsentUse = (typeof consentUses)[number];
export type ConsentScope = (typeof consentScopes)[number];
export type ConsistencyLevel = (typeof consistencyLevels)[number];

/** The Istanbul Protocol's interview headings for an account of torture or ill-treatment. */
export const tortureAccountSchema = z.strictObject({
  circumstances: text(100_000).optional(),
  datesAndTimes: text(100_000).optional(),
  peopleInvolved: text(100_000).optional(),
  detentionRoutine: text(100_000).optional(),
  methods: text(100_000).optional(),
  sexualAssault: text(100_000).optional(),
  injuries: text(100_000).optional(),
  objectsUsed: text(100_000).optional(),
  witnesses: text(100_000).optional(),
  psychologicalEffects: text(100_000).optional(),
});

export const medicalFindingSchema = z.strictObject({
  finding: secret(text(50_000)),
  // The level alone says nothing about who or what, and it is what a UN submission asks for.
  consistency: restricted(z.enum(consistencyLevels)),
  examinedBy: confidential(text(300)).optional(),
  examinedOn: restricted(fuzzyDateSchema).optional(),
});

const scope = () => z.enum(consentScopes).optional();

/**
 * What the person allowed. A use left out was not allowed. Consent is read by redaction, so
 * its terms are restricted, not secret: an export profile must be able to see them.
 */
export const consentSchema = z.strictObject({
  uses: restricted(
    z.strictObject({
      internal: scope(),
      advocacy: scope(),
      un: scope(),
      court: scope(),
      publication: scope(),
    }),
  ),
  // Named bodies the person agreed to share with, e.g. "UN Working Group on Arbitrary Detention".
  namedRecipients: restricted(z.array(text(300))).optional(),
  givenOn: restricted(isoDaySchema),
  how: restricted(z.enum(consentMethods)),
  interpreter: confidential(
    z.strictObject({ name: text(300).optional(), language: languageTag().optional() }),
  ).optional(),
  withdrawnOn: restricted(isoDaySchema).optional(),
  withdrawalNote: confidential(text()).optional(),
  // What was promised to the person (news of the case, referral to a doctor), and whether kept.
  followUp: confidential(
    z.array(
      z.strictObject({
        owed: text(),
        dueOn: isoDaySchema.optional(),
        doneOn: isoDaySchema.optional(),
      }),
    ),
  ).optional(),
  note: confidential(text()).optional(),
});

/**
 * A passage of free text marked in the editor for redaction (docs/redaction.md): `field` is the
 * concrete path of a text field (`transcript`), `start`/`end` UTF-16 offsets, `text` the passage
 * as marked. Redaction removes the whole field when the text there is no longer `text` (it was
 * changed outside the editor), so a mark that drifted removes more, never less.
 */
export const redactionMarkSchema = z
  .strictObject({
    field: z
      .string()
      .max(200)
      .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*$/),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    sensitivity: z.enum(sensitivityClasses).optional(),
    text: longText(),
  })
  .refine((mark) => mark.start < mark.end && mark.end - mark.start === mark.text.length, {
    error: 'must cover its text: start before end, end - start the length of the text',
  });

/**
 * An interview. The interviewee is a person record, or only a code when even the link to a
 * person record is too dangerous to keep; the code is meant to identify no one.
 */
export const testimonySchema = z
  .strictObject({
    intervieweeId: secret(referenceTo('person')).optional(),
    intervieweeCode: restricted(
      z
        .string()
        .regex(
          recordIdPattern,
          'must be a code of Latin letters, digits, "-" or "_" (for example W-2024-017), never a name',
        ),
    ).optional(),
    interviewer: confidential(text(300)),
    date: restricted(fuzzyDateSchema),
    // Where an interview happened can reveal a safe place.
    place: confidential(text(300)).optional(),
    language: restricted(languageTag()).optional(),
    transcript: secret(longText()).optional(),
    torture: secret(tortureAccountSchema).optional(),
    medicalFindings: z.array(medicalFindingSchema).optional(),
    consent: consentSchema.optional(),
    caseIds: restricted(z.array(referenceTo('case'))).optional(),
    // So that no one is interviewed twice for nothing.
    earlierTestimonyIds: restricted(z.array(referenceTo('testimony'))).optional(),
    // Passages of the free text above marked for redaction: secret, as they point at what is.
    redactions: secret(z.array(redactionMarkSchema).max(10_000)).optional(),
  })
  .refine((t) => t.intervieweeId !== undefined || t.intervieweeCode !== undefined, {
    error: 'needs intervieweeId or intervieweeCode',
  });

export type Testimony = z.infer<typeof testimonySchema>;
export type Consent = z.infer<typeof consentSchema>;
export type RedactionMark = z.infer<typeof redactionMarkSchema>;
