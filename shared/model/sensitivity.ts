import { z } from 'zod';

/**
 * How much harm a field can do in the wrong hands, least to most. A redaction profile admits
 * the classes up to some level and drops the rest; docs/model.md gives the class of every field
 * and the reasons.
 *
 * - public: safe in an anonymous publication (the kind of case, the article charged).
 * - restricted: shared with trusted partners (dates, regions, facilities, sentences).
 * - confidential: identifies a person or may say anything (names, free-text notes, links
 *   between people and cases).
 * - secret: endangers someone if seen (contacts, testimony, health, who obtained a source).
 */
export const sensitivityClasses = ['public', 'restricted', 'confidential', 'secret'] as const;

export type Sensitivity = (typeof sensitivityClasses)[number];

/** Whether a field of class `field` may be shown to a reader cleared up to `clearance`. */
export function isWithinClearance(field: Sensitivity, clearance: Sensitivity): boolean {
  return sensitivityClasses.indexOf(field) <= sensitivityClasses.indexOf(clearance);
}

/**
 * What the model says about a field beyond its shape: its sensitivity, the vocabulary its
 * values come from, the record type it points to. Read by describeFields (fieldCatalogue.ts).
 */
export interface FieldMeta {
  readonly sensitivity?: Sensitivity;
  readonly vocabulary?: string;
  readonly references?: string;
}

/**
 * Kept apart from zod's global registry so that nobody's `.meta({ description })` elsewhere can
 * replace a class, and so that a schema's class is looked up in one place. Zod merges the entry
 * of a schema with those of the schemas it was cloned or refined from, so a classified field
 * keeps its vocabulary and a refined object keeps its fields' classes.
 */
export const fieldRegistry = z.registry<FieldMeta>();

/** Annotates a copy of `schema`, leaving shared building blocks (a date, a term id) untouched. */
export function annotated<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  const copy = schema.clone();
  fieldRegistry.add(copy, meta);
  return copy;
}

/**
 * Classifies a field. A class on an object or array applies to every field inside it that has
 * no class of its own, so `secret(contactsSchema)` makes every contact detail secret.
 */
export function classified<T extends z.ZodType>(sensitivity: Sensitivity, schema: T): T {
  return annotated(schema, { sensitivity });
}

export const publicField = <T extends z.ZodType>(schema: T): T => classified('public', schema);
export const restricted = <T extends z.ZodType>(schema: T): T => classified('restricted', schema);
export const confidential = <T extends z.ZodType>(schema: T): T =>
  classified('confidential', schema);
export const secret = <T extends z.ZodType>(schema: T): T => classified('secret', schema);
