import type { JsonObject, JsonValue } from '../records';
import { dayToDate, earliestDay, latestDay, openEnd, openStart } from './dates';
import type { DateRange, SearchDocument, SearchFacets } from './document';

/**
 * A search document from a record, by convention rather than by schema, so that search works
 * while the record schemas are still being written:
 *
 * - names: `names[]`, each a string or `{ value }`;
 * - text: every other string in the body, except identifiers (`id`, `…Id`, `…Ids`: links to
 *   other records, which would only fill the index with unique words), language tags and
 *   bare dates;
 * - facets: `region`, `sex`, `charges` / `articles` (strings, or `{ article }` / `{ value }`),
 *   `statuses[].kind`, every `{ date }` and `{ from, to }` at any depth, and a year of birth
 *   from `born` / `birthDate` / `dateOfBirth` / `birth`.
 */
export function documentFromRecord(record: {
  readonly id: string;
  readonly type: string;
  readonly body: JsonObject | null;
}): SearchDocument {
  const body = record.body ?? {};
  const names = namesOf(body.names);
  const text: string[] = [];
  const facts: Facts = { articles: [], status: [], dates: [] };
  walk(body, text, facts, true);
  const birthYear = birthYearOf(body);
  const facets: SearchFacets = {
    ...(facts.region === undefined ? {} : { region: facts.region }),
    ...(typeof body.sex === 'string' ? { sex: body.sex } : {}),
    ...(facts.articles.length > 0 ? { articles: facts.articles } : {}),
    ...(facts.status.length > 0 ? { status: facts.status } : {}),
    ...(facts.dates.length > 0 ? { dates: facts.dates } : {}),
    ...(birthYear === null ? {} : { birthYear }),
  };
  return { id: record.id, type: record.type, names, text, facets };
}

interface Facts {
  region?: string;
  articles: string[];
  status: string[];
  dates: DateRange[];
}

function namesOf(value: JsonValue | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  const out: string[] = [];
  for (const name of value) {
    if (typeof name === 'string') out.push(name);
    else if (isObject(name) && typeof name.value === 'string') out.push(name.value);
  }
  return out;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const skippedKeys = /^(id|lang|language)$|Ids?$/;

/** A bare date is a facet, not words: as text it would only add "04" and "24" to the index. */
const bareDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function walk(value: JsonValue, text: string[], facts: Facts, top: boolean): void {
  if (typeof value === 'string') {
    if (value.trim() !== '' && !bareDate.test(value)) text.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, text, facts, false);
    return;
  }
  if (!isObject(value)) return;
  const range = dateRangeOf(value);
  if (range !== null) facts.dates.push(range);
  // The ends of a range are points themselves, but only as part of it.
  const isRange = range !== null && value.date === undefined;
  for (const [key, child] of Object.entries(value)) {
    if (top && key === 'names') continue;
    if (skippedKeys.test(key)) continue;
    if (isRange && (key === 'from' || key === 'to')) continue;
    if (key === 'region' && facts.region === undefined) {
      const region = typeof child === 'string' ? child : isObject(child) ? child.value : null;
      if (typeof region === 'string') facts.region = region;
    }
    if (key === 'charges' || key === 'articles') facts.articles.push(...articlesOf(child));
    if (key === 'statuses' && Array.isArray(child)) {
      for (const status of child)
        if (isObject(status) && typeof status.kind === 'string') facts.status.push(status.kind);
    }
    walk(child, text, facts, false);
  }
}

function articlesOf(value: JsonValue): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const article = isObject(item) ? (item.article ?? item.value) : item;
    if (typeof article === 'string' || typeof article === 'number') out.push(String(article));
  }
  return out;
}

function dateRangeOf(value: JsonObject): DateRange | null {
  const date = dateText(value.date);
  if (date !== null) {
    const earliest = earliestDay(date);
    const latest = latestDay(date);
    if (earliest !== null && latest !== null)
      return { earliest: dayToDate(earliest), latest: dayToDate(latest) };
  }
  const from = dateText(value.from);
  const to = dateText(value.to);
  const earliest = from === null ? null : earliestDay(from);
  const latest = to === null ? null : latestDay(to);
  if (earliest === null && latest === null) return null;
  // An open end: a detention with no end date is still going on.
  return { earliest: dayToDate(earliest ?? openStart), latest: dayToDate(latest ?? openEnd) };
}

function dateText(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    if (typeof value.date === 'string') return value.date;
    if (typeof value.value === 'string') return value.value;
    if (typeof value.year === 'number') {
      const month =
        typeof value.month === 'number' ? `-${String(value.month).padStart(2, '0')}` : '';
      const day =
        month !== '' && typeof value.day === 'number'
          ? `-${String(value.day).padStart(2, '0')}`
          : '';
      return `${String(value.year).padStart(4, '0')}${month}${day}`;
    }
  }
  return null;
}

function birthYearOf(body: JsonObject): number | null {
  for (const key of ['born', 'birthDate', 'dateOfBirth', 'birth']) {
    const value = body[key];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    const date = dateText(isObject(value) && value.from !== undefined ? value.from : value);
    if (date !== null) {
      const day = earliestDay(date);
      if (day !== null) return Math.floor(day / 10000);
    }
  }
  return null;
}
