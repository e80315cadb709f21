import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StoredSpanMark } from '../../../shared/redaction/spans';
import './reports.css';

/** The marks kept in a record body (`redactions`) for one field, read defensively. */
export function marksOfField(value: unknown, field: string): StoredSpanMark[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((mark: unknown) => {
    const m = mark as Partial<Record<keyof StoredSpanMark, unknown>> | null;
    if (
      m === null ||
      typeof m !== 'object' ||
      m.field !== field ||
      typeof m.start !== 'number' ||
      typeof m.end !== 'number' ||
      typeof m.text !== 'string'
    ) {
      return [];
    }
    return [mark as StoredSpanMark];
  });
}

/** A new mark over [start, end), merged with the marks it overlaps or touches. */
export function withMark(
  text: string,
  field: string,
  marks: readonly StoredSpanMark[],
  start: number,
  end: number,
): StoredSpanMark[] {
  let from = start;
  let to = end;
  const rest: StoredSpanMark[] = [];
  for (const mark of marks) {
    if (mark.end < from || mark.start > to) rest.push(mark);
    else {
      from = Math.min(from, mark.start);
      to = Math.max(to, mark.end);
    }
  }
  const merged: StoredSpanMark = { field, start: from, end: to, text: text.slice(from, to) };
  return [...rest, merged].sort((a, b) => a.start - b.start);
}

/**
 * Passages of a free text marked for redaction: "Mark for redaction" marks the text box's
 * selection; the text is shown again below with the marks highlighted, each removable. Marks
 * whose text was edited are dropped by the editor (adjustMarksForEdit), which says how many.
 */
export function MarkedPassages({
  text,
  field,
  marks,
  textareaId,
  dropped,
  onChange,
}: {
  text: string;
  field: string;
  marks: readonly StoredSpanMark[];
  textareaId: string;
  dropped: number;
  onChange: (marks: StoredSpanMark[]) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [noSelection, setNoSelection] = useState(false);

  const mark = () => {
    const box = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    const start = box?.selectionStart ?? 0;
    const end = box?.selectionEnd ?? 0;
    if (!box || start >= end || text.slice(start, end).trim() === '') {
      setNoSelection(true);
      return;
    }
    setNoSelection(false);
    onChange(withMark(text, field, marks, start, end));
  };

  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), marked: false });
    pieces.push({ text: text.slice(m.start, m.end), marked: true });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });

  return (
    <section className="redaction-marks" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('reports.marks.title')}</h3>
      <p className="hint" id={`${uid}-hint`}>
        {t('reports.marks.hint')}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-describedby={`${uid}-hint`}
          aria-controls={textareaId}
          // Keeps the text box's selection: a click would otherwise move the focus first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={mark}
        >
          {t('reports.marks.mark')}
        </button>
      </div>
      {noSelection ? (
        <p className="message message-error" role="alert">
          {t('reports.marks.noSelection')}
        </p>
      ) : null}
      {dropped > 0 ? (
        <p className="message message-warning" role="status">
          {t('reports.marks.dropped', { total: dropped })}
        </p>
      ) : null}
      {marks.length === 0 ? (
        <p className="hint">{t('reports.marks.none')}</p>
      ) : (
        <>
          <p className="marked-transcript" dir="auto">
            {pieces.map((piece, index) =>
              piece.marked ? (
                <mark key={index}>{piece.text}</mark>
              ) : (
                <span key={index}>{piece.text}</span>
              ),
            )}
          </p>
          <ul>
            {marks.map((m) => (
              <li key={`${m.start}-${m.end}`}>
                <mark dir="auto">{m.text}</mark>
                <button
                  type="button"
                  className="button"
                  aria-label={t('reports.marks.removeLabel', { text: m.text.slice(0, 60) })}
                  onClick={() => onChange(marks.filter((other) => other !== m))}
                >
                  {t('reports.marks.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
