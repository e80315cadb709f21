import type { JsonObject } from '../records';

/**
 * A short human label for a record in lists and search results: a person's first name as
 * written, a case's title, a vocabulary's name, else the first short text field. The
 * caller decides whether the reader may see it (labels are confidential at least).
 */
export function recordLabel(record: { type: string; body: JsonObject | null }): string {
  const body = record.body;
  if (!body) return '';
  const names = body.names;
  if (Array.isArray(names)) {
    const first = names[0];
    if (
      first &&
      typeof first === 'object' &&
      !Array.isArray(first) &&
      typeof first.value === 'string'
    ) {
      return first.value;
    }
  }
  for (const key of ['title', 'name', 'summary', 'description', 'intervieweeCode']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '')
      return value.length > 120 ? `${value.slice(0, 119)}…` : value;
  }
  return '';
}
