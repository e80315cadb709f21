import { z } from 'zod';
import { earliestDay, latestDay, type FuzzyDate } from '../dates';
import { recordIdPattern } from '../records';
import type { RecordType } from './recordTypes';
import { annotated, confidential, restricted } from './sensitivity';
import type { ClosedVocabularyName, OpenVocabularyName } from './vocabularyNames';

/**
 * The building blocks of the record schemas. Each is a function returning a fresh schema, so
 * that classifying one field never touches another's.
 */

/** Free text that says something: not empty, not only spaces, and of a sane length. */
export function text(maxLength = 5_000): z.ZodString {
  return z.string().max(maxLength).regex(/\S/, 'must not be empty');
}

/** Transcripts and long accounts. The vault refuses bodies over 8 MiB in any case. */
export function longText(): z.ZodString {
  return text(1_000_000);
}

/** A whole number of months, days, hours: 0 or more. */
export function count(): z.ZodNumber {
  return z.number().int().nonnegative();
}

/**
 * Term ids of vocabularies: lower-case Latin letters, digits, ".", "-" and "_", so that an
 * article number such as `coao-24.23` reads as itself.
 */
export const termIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function termId(): z.ZodString {
  return z
    .string()
    .regex(
      termIdPattern,
      'must be a vocabulary term id: lower-case Latin letters, digits, ".", "-" or "_" (for example cc-342)',
    );
}

/**
 * A term of an open vocabulary. Only its shape is checked here, because the organisation adds
 * terms; whether it exists is checked against the vault's vocabularies (shared/vocabularies).
 */
export function termOf(vocabulary: OpenVocabularyName): z.ZodString {
  return annotated(termId(), { vocabulary });
}

/** A value of a closed vocabulary: the values are fixed by the code, the labels are data. */
export function closedTermOf<const T extends readonly [string, ...string[]]>(
  vocabulary: ClosedVocabularyName,
  values: T,
) {
  return annotated(z.enum(values), { vocabulary });
}

export function recordId(): z.ZodString {
  return z
    .string()
    .regex(
      recordIdPattern,
      'must be a record id: 1 to 64 Latin letters, digits, "-" or "_" (for example person-0042)',
    );
}

/** The id of another record, of the given type. */
export function referenceTo(type: RecordType): z.ZodString {
  return annotated(recordId(), { references: type });
}

/** BCP 47 language tags as people write them: `be`, `ru`, `be-Latn` (Łacinka), `en`. */
export function languageTag(): z.ZodString {
  return z
    .string()
    .regex(
      /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
      'must be a language code such as be, ru, uk, pl, en or be-Latn',
    );
}

/** ISO 3166-1 alpha-2: `BY`, and `LT`, `PL` for what happens to people in exile. */
export function countryCode(): z.ZodString {
  return z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, such as BY, LT or PL');
}

/** A moment the organisation recorded, with its time-zone offset or `Z`. */
export function timestamp() {
  return z.iso.datetime({
    offset: true,
    error: 'must be a date and time such as 2024-03-04T10:15:00Z or 2024-03-04T13:15:00+03:00',
  });
}

/**
 * Where something happened. The region is the coarse, countable part; the locality (a village
 * may be a handful of houses) can identify the people involved, so it is confidential.
 */
export function place() {
  return z
    .strictObject({
      country: restricted(countryCode()).optional(),
      region: restricted(termOf('regions')).optional(),
      locality: confidential(text(300)).optional(),
    })
    .refine((p) => p.country !== undefined || p.region !== undefined || p.locality !== undefined, {
      error: 'needs a country, a region or a locality',
    });
}

/**
 * Whether `second` can be on or after `first`: false only when every day `second` may mean is
 * before every day `first` may mean. Refusing more would refuse what monitors honestly know.
 */
export function mayBeInOrder(first: FuzzyDate, second: FuzzyDate): boolean {
  const start = earliestDay(first);
  const end = latestDay(second);
  return start === null || end === null || start <= end;
}
