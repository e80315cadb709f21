import { sensitivityClasses, type Sensitivity } from '../model';

const isSensitivity = (value: unknown): value is Sensitivity =>
  (sensitivityClasses as readonly unknown[]).includes(value);

/**
 * A passage of free text marked for redaction in the editor: `field` is the concrete path of a
 * text field (`transcript`, `torture.methods`, `medicalFindings[0].finding`), `start` and `end`
 * are offsets in UTF-16 code units (what a text box's selection gives), end not included. The
 * passage is treated as a field of class `sensitivity` (secret unless said otherwise): removed
 * under every profile that does not show that class as recorded.
 *
 * They are read from the testimony's `redactions` field (shared/model/testimony.ts), and from
 * the caller (RedactionOptions.spanMarks). `text` is the passage as it was marked: where the
 * field no longer holds it at those offsets, the text was changed outside the editor, and the
 * whole field counts as marked.
 */
export interface SpanMark {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly sensitivity?: Sensitivity;
  readonly text?: string;
}

export interface SpanMarks {
  /** Well-formed marks, by concrete field path. */
  readonly byField: ReadonlyMap<string, readonly SpanMark[]>;
  /** Fields with a mark that cannot be applied as written: the whole field counts as marked. */
  readonly wholeFields: ReadonlySet<string>;
  /** The marks could not be read at all: every text field of the record counts as marked. */
  readonly everything: boolean;
}

export const noSpanMarks: SpanMarks = {
  byField: new Map(),
  wholeFields: new Set(),
  everything: false,
};

const isOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Reads marks defensively: they decide what is removed, so a mark that cannot be applied as
 * written removes more, never less.
 */
export function readSpanMarks(...sources: unknown[]): SpanMarks {
  const byField = new Map<string, SpanMark[]>();
  const wholeFields = new Set<string>();
  let everything = false;
  for (const source of sources) {
    if (source === undefined) continue;
    if (!Array.isArray(source)) {
      everything = true;
      continue;
    }
    for (const mark of source) {
      const field = (mark as { field?: unknown } | null)?.field;
      if (typeof field !== 'string' || field === '') {
        everything = true;
        continue;
      }
      const { start, end, sensitivity, text } = mark as Record<string, unknown>;
      if (
        !isOffset(start) ||
        !isOffset(end) ||
        start >= end ||
        (sensitivity !== undefined && !isSensitivity(sensitivity)) ||
        (text !== undefined && typeof text !== 'string')
      ) {
        wholeFields.add(field);
        continue;
      }
      const list = byField.get(field) ?? [];
      list.push({
        field,
        start,
        end,
        sensitivity: (sensitivity as Sensitivity) ?? 'secret',
        ...(typeof text === 'string' ? { text } : {}),
      });
      byField.set(field, list);
    }
  }
  return { byField, wholeFields, everything };
}

/** A text with marked passages taken out: kept text, and `null` where a passage was removed. */
export type Passages = (string | null)[];

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Splits `text` at the marks to remove. A mark that reaches past the end of the text says the
 * text changed since it was marked: the whole text is removed. Marks are widened to whole code
 * points, and overlapping marks merged.
 */
export function removePassages(
  text: string,
  marks: readonly { start: number; end: number }[],
): { passages: Passages; removed: string[] } {
  if (marks.some((mark) => mark.end > text.length)) return { passages: [null], removed: [text] };
  const ranges = marks
    .map(({ start, end }) => ({
      start: start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start,
      end: end < text.length && isLowSurrogate(text.charCodeAt(end)) ? end + 1 : end,
    }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const passages: Passages = [];
  const removed: string[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) passages.push(text.slice(at, start));
    passages.push(null);
    removed.push(text.slice(start, end));
    at = end;
  }
  if (at < text.length) passages.push(text.slice(at));
  return { passages, removed };
}

/** Whether each mark still covers the passage it was made on (marks without `text` do). */
export function marksMatchText(text: string, marks: readonly SpanMark[]): boolean {
  return marks.every(
    (mark) => mark.text === undefined || text.slice(mark.start, mark.end) === mark.text,
  );
}

/** A mark as the editor stores it in a testimony's `redactions`. */
export interface StoredSpanMark {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sensitivity?: Sensitivity;
}

/**
 * Marks of one field after its text changed from `before` to `after`. The change is taken as
 * one replaced stretch (what typing, pasting or deleting a selection does): marks before it
 * stay, marks after it move with it, and marks it touches are dropped, because the passage
 * they covered is no longer the one that was marked. The editor says which were dropped.
 */
export function adjustMarksForEdit<M extends StoredSpanMark>(
  before: string,
  after: string,
  marks: readonly M[],
): { kept: M[]; dropped: M[] } {
  if (before === after) return { kept: [...marks], dropped: [] };
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const changedEnd = before.length - suffix;
  const shift = after.length - before.length;
  const kept: M[] = [];
  const dropped: M[] = [];
  for (const mark of marks) {
    if (mark.end <= prefix) {
      kept.push(mark);
    } else if (mark.start >= changedEnd) {
      kept.push({ ...mark, start: mark.start + shift, end: mark.end + shift });
    } else dropped.push(mark);
  }
  // A moved mark must still cover its passage; anything else is dropped, never guessed.
  return {
    kept: kept.filter((mark) => after.slice(mark.start, mark.end) === mark.text),
    dropped: [
      ...dropped,
      ...kept.filter((mark) => after.slice(mark.start, mark.end) !== mark.text),
    ],
  };
}
