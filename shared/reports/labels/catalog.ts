import type { ReportLabelKey } from './en';

/** A catalog of the report's own wording: every key of the English one. */
export type ReportLabels = { readonly [K in ReportLabelKey]: string };

export type { ReportLabelKey };
