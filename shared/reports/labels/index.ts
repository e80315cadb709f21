import { be } from './be';
import type { ReportLabelKey, ReportLabels } from './catalog';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

/** The languages a report can be written in: those of the vocabularies' labels. */
export const reportLanguages = ['en', 'be', 'ru', 'uk'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export function isReportLanguage(value: unknown): value is ReportLanguage {
  return (reportLanguages as readonly unknown[]).includes(value);
}

const catalogs: Readonly<Record<ReportLanguage, ReportLabels>> = { en, be, ru, uk };

export function reportLabels(lang: ReportLanguage): ReportLabels {
  return catalogs[lang];
}

/** A label with its `{name}` parameters filled in (parameters are already text). */
export function reportLabel(
  lang: ReportLanguage,
  key: ReportLabelKey,
  params: Readonly<Record<string, string>> = {},
): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export type { ReportLabelKey, ReportLabels };
