import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { place, referenceTo, termOf, text } from './fieldTypes';
import { confidential, publicField, restricted } from './sensitivity';

export const actRecordType = 'act';

/** One violation against one victim inside a case: the unit that statistics on torture count. */
export const actSchema = z.strictObject({
  caseId: restricted(referenceTo('case')),
  victimId: confidential(referenceTo('person')),
  perpetratorIds: confidential(z.array(referenceTo('person'))).optional(),
  type: publicField(termOf('violation-types')),
  date: restricted(fuzzyDateSchema).optional(),
  place: place().optional(),
  description: confidential(text(50_000)).optional(),
});

export type Act = z.infer<typeof actSchema>;
