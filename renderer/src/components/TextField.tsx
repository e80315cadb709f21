import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

/** The plumbing of an editor's draft that a field needs: what useDraftForm returns. */
export interface DraftFields<D> {
  readonly uid: string;
  readonly draft: D;
  readonly set: (change: Partial<D>) => void;
  /** The id, aria-invalid and aria-describedby of a field's input. */
  readonly invalid: (field: string) => {
    id: string;
    'aria-invalid'?: boolean | undefined;
    'aria-describedby'?: string | undefined;
  };
  /** The field's error message, if it has one. */
  readonly problem: (field: string) => ReactNode;
}

/** The draft's fields that hold text. */
export type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

interface FieldProps<D> {
  readonly form: DraftFields<D>;
  readonly field: TextKey<D>;
  readonly label: ReactNode;
  /** Spans the whole row of a form grid. */
  readonly wide?: boolean;
  /** Shown between the input and its error (a hint, a datalist). */
  readonly children?: ReactNode;
}

type Controlled = 'id' | 'value' | 'onChange' | 'form' | 'children';

function change<D>(form: DraftFields<D>, field: TextKey<D>, value: string) {
  form.set({ [field]: value } as Partial<D>);
}

/**
 * A labelled text input bound to one field of the draft, with its error under it. Other input
 * attributes (dir, inputMode, placeholder...) are passed on; an aria-describedby given here
 * replaces the one that names the error.
 */
export function TextField<D>({
  form,
  field,
  label,
  wide = false,
  children,
  ...input
}: FieldProps<D> & Omit<InputHTMLAttributes<HTMLInputElement>, Controlled>) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={`${form.uid}-${field}`}>{label}</label>
      <input
        type="text"
        autoComplete="off"
        value={form.draft[field] as string}
        onChange={(event) => change(form, field, event.target.value)}
        {...form.invalid(field)}
        {...input}
      />
      {children}
      {form.problem(field)}
    </div>
  );
}

/** A labelled multi-line text bound to one field of the draft, with its error under it. */
export function TextAreaField<D>({
  form,
  field,
  label,
  wide = false,
  children,
  ...textarea
}: FieldProps<D> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Controlled>) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={`${form.uid}-${field}`}>{label}</label>
      <textarea
        value={form.draft[field] as string}
        onChange={(event) => change(form, field, event.target.value)}
        {...form.invalid(field)}
        {...textarea}
      />
      {children}
      {form.problem(field)}
    </div>
  );
}

/**
 * A labelled choice among values the model fixes, bound to one field of the draft: "not
 * chosen", then each value by its label, with the field's error under it.
 */
export function ChoiceField<D>({
  form,
  field,
  label,
  options,
  notChosen,
}: {
  readonly form: DraftFields<D>;
  readonly field: TextKey<D>;
  readonly label: ReactNode;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The text of the empty choice. */
  readonly notChosen: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`${form.uid}-${field}`}>{label}</label>
      <select
        value={form.draft[field] as string}
        onChange={(event) => change(form, field, event.target.value)}
        {...form.invalid(field)}
      >
        <option value="">{notChosen}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {form.problem(field)}
    </div>
  );
}
