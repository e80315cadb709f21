import type { JsonValue } from './identifiers';

/**
 * JSON with object keys sorted, so two bodies that differ only in key order compare equal:
 * re-importing an unchanged record must not write a new revision.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
