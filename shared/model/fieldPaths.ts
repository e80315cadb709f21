import { formatPath } from './recordErrors';

/** One value found in a record body, with its concrete path (`names[2].value`). */
export interface FieldValue {
  readonly path: string;
  /** The same path as keys: `['names', 2, 'value']`. */
  readonly keys: readonly (string | number)[];
  readonly value: unknown;
}

type Step = { key: string } | { each: true };

/** Field paths come from the model, a few hundred at most: each is parsed once. */
const parsedSteps = new Map<string, readonly Step[]>();

function steps(fieldPath: string): readonly Step[] {
  let out = parsedSteps.get(fieldPath);
  if (!out) {
    out = parseSteps(fieldPath);
    parsedSteps.set(fieldPath, out);
  }
  return out;
}

function parseSteps(fieldPath: string): Step[] {
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
  let reached: { keys: (string | number)[]; value: unknown }[] = [{ keys: [], value: body }];
  for (const step of steps(fieldPath)) {
    const next: typeof reached = [];
    for (const { keys, value } of reached) {
      if ('each' in step) {
        if (Array.isArray(value))
          value.forEach((item, i) => next.push({ keys: [...keys, i], value: item }));
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const child = (value as Record<string, unknown>)[step.key];
        if (child !== undefined && Object.hasOwn(value, step.key)) {
          next.push({ keys: [...keys, step.key], value: child });
        }
      }
    }
    reached = next;
  }
  return reached.map(({ keys, value }) => ({ path: formatPath(keys), keys, value }));
}
