import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { currentLanguage } from '../i18n';
import type { DateParts } from '../forms/fuzzyDateParts';
import { describedBy, FieldError } from './FieldError';

/**
 * An imprecise date as monitors know it: not known, a year, a month of a year or a day, and
 * perhaps only approximately. What it produces is the model's FuzzyDate (fuzzyDateParts.ts).
 */
export function DatePrecisionInput({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const set = (change: Partial<DateParts>) => onChange({ ...value, ...change });
  const monthName = new Intl.DateTimeFormat(currentLanguage(), { month: 'long' });
  const invalid = error ? true : undefined;
  const described = describedBy(error && errorId);
  return (
    <fieldset className="date-input" aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      <div className="date-row">
        <div className="field">
          <label htmlFor={`${id}-precision`}>{t('date.precision')}</label>
          <select
            id={`${id}-precision`}
            value={value.precision}
            onChange={(event) => set({ precision: event.target.value as DateParts['precision'] })}
          >
            <option value="">{t('date.unknown')}</option>
            <option value="year">{t('date.year')}</option>
            <option value="month">{t('date.month')}</option>
            <option value="day">{t('date.day')}</option>
            {value.precision === 'range' ? <option value="range">{t('date.range')}</option> : null}
          </select>
        </div>
        {value.precision === 'day' ? (
          <div className="field field-day">
            <label htmlFor={`${id}-day`}>{t('date.dayLabel')}</label>
            <input
              id={`${id}-day`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              aria-invalid={invalid}
              value={value.day}
              onChange={(event) => set({ day: event.target.value })}
            />
          </div>
        ) : null}
        {value.precision === 'month' || value.precision === 'day' ? (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('date.monthLabel')}</label>
            <select
              id={`${id}-month`}
              value={value.month}
              aria-invalid={invalid}
              onChange={(event) => set({ month: event.target.value })}
            >
              <option value="">—</option>
              {Array.from({ length: 12 }, (_, index) => (
                <option key={index} value={String(index + 1)}>
                  {monthName.format(new Date(Date.UTC(2000, index, 15)))}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {value.precision !== '' && value.precision !== 'range' ? (
          <div className="field field-year">
            <label htmlFor={`${id}-year`}>{t('date.yearLabel')}</label>
            <input
              id={`${id}-year`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              aria-invalid={invalid}
              value={value.year}
              onChange={(event) => set({ year: event.target.value })}
            />
          </div>
        ) : null}
        {value.precision !== '' && value.precision !== 'range' ? (
          <div className="field-check">
            <input
              id={`${id}-approximate`}
              type="checkbox"
              checked={value.approximate}
              onChange={(event) => set({ approximate: event.target.checked })}
            />
            <label htmlFor={`${id}-approximate`}>{t('date.approximate')}</label>
          </div>
        ) : null}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
