import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { closedTermOf, count, referenceTo, termOf, text } from './fieldTypes';
import { confidential, publicField, restricted } from './sensitivity';

export const proceedingRecordType = 'proceeding';

export const proceedingKinds = ['criminal', 'administrative'] as const;
export const verdictOutcomes = ['convicted', 'acquitted', 'terminated', 'other'] as const;
export const appealOutcomes = [
  'upheld',
  'sentence_reduced',
  'sentence_increased',
  'overturned',
  'sent_back',
  'other',
] as const;

/** The regimes a court can sentence to (a subset of the `regimes` vocabulary). */
export const sentenceRegimes = [
  'colony_settlement',
  'general',
  'reinforced',
  'strict',
  'special',
  'prison',
] as const;

/** The kinds of punishment, one per field of a sentence, labelled by `sentence-types`. */
export const sentenceTypes = [
  'prison',
  'restricted_freedom',
  'fine',
  'jail',
  'community_service',
] as const;

export type ProceedingKind = (typeof proceedingKinds)[number];
export type SentenceType = (typeof sentenceTypes)[number];

/** A judge or prosecutor: a person record when the organisation keeps one, a name otherwise. */
const officialSchema = z
  .strictObject({
    personId: referenceTo('person').optional(),
    name: text(300).optional(),
  })
  .refine((official) => official.personId !== undefined || official.name !== undefined, {
    error: 'needs personId or name',
  });

/** Belarusian fines are set in base units; the amount in money is what was paid or reported. */
const fineSchema = z.strictObject({
  amount: z.number().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as BYN, EUR or USD'),
  baseUnits: z.number().positive().optional(),
});

export const sentenceSchema = z
  .strictObject({
    prisonMonths: count().optional(),
    regime: closedTermOf('regimes', sentenceRegimes).optional(),
    restrictedFreedomMonths: count().optional(),
    // "Khimiya": restricted freedom served in an open correctional institution, away from home.
    restrictedFreedomInInstitution: z.literal(true).optional(),
    fine: fineSchema.optional(),
    jailDays: count().optional(),
    communityServiceHours: count().optional(),
  })
  .superRefine((sentence, ctx) => {
    if (sentence.regime !== undefined && sentence.prisonMonths === undefined) {
      ctx.addIssue({ code: 'custom', path: ['regime'], message: 'needs prisonMonths' });
    }
    if (
      sentence.restrictedFreedomInInstitution !== undefined &&
      sentence.restrictedFreedomMonths === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['restrictedFreedomInInstitution'],
        message: 'needs restrictedFreedomMonths',
      });
    }
  });

/** A criminal or administrative prosecution of one person: charges, hearings, outcome. */
export const proceedingSchema = z.strictObject({
  personId: confidential(referenceTo('person')),
  caseId: restricted(referenceTo('case')).optional(),
  kind: publicField(z.enum(proceedingKinds)),
  // Courts and officials are public bodies, but with a date they point at one trial.
  court: restricted(text(300)).optional(),
  judge: restricted(officialSchema).optional(),
  prosecutor: restricted(officialSchema).optional(),
  charges: publicField(z.array(termOf('articles'))).optional(),
  inAbsentia: restricted(z.literal(true)).optional(),
  hearings: z
    .array(
      z.strictObject({
        date: restricted(fuzzyDateSchema),
        note: confidential(text()).optional(),
      }),
    )
    .optional(),
  verdict: restricted(
    z.strictObject({ date: fuzzyDateSchema.optional(), outcome: z.enum(verdictOutcomes) }),
  ).optional(),
  sentence: restricted(sentenceSchema).optional(),
  appeal: restricted(
    z.strictObject({
      date: fuzzyDateSchema.optional(),
      court: text(300).optional(),
      outcome: z.enum(appealOutcomes).optional(),
    }),
  ).optional(),
});

export type Proceeding = z.infer<typeof proceedingSchema>;
export type Sentence = z.infer<typeof sentenceSchema>;
