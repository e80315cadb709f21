import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '../components/FieldError';

const dayPattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface DateRange {
  readonly from: string;
  readonly to: string;
  readonly setFrom: (value: string) => void;
  readonly setTo: (value: string) => void;
  /** The ends as the list channels take them: only those typed in full. */
  readonly filter: { from?: string; to?: string };
}

/** A date range typed as 2020, 2020-08 or 2020-08-09; an end half typed does not filter yet. */
export function useDateRange(): DateRange {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const complete = (value: string) => dayPattern.test(value.trim());
  return {
    from,
    to,
    setFrom,
    setTo,
    filter: {
      ...(complete(from) ? { from: from.trim() } : {}),
      ...(complete(to) ? { to: to.trim() } : {}),
    },
  };
}

/** The two ends of a date range, each refusing a date it cannot read, and what they mean. */
export function DateRangeFields({
  uid,
  range,
  hint,
}: {
  uid: string;
  range: DateRange;
  hint: string;
}) {
  const { t } = useTranslation();
  const ends = [
    { key: 'from', label: t('cases.from'), value: range.from, set: range.setFrom, eg: '2020-08' },
    { key: 'to', label: t('cases.to'), value: range.to, set: range.setTo, eg: '2021' },
  ];
  return (
    <>
      {ends.map((end) => {
        const ok = end.value.trim() === '' || dayPattern.test(end.value.trim());
        return (
          <div className="field" key={end.key}>
            <label htmlFor={`${uid}-${end.key}`}>{end.label}</label>
            <input
              id={`${uid}-${end.key}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={end.eg}
              aria-invalid={ok ? undefined : true}
              aria-describedby={`${uid}-dates-hint${ok ? '' : ` ${uid}-${end.key}-error`}`}
              value={end.value}
              onChange={(event) => end.set(event.target.value)}
            />
            <FieldError
              id={`${uid}-${end.key}-error`}
              message={ok ? undefined : 'cases.dateFormat'}
            />
          </div>
        );
      })}
      <p className="hint field-wide" id={`${uid}-dates-hint`}>
        {hint}
      </p>
    </>
  );
}
