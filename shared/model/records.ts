import type { z } from 'zod';
import { actRecordType, actSchema } from './act';
import {
  attachmentRecordType,
  attachmentSchema,
  custodyEntrySchema,
  custodyRecordType,
} from './attachment';
import { caseRecordType, caseSchema } from './case';
import { detentionRecordType, detentionSchema } from './detention';
import { personRecordType, personSchema } from './person';
import { proceedingRecordType, proceedingSchema } from './proceeding';
import { describeIssues, plainEnglish, type RecordError } from './recordErrors';
import { isModelRecordType, modelRecordTypes, type RecordType } from './recordTypes';
import { sourceRecordType, sourceSchema } from './source';
import { testimonyRecordType, testimonySchema } from './testimony';
import { vocabularyRecordType, vocabularySchema } from './vocabulary';

/** Record type → schema of its body: what the importer, the IPC contract and the UI validate. */
export const recordSchemas = {
  [personRecordType]: personSchema,
  [caseRecordType]: caseSchema,
  [actRecordType]: actSchema,
  [detentionRecordType]: detentionSchema,
  [proceedingRecordType]: proceedingSchema,
  [testimonyRecordType]: testimonySchema,
  [sourceRecordType]: sourceSchema,
  [vocabularyRecordType]: vocabularySchema,
  [attachmentRecordType]: attachmentSchema,
  [custodyRecordType]: custodyEntrySchema,
} as const satisfies Record<RecordType, z.ZodType>;

export type RecordBody<T extends RecordType> = z.infer<(typeof recordSchemas)[T]>;

export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; errors: RecordError[] };

/**
 * Checks a record body against its type. On failure, every problem found, each with the path
 * of the field (`names[0].value`) and what is wrong in plain English, never the value itself.
 */
export function parseRecord<T extends RecordType>(
  type: T,
  body: unknown,
): ParsedRecord<RecordBody<T>>;
export function parseRecord(type: string, body: unknown): ParsedRecord<RecordBody<RecordType>>;
export function parseRecord(type: string, body: unknown): ParsedRecord<RecordBody<RecordType>> {
  if (!isModelRecordType(type)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `has a type that Casebook does not know; use one of: ${modelRecordTypes.join(', ')}`,
        },
      ],
    };
  }
  const result = recordSchemas[type].safeParse(body, { error: plainEnglish });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: describeIssues(result.error.issues) };
}
