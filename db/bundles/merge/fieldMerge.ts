import { canonicalJson, type JsonObject, type JsonValue } from '../../../shared/records';

/** A field that two or more sides changed, each to something else. */
export interface FieldConflict {
  /** Where the field is, as people read it: `notes`, `contacts.phone`, `["odd key"]`. */
  readonly path: string;
  /** The same, one key per step, to look the value up in each side. */
  readonly keys: readonly string[];
  /** Indices of the sides that changed the field, each to a different value. */
  readonly sides: readonly number[];
}

export interface FieldMerge {
  readonly body: JsonObject;
  readonly conflicts: readonly FieldConflict[];
}

/** A missing key is a value of its own: a field one side removed. */
type Side = JsonValue | undefined;

const isObject = (value: Side): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Equal as JSON, key order aside; cheap for the scalars that most fields are. */
function same(a: Side, b: Side): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** `JSON.parse` makes even `__proto__` an own property; reading it must not reach a prototype. */
const field = (object: Side, name: string): Side =>
  isObject(object) && Object.hasOwn(object, name) ? object[name] : undefined;

const step = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;

export function pathText(keys: readonly string[]): string {
  const text = keys.map(step).join('');
  return text.startsWith('.') ? text.slice(1) : text;
}

/** The value at `keys` in a body, or undefined where the field is absent. */
export function valueAt(body: JsonObject, keys: readonly string[]): JsonValue | undefined {
  let value: Side = body;
  for (const name of keys) value = field(value, name);
  return value;
}

/**
 * Three-way merge of record bodies, field by field (docs/bundle.md, "Merge"). Objects are
 * merged key by key; any other value (a scalar, an array) changed on one side only takes that
 * side's value, changed to one same value by every side that changed it takes that value, and
 * changed differently is a conflict. `sides` come in priority order: in a conflict the
 * first side that changed the field supplies the provisional value, so the result is the same
 * whatever order the sides were found in, as long as the priority is.
 */
export function mergeFields(base: JsonObject, sides: readonly JsonObject[]): FieldMerge {
  const conflicts: FieldConflict[] = [];
  const body = mergeValue(base, sides, [], conflicts);
  return { body: isObject(body) ? body : {}, conflicts };
}

function mergeValue(
  base: Side,
  sides: readonly Side[],
  keys: readonly string[],
  conflicts: FieldConflict[],
): Side {
  if (sides.every(isObject) && (base === undefined || isObject(base))) {
    const names = [...new Set(sides.flatMap((side) => Object.keys(side as JsonObject)))];
    for (const name of Object.keys(base ?? {})) if (!names.includes(name)) names.push(name);
    const entries: [string, JsonValue][] = [];
    for (const name of names) {
      const merged = mergeValue(
        field(base, name),
        sides.map((side) => field(side, name)),
        [...keys, name],
        conflicts,
      );
      if (merged !== undefined) entries.push([name, merged]);
    }
    // fromEntries defines own properties, so a key named __proto__ stays data.
    return Object.fromEntries(entries);
  }
  const changed = sides.map((_, i) => i).filter((i) => !same(sides[i], base));
  if (changed.length === 0) return base;
  const first = sides[changed[0]!];
  if (changed.every((i) => same(sides[i], first))) return first;
  conflicts.push({ path: pathText(keys) || '(the whole record)', keys, sides: changed });
  return first;
}
