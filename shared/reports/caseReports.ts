import type { IsoDay } from '../dates';
import type { RecordType } from '../model';
import type { RedactedRecord, RedactedSet } from '../redaction';
import {
  label,
  reportFormat,
  type FieldRow,
  type Inline,
  type ReportDocument,
  type ReportKind,
  type Section,
} from './document';
import {
  actSection,
  caseSummary,
  detentionSection,
  involvementsTable,
  personSections,
  proceedingSection,
  sourceSection,
  testimonySection,
} from './recordSections';
import { dateInline, field, list, termInline, textOf } from './redactedValues';
import type { RecordSet } from './scope';

/** The lines under a report's title: who it is for and when it was made. */
export function reportMeta(today: IsoDay, extra: FieldRow[] = []): FieldRow[] {
  return [
    { label: [label('meta.profile')], values: [[{ t: 'profile' }]] },
    { label: [label('meta.preparedOn')], values: [[{ t: 'date', date: { date: today } }]] },
    ...extra,
  ];
}

export function document(
  kind: ReportKind,
  set: RedactedSet,
  title: Inline[],
  meta: FieldRow[],
  sections: Section[],
): ReportDocument {
  return {
    format: reportFormat,
    kind,
    profile: { id: set.profile.id, labels: set.profile.labels },
    title,
    meta,
    sections: sections.filter((s) => s.blocks.length > 0 || (s.sections?.length ?? 0) > 0),
  };
}

function ofType(set: RedactedSet, type: RecordType): RedactedRecord[] {
  return set.records.filter((record) => record.type === type);
}

/** The sections every case-based report ends with, one subsection per record. */
export function recordSections(
  set: RedactedSet,
  records: readonly RedactedRecord[] = set.records,
): Section[] {
  const of = (type: RecordType) => records.filter((r) => r.type === type);
  return [
    { heading: [label('section.acts')], blocks: [], sections: of('act').map(actSection) },
    {
      heading: [label('section.detentions')],
      blocks: [],
      sections: of('detention').map(detentionSection),
    },
    {
      heading: [label('section.proceedings')],
      blocks: [],
      sections: of('proceeding').map(proceedingSection),
    },
    {
      heading: [label('section.testimonies')],
      blocks: [],
      sections: of('testimony').map(testimonySection),
    },
    { heading: [label('section.sources')], blocks: [], sections: of('source').map(sourceSection) },
  ];
}

/** A case report: the case, who was involved, and every record that points to it. */
export function buildCaseReport(set: RedactedSet, caseId: string, today: IsoDay): ReportDocument {
  const theCase = set.byId.get(caseId);
  if (!theCase || theCase.type !== 'case')
    throw new RangeError('the case is not among the records');
  const title = textOf(theCase.body.title) ?? [
    termInline('case-types', theCase.body.type) ?? label('report.case'),
  ];
  return document('case', set, title, reportMeta(today), [
    { heading: [label('section.summary')], blocks: caseSummary(theCase) },
    { heading: [label('section.people')], blocks: involvementsTable(theCase) },
    ...recordSections(
      set,
      ofType(set, 'act').concat(
        ofType(set, 'detention'),
        ofType(set, 'proceeding'),
        ofType(set, 'testimony'),
        ofType(set, 'source'),
      ),
    ),
  ]);
}

/** A person dossier: who the person is, their status history, and their cases and records. */
export function buildPersonDossier(
  set: RedactedSet,
  all: RecordSet,
  personId: string,
  today: IsoDay,
): ReportDocument {
  const person = set.byId.get(personId);
  if (!person || person.type !== 'person')
    throw new RangeError('the person is not among the records');
  const cases = ofType(set, 'case').map((theCase) => {
    // The subject's involvement, found in the unredacted case; redaction keeps array indices.
    const original = list(all.get(theCase.id)?.body, 'involvements');
    const roles = original
      .map((inv, i) =>
        field(inv, 'personId') === personId
          ? termInline('roles', field(theCase.body, 'involvements', i, 'role'))
          : undefined,
      )
      .filter((x): x is Inline => x !== undefined);
    return [
      textOf(theCase.body.title) ??
        [termInline('case-types', theCase.body.type)].filter((x): x is Inline => x !== undefined),
      roles,
      [dateInline(theCase.body.date)].filter((x): x is Inline => x !== undefined),
    ];
  });
  const title: Inline[] = [{ t: 'person', person: set.personLabel(personId) }];
  const others = set.records.filter(
    (r) => r.id !== personId && r.type !== 'person' && r.type !== 'case',
  );
  return document('person', set, title, reportMeta(today), [
    ...personSections(person),
    {
      heading: [label('section.cases')],
      blocks:
        cases.length > 0
          ? [
              {
                b: 'table',
                head: [[label('field.title')], [label('field.role')], [label('field.date')]],
                rows: cases,
              },
            ]
          : [],
    },
    ...recordSections(set, others),
  ]);
}
