import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecordType } from '../../../shared/model';
import { useSearch } from '../search';
import { describedBy, FieldError } from './FieldError';

export type Picked =
  | { readonly kind: 'existing'; readonly id: string; readonly label: string }
  | { readonly kind: 'new'; readonly label: string };

/**
 * Chooses a record by typing part of its name in any script (a combobox over search.query), or,
 * when `newLabel` is given, a new record named as typed. Arrows move, Enter chooses, Escape
 * closes the list.
 */
export function RecordPicker({
  label,
  type,
  value,
  onChange,
  newLabel,
  error,
}: {
  label: string;
  type: RecordType;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  newLabel?: (text: string) => string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // After "Change" the search box takes the place of the button: the focus goes with it.
  const changing = useRef(false);
  const { hits } = useSearch(open ? text : '', [type]);
  const typed = text.trim();
  const options: Picked[] = [
    ...(hits ?? []).map((hit) => ({ kind: 'existing' as const, id: hit.id, label: hit.label })),
    ...(newLabel && typed !== '' ? [{ kind: 'new' as const, label: typed }] : []),
  ];
  const shown = open && typed !== '' && options.length > 0;
  const current = Math.min(active, options.length - 1);
  const errorId = `${id}-error`;

  if (value) {
    return (
      <div className="field picked">
        <span className="label" id={`${id}-label`}>
          {label}
        </span>
        <p className="picked-value" aria-labelledby={`${id}-label`}>
          <span dir="auto">{value.label}</span>{' '}
          {value.kind === 'new' ? <span className="muted">{t('picker.willBeAdded')}</span> : null}{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              changing.current = true;
              onChange(null);
              setText('');
            }}
          >
            {t('picker.change')}
          </button>
        </p>
      </div>
    );
  }

  const choose = (option: Picked | undefined) => {
    if (!option) return;
    onChange(option);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(options.length - 1, current + step)));
    } else if (event.key === 'Enter' && shown) {
      event.preventDefault();
      choose(options[current]);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        ref={(input) => {
          if (input && changing.current) {
            changing.current = false;
            input.focus();
          }
        }}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        dir="auto"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${id}-option-${current}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && errorId)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('picker.hint')}
      </p>
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={label}
        className="combobox-list"
        hidden={!shown}
      >
        {shown
          ? options.map((option, index) => (
              <li
                key={option.kind === 'existing' ? option.id : '\0new'}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === current}
                className="list-row"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span dir="auto">
                  {option.kind === 'new' && newLabel ? newLabel(option.label) : option.label}
                </span>
              </li>
            ))
          : null}
      </ul>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
