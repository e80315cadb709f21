import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { closedTermOf, mayBeInOrder, referenceTo, termOf, text } from './fieldTypes';
import { confidential, restricted } from './sensitivity';

export const detentionRecordType = 'detention';

/** Where and how a person is held: pre-trial, administrative arrest, or a regime of sentence. */
export const detentionRegimes = [
  'pretrial',
  'administrative_arrest',
  'colony_settlement',
  'general',
  'reinforced',
  'strict',
  'special',
  'prison',
] as const;

export const releaseReasons = [
  'served',
  'pardon',
  'amnesty',
  'sentence_changed',
  'released_pending_trial',
  'death_in_custody',
  'other',
] as const;

export type DetentionRegime = (typeof detentionRegimes)[number];
export type ReleaseReason = (typeof releaseReasons)[number];

/** No contact with family or lawyer, location not disclosed; `to` absent while it lasts. */
const incommunicadoPeriodSchema = z
  .strictObject({
    from: fuzzyDateSchema,
    to: fuzzyDateSchema.optional(),
    note: confidential(text()).optional(),
  })
  .refine((period) => !period.to || mayBeInOrder(period.from, period.to), {
    error: 'ends before it starts',
    path: ['to'],
  });

/**
 * One stay in custody. `from` is the day of arrest and `to` the day of release, which, as with
 * statuses, is not itself counted as a day held.
 */
export const detentionSchema = z
  .strictObject({
    personId: confidential(referenceTo('person')),
    caseId: restricted(referenceTo('case')).optional(),
    facility: restricted(termOf('facilities')).optional(),
    from: restricted(fuzzyDateSchema),
    to: restricted(fuzzyDateSchema).optional(),
    regime: restricted(closedTermOf('regimes', detentionRegimes)).optional(),
    incommunicadoPeriods: restricted(z.array(incommunicadoPeriodSchema)).optional(),
    releaseReason: restricted(closedTermOf('release-reasons', releaseReasons)).optional(),
    note: confidential(text()).optional(),
  })
  .superRefine((detention, ctx) => {
    if (detention.to && !mayBeInOrder(detention.from, detention.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
    }
    if (detention.releaseReason !== undefined && detention.to === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['releaseReason'],
        message: 'needs the day of release in "to"',
      });
    }
  });

export type Detention = z.infer<typeof detentionSchema>;
