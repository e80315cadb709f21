import type { FuzzyDate } from '../dates';
import type { TermLabels, VocabularyName } from '../model';
import type { PersonLabel, Pseudonym } from '../redaction';
import type { ReportLabelKey } from './labels';

/**
 * A report as data: built from redacted records only, in no language yet. Labels are keys of
 * the report's catalogs, terms are vocabulary ids, dates are fuzzy dates, people are the labels
 * redaction allowed; the HTML builder puts it into words. It is what the preview shows and
 * what a JSON export writes, so it never holds a record id or anything redaction removed.
 */
export const reportFormat = 'casebook-report/1';

export const reportKinds = ['case', 'person', 'review', 'wgad'] as const;
export type ReportKind = (typeof reportKinds)[number];

export type Inline =
  | {
      readonly t: 'label';
      readonly key: ReportLabelKey;
      readonly params?: Readonly<Record<string, readonly Inline[]>>;
    }
  /** A value someone recorded, in the script it was written in. */
  | { readonly t: 'text'; readonly text: string; readonly lang?: string }
  /** Where a passage marked for redaction was taken out. */
  | { readonly t: 'withheld' }
  | { readonly t: 'date'; readonly date: FuzzyDate }
  /** `short`: only the part of the label before a colon ("Art. 342 CC"). */
  | {
      readonly t: 'term';
      readonly vocabulary: VocabularyName;
      readonly id: string;
      readonly short?: true;
    }
  | { readonly t: 'person'; readonly person: PersonLabel }
  | { readonly t: 'pseudonym'; readonly pseudonym: Pseudonym }
  | { readonly t: 'number'; readonly value: number }
  /** The export profile's name, in the report's language. */
  | { readonly t: 'profile' };

/** One line of a table of fields: a label and one or more values. */
export interface FieldRow {
  readonly label: readonly Inline[];
  readonly values: readonly (readonly Inline[])[];
}

/** A number of the review: certain count, and how many more may count ("up to"). */
export interface FigureValue {
  readonly count: number;
  readonly uncertain: number;
}

export interface FigureRow {
  readonly label: readonly Inline[];
  readonly value: FigureValue;
  /** The same figure as known on the as-of day, when it differs in kind from today's. */
  readonly asKnownOn?: FigureValue;
  readonly indent?: true;
}

export interface BarChart {
  readonly title: readonly Inline[];
  readonly bars: readonly { readonly label: readonly Inline[]; readonly value: FigureValue }[];
}

export type Block =
  | { readonly b: 'fields'; readonly rows: readonly FieldRow[] }
  | {
      readonly b: 'table';
      readonly head: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | {
      readonly b: 'prose';
      readonly label?: readonly Inline[];
      readonly paragraphs: readonly (readonly Inline[])[];
    }
  | {
      readonly b: 'figures';
      readonly rows: readonly FigureRow[];
      readonly asKnownOnLabel?: readonly Inline[];
    }
  | { readonly b: 'chart'; readonly chart: BarChart }
  | { readonly b: 'note'; readonly text: readonly Inline[] };

export interface Section {
  readonly heading: readonly Inline[];
  readonly blocks: readonly Block[];
  readonly sections?: readonly Section[];
}

export interface ReportDocument {
  readonly format: typeof reportFormat;
  readonly kind: ReportKind;
  readonly profile: { readonly id: string; readonly labels: TermLabels };
  readonly title: readonly Inline[];
  readonly meta: readonly FieldRow[];
  readonly sections: readonly Section[];
}

export const label = (
  key: ReportLabelKey,
  params?: Readonly<Record<string, readonly Inline[]>>,
): Inline => (params ? { t: 'label', key, params } : { t: 'label', key });

export const textInline = (text: string, lang?: string): Inline =>
  lang === undefined ? { t: 'text', text } : { t: 'text', text, lang };

export const numberInline = (value: number): Inline => ({ t: 'number', value });
