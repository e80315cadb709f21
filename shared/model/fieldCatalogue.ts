import type { z } from 'zod';
import { recordSchemas } from './records';
import type { RecordType } from './recordTypes';
import { fieldRegistry, type FieldMeta, type Sensitivity } from './sensitivity';

/**
 * What the model says about each leaf field of a record type: the paths that redaction,
 * vocabulary checks and the UI's pickers walk. Paths name object keys with "." and array
 * elements with "[]": `names[].value`, `contacts.phones[]`, `statuses[].validFrom`.
 *
 * A leaf is a value that is not an object or an array: text, a number, an enum, and also a
 * fuzzy date (or any union of shapes), which is shown, redacted and compared as one value.
 */
export interface FieldDescription {
  readonly path: string;
  /** undefined only if the model forgot to classify the field: a test fails on that. */
  readonly sensitivity: Sensitivity | undefined;
  readonly vocabulary?: string;
  readonly references?: string;
}

/** Wrappers that change whether a value may be absent, not what it is. */
const wrapperTypes = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

function walk(
  schema: z.ZodType,
  path: string,
  inherited: Sensitivity | undefined,
  out: FieldDescription[],
): void {
  // A field's own annotations sit on the schema or on the wrappers around it.
  let meta: FieldMeta = {};
  let node: z.core.$ZodType = schema;
  for (;;) {
    meta = { ...fieldRegistry.get(node as z.ZodType), ...meta };
    const def = node._zod.def as { type: string; innerType?: z.core.$ZodType };
    if (!wrapperTypes.has(def.type) || !def.innerType) break;
    node = def.innerType;
  }
  const sensitivity = meta.sensitivity ?? inherited;
  const def = node._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
  };
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape!)) {
        walk(child, path ? `${path}.${key}` : key, sensitivity, out);
      }
      return;
    case 'array':
      walk(def.element!, `${path}[]`, sensitivity, out);
      return;
    case 'pipe':
    case 'lazy':
    case 'transform':
    case 'intersection':
    case 'record':
    case 'map':
    case 'set':
    case 'tuple':
      // Not used by the model; refusing them keeps every path accounted for.
      throw new Error(`fieldCatalogue cannot describe a ${def.type} schema at "${path}"`);
    default:
      out.push({
        path,
        sensitivity,
        ...(meta.vocabulary !== undefined ? { vocabulary: meta.vocabulary } : {}),
        ...(meta.references !== undefined ? { references: meta.references } : {}),
      });
  }
}

const catalogue = new Map<RecordType, readonly FieldDescription[]>();

/** Every leaf field of a record type, in schema order. */
export function describeFields(type: RecordType): readonly FieldDescription[] {
  let fields = catalogue.get(type);
  if (!fields) {
    const out: FieldDescription[] = [];
    // Classes are set on fields, never on a whole record, so the walk starts unclassified.
    const root = recordSchemas[type]._zod.def as unknown as { shape: Record<string, z.ZodType> };
    for (const [key, child] of Object.entries(root.shape)) walk(child, key, undefined, out);
    fields = Object.freeze(out);
    catalogue.set(type, fields);
  }
  return fields;
}

/**
 * `{ path: class }` for every leaf field of a record type: what redaction relies on. Throws if
 * a field has no class, which the model's tests rule out; an unclassified field must never be
 * taken as public.
 */
export function fieldSensitivities(type: RecordType): Record<string, Sensitivity> {
  const result: Record<string, Sensitivity> = {};
  for (const field of describeFields(type)) {
    if (field.sensitivity === undefined) {
      throw new Error(`The field ${type}.${field.path} has no sensitivity class`);
    }
    result[field.path] = field.sensitivity;
  }
  return result;
}

/** `{ path: vocabulary name }` for the fields whose values are vocabulary terms. */
export function fieldVocabularies(type: RecordType): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of describeFields(type)) {
    if (field.vocabulary !== undefined) result[field.path] = field.vocabulary;
  }
  return result;
}

/** `{ path: record type }` for the fields that hold ids of other records of a known type. */
export function fieldReferences(type: RecordType): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of describeFields(type)) {
    if (field.references !== undefined) result[field.path] = field.references;
  }
  return result;
}
