import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { mayBeInOrder, text, timestamp } from './fieldTypes';
import { confidential, restricted } from './sensitivity';

/**
 * A person's status history: bitemporal, so that "how many political prisoners on 4 March"
 * can be answered as known today and as it was known on 4 March (statusesValidOn).
 *
 * Valid time: from `validFrom` up to `validTo`, which is the day the status ended (the day of
 * release) and is not itself covered. Half-open spans let one status end the day the next
 * begins without a day counted twice or missed.
 *
 * Record time: `recordedAt` is when the organisation learned of the status, `endRecordedAt`
 * when it learned of its end (a release is news about an existing status, not a correction),
 * `retractedAt` when the entry was found to be wrong. Entries are never edited to rewrite what
 * was known: a wrong one is retracted and a right one added.
 */
export const statusKinds = [
  'political_prisoner',
  'detained',
  'house_arrest',
  'restricted_freedom',
  'incommunicado',
  'whereabouts_unknown',
  'released',
  'died_in_custody',
  'emigrated',
  'wanted',
] as const;

export type StatusKind = (typeof statusKinds)[number];

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

export const statusEntrySchema = z
  .strictObject({
    kind: restricted(z.enum(statusKinds)),
    validFrom: restricted(fuzzyDateSchema),
    validTo: restricted(fuzzyDateSchema).optional(),
    recordedAt: restricted(timestamp()),
    endRecordedAt: restricted(timestamp()).optional(),
    retractedAt: restricted(timestamp()).optional(),
    // Who recognised a political prisoner: in Belarus, a joint statement of human-rights groups.
    recognisedBy: restricted(text(300)).optional(),
    note: confidential(text()).optional(),
  })
  .superRefine((entry, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (entry.validTo && !mayBeInOrder(entry.validFrom, entry.validTo)) {
      issue('validTo', 'is before validFrom');
    }
    if (entry.endRecordedAt !== undefined && entry.validTo === undefined) {
      issue('endRecordedAt', 'says when the end was learned, so it needs validTo');
    }
    if (entry.endRecordedAt !== undefined && later(entry.recordedAt, entry.endRecordedAt)) {
      issue('endRecordedAt', 'is before recordedAt: an end cannot be learned before its start');
    }
    if (entry.retractedAt !== undefined && later(entry.recordedAt, entry.retractedAt)) {
      issue('retractedAt', 'is before recordedAt');
    }
    if (entry.recognisedBy !== undefined && entry.kind !== 'political_prisoner') {
      issue('recognisedBy', 'applies only to kind political_prisoner');
    }
  });

export type StatusEntry = z.infer<typeof statusEntrySchema>;
