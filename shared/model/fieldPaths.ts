import { formatPath } from './recordErrors';

/** One value found in a record body, with its concrete path (`names[2].value`). */
export interface FieldValue {
  readonly path: string;
  readonly value: unknown;
}

type Step = { key: string } | { each: true };

function steps(fieldPath: string): Step[] {
  const out: Step[] = [];
  for (const part of fieldPath.split('.')) {
    const key = part.replace(/(\[\])+$/, '');
    if (key) out.push({ key });
    for (let rest = part.slice(key.length); rest.startsWith('[]'); rest = rest.slice(2)) {
      out.push({ each: true });
    }
  }
  return out;
}

/**
 * The values a field path (as describeFields gives it: `statuses[].validFrom`) reaches in a
 * body, each with its concrete path. Missing optional fields reach nothing. This is how
 * redaction and vocabulary checks apply a per-field rule to a record.
 */
export function valuesAt(body: unknown, fieldPath: string): FieldValue[] {
  let reached: { path: PropertyKey[]; value: unknown }[] = [{ path: [], value: body }];
  for (const step of steps(fieldPath)) {
    const next: typeof reached = [];
    for (const { path, value } of reached) {
      if ('each' in step) {
        if (Array.isArray(value))
          value.forEach((item, i) => next.push({ path: [...path, i], value: item }));
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const child = (value as Record<string, unknown>)[step.key];
        if (child !== undefined && Object.hasOwn(value, step.key)) {
          next.push({ path: [...path, step.key], value: child });
        }
      }
    }
    reached = next;
  }
  return reached.map(({ path, value }) => ({ path: formatPath(path), value }));
}
