import type { TFunction } from 'i18next';

import type { RecordsImportResult } from '../../../shared/ipc/imports';

type LineProblem = Extract<RecordsImportResult, { state: 'refused' }>['problems'][number];

/** "Line 3, fields.sex: this field is not valid for its record type", in the UI's language. */
export function lineProblemText(t: TFunction, problem: LineProblem): string {
  const text = t(`importer.problems.${problem.kind}`);
  // The path names a place in the format ("fields.sex"), which is the same in every language;
  // where the kind already says which part of the line it is, it would only repeat it.
  const located =
    problem.path !== undefined && (problem.kind === 'field' || problem.kind === 'extraKey');
  return located
    ? t('importer.problemLineField', { line: problem.line, path: problem.path, problem: text })
    : t('importer.problemLine', { line: problem.line, problem: text });
}
