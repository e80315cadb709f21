import { z } from 'zod';
import { fuzzyDateSchema } from '../dates';
import { languageTag, referenceTo, termOf, text } from './fieldTypes';
import { confidential, restricted, secret } from './sensitivity';
import { statusEntrySchema } from './status';

export const personRecordType = 'person';

export const nameKinds = ['primary', 'variant', 'passport', 'press', 'birth'] as const;
export const sexes = ['female', 'male', 'other', 'unknown'] as const;

/**
 * One spelling of a name: Каляснікава (be), Колесникова (ru), Kaleśnikava (be-Latn),
 * Kalesnikava (passport), Kolesnikova (press). The search engine reads `names[].value`.
 */
export const personNameSchema = z.strictObject({
  value: confidential(text(300)),
  lang: restricted(languageTag()).optional(),
  kind: restricted(z.enum(nameKinds)).optional(),
});

export type PersonName = z.infer<typeof personNameSchema>;

/** The most sensitive part of the model: what lets someone find a person or their family. */
const contactsSchema = z.strictObject({
  phones: z.array(text(100)).optional(),
  emails: z.array(text(320)).optional(),
  messengers: z.array(z.strictObject({ service: text(100), handle: text(300) })).optional(),
  address: text(1_000).optional(),
  relatives: z
    .array(
      z.strictObject({
        name: text(300),
        relation: text(100).optional(),
        personId: referenceTo('person').optional(),
        phones: z.array(text(100)).optional(),
        note: text().optional(),
      }),
    )
    .optional(),
});

export const personSchema = z.strictObject({
  names: confidential(z.array(personNameSchema).min(1, 'needs at least one name')),
  // Counted in every review ("170 of them women"), identifying only with the rest.
  sex: restricted(z.enum(sexes)).optional(),
  // A quasi-identifier: with a name spelling and a region it singles a person out.
  birthDate: confidential(fuzzyDateSchema).optional(),
  region: restricted(termOf('regions')).optional(),
  locality: confidential(text(300)).optional(),
  occupation: confidential(text(300)).optional(),
  contacts: secret(contactsSchema).optional(),
  statuses: z.array(statusEntrySchema).optional(),
  lastContact: z
    .strictObject({
      date: restricted(fuzzyDateSchema),
      // Says who was in touch and how: as sensitive as the contacts themselves.
      note: secret(text()).optional(),
    })
    .optional(),
  healthNotes: secret(
    z.array(z.strictObject({ date: fuzzyDateSchema.optional(), note: text() })),
  ).optional(),
});

export type Person = z.infer<typeof personSchema>;
