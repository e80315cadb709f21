import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { closedTermOf, place, referenceTo, termOf, text } from './fieldTypes';
import { confidential, publicField, restricted } from './sensitivity';

export const caseRecordType = 'case';

export const involvementRoles = [
  'victim',
  'perpetrator',
  'witness',
  'source',
  'lawyer',
  'judge',
  'prosecutor',
  'investigator',
] as const;

export type InvolvementRole = (typeof involvementRoles)[number];

/**
 * Who took part in a case and how. The link between a person and a case is what identifies a
 * victim or a witness, so the person id is confidential even though ids mean nothing alone.
 */
export const involvementSchema = z.strictObject({
  personId: confidential(referenceTo('person')),
  role: restricted(closedTermOf('roles', involvementRoles)),
  note: confidential(text()).optional(),
});

/** A case or event: what happened, when, where, to whom. */
export const caseSchema = z.strictObject({
  // Titles name people ("The trial of ..."), so they are treated as the names they contain.
  title: confidential(text(500)),
  summary: confidential(text(50_000)).optional(),
  type: publicField(termOf('case-types')),
  date: restricted(fuzzyDateSchema).optional(),
  place: place().optional(),
  involvements: z.array(involvementSchema).optional(),
});

export type Case = z.infer<typeof caseSchema>;
export type Involvement = z.infer<typeof involvementSchema>;
