import type { IsoDay } from '../dates';
import type { RedactedRecord, RedactedSet } from '../redaction';
import { document, reportMeta } from './caseReports';
import {
  label,
  textInline,
  type Block,
  type Inline,
  type ReportDocument,
  type Section,
} from './document';
import type { ReportLabelKey } from './labels';
import { earliestFirst } from './ordering';
import {
  chargesInlines,
  detentionSection,
  FieldRows,
  joinInlines,
  personSections,
  placeInlines,
  proceedingSection,
} from './recordSections';
import { dateInline, field, list, paragraphsOf, personInline, termInline } from './redactedValues';
import type { RecordSet } from './scope';

/**
 * Articles whose use against peaceful expression, assembly and association the WGAD treats
 * under category II, and violation types that say the same.
 */
const rightsArticles = new Set([
  'cc-130',
  'cc-293',
  'cc-342',
  'cc-361-1',
  'cc-361-4',
  'cc-367',
  'cc-368',
  'cc-369',
  'coao-19.11',
  'coao-24.3',
  'coao-24.23',
]);
const rightsViolations = new Set([
  'freedom-of-expression',
  'freedom-of-assembly',
  'freedom-of-association',
]);
const fairTrialViolations = new Set([
  'unfair-trial',
  'denial-of-access-to-lawyer',
  'incommunicado-detention',
]);

const categories = ['I', 'II', 'III', 'IV', 'V'] as const;

interface Category {
  readonly suggested: boolean;
  readonly basis: Inline[][];
}

function basisLine(key: ReportLabelKey, items: readonly (readonly Inline[])[] = []): Inline[] {
  const joined = joinInlines(items, ', ');
  return [label(key), ...(joined ? [textInline(': '), ...joined] : [])];
}

/**
 * Which categories of arbitrary detention the records suggest, from what the profile shows:
 * a basis the profile removed is no basis here. The organisation decides; this only points.
 */
function suggestCategories(
  person: RedactedRecord,
  records: readonly RedactedRecord[],
): Record<(typeof categories)[number], Category> {
  const proceedings = records.filter((r) => r.type === 'proceeding');
  const acts = records.filter((r) => r.type === 'act');
  const detentions = records.filter((r) => r.type === 'detention');
  const charges = proceedings.flatMap((p) => chargesInlines(p.body));
  const chargeIds = charges.map((c) => (c[0]?.t === 'term' ? c[0].id : ''));
  const violationTerms = acts
    .map((a) => termInline('violation-types', a.body.type))
    .filter((x): x is Inline & { t: 'term' } => x?.t === 'term');
  const rightsCharges = charges.filter((_, i) => rightsArticles.has(chargeIds[i]!));
  const rightsActs = violationTerms.filter((t) => rightsViolations.has(t.id)).map((t) => [t]);
  const trialActs = violationTerms.filter((t) => fairTrialViolations.has(t.id)).map((t) => [t]);
  const inAbsentia = proceedings.some((p) => p.body.inAbsentia === true);
  const incommunicado = detentions.some((d) => list(d.body, 'incommunicadoPeriods').length > 0);
  const recognised = list(person.body, 'statuses').some(
    (s) => field(s, 'kind') === 'political_prisoner',
  );
  const detainedWithoutCharges = detentions.length > 0 && charges.length === 0;
  return {
    I: {
      suggested: detainedWithoutCharges,
      basis: detainedWithoutCharges ? [basisLine('wgad.basis.noCharges')] : [],
    },
    II: {
      suggested: rightsCharges.length > 0 || rightsActs.length > 0,
      basis: [
        ...(rightsCharges.length ? [basisLine('wgad.basis.charges', rightsCharges)] : []),
        ...(rightsActs.length ? [basisLine('wgad.basis.violations', rightsActs)] : []),
      ],
    },
    III: {
      suggested: trialActs.length > 0 || inAbsentia || incommunicado,
      basis: [
        ...(trialActs.length ? [basisLine('wgad.basis.violations', trialActs)] : []),
        ...(inAbsentia ? [basisLine('wgad.basis.inAbsentia')] : []),
        ...(incommunicado ? [basisLine('wgad.basis.incommunicado')] : []),
      ],
    },
    IV: { suggested: false, basis: [] },
    V: { suggested: recognised, basis: recognised ? [basisLine('wgad.basis.recognised')] : [] },
  };
}

function communicationFor(set: RedactedSet, all: RecordSet, personId: string): Section[] {
  const person = set.byId.get(personId)!;
  const own = (type: string, key: string) =>
    set.records.filter((r) => r.type === type && field(all.get(r.id)?.body, key) === personId);
  const detentions = earliestFirst(own('detention', 'personId'));
  const proceedings = own('proceeding', 'personId');
  const acts = own('act', 'victimId');
  const caseIds = new Set(
    [...detentions, ...proceedings, ...acts]
      .map((r) => field(all.get(r.id)?.body, 'caseId'))
      .filter((id): id is string => typeof id === 'string'),
  );
  const cases = set.records.filter((r) => r.type === 'case' && caseIds.has(r.id));
  const arrest = detentions[0];
  const arrestCase = arrest && set.byId.get(String(field(all.get(arrest.id)?.body, 'caseId')));
  const forces = acts
    .filter((a) => a.body.type === 'arbitrary-detention')
    .flatMap((a) => list(a.body, 'perpetratorIds').map(personInline))
    .filter((x): x is Inline => x !== undefined)
    .map((x) => [x]);
  const suggested = suggestCategories(person, [...detentions, ...proceedings, ...acts]);
  const circumstances: Block[] = [];
  for (const record of [...cases, ...acts]) {
    const paragraphs = paragraphsOf(
      record.type === 'case' ? record.body.summary : record.body.description,
    );
    if (paragraphs?.length) circumstances.push({ b: 'prose', paragraphs });
  }

  const identity = personSections(person).filter(
    (s) => s.heading[0]?.t === 'label' && s.heading[0].key === 'section.identity',
  );
  return [
    { heading: [label('wgad.identity')], blocks: identity.flatMap((s) => s.blocks) },
    {
      heading: [label('wgad.arrest')],
      blocks: new FieldRows()
        .add('wgad.arrestDate', arrest ? dateInline(arrest.body.from) : undefined)
        .add('wgad.arrestPlace', arrestCase ? placeInlines(arrestCase.body.place) : undefined)
        .add('wgad.arrestForces', ...forces)
        .add('wgad.legalBasis', ...proceedings.flatMap((p) => chargesInlines(p.body)))
        .block(),
    },
    { heading: [label('wgad.detention')], blocks: [], sections: detentions.map(detentionSection) },
    {
      heading: [label('wgad.arbitrariness')],
      blocks: [
        ...(circumstances.length
          ? [
              {
                b: 'prose' as const,
                label: [label('wgad.circumstances')],
                paragraphs: circumstances.flatMap((c) => (c.b === 'prose' ? c.paragraphs : [])),
              },
            ]
          : []),
        {
          b: 'table',
          head: [[label('wgad.categoryColumn')], [label('wgad.suggested')], [label('wgad.basis')]],
          rows: categories.map((c) => [
            [label(`wgad.category.${c}`)],
            [label(suggested[c].suggested ? 'wgad.suggested' : 'wgad.notSuggested')],
            joinInlines(suggested[c].basis, '; ') ?? [],
          ]),
        },
      ],
    },
    { heading: [label('wgad.remedies')], blocks: [], sections: proceedings.map(proceedingSection) },
    {
      heading: [label('wgad.submitter')],
      blocks: [{ b: 'note', text: [label('wgad.submitterNote')] }],
    },
  ];
}

/**
 * A communication to the UN Working Group on Arbitrary Detention, in the order of its model
 * questionnaire (identity, arrest, detention, why it is arbitrary, domestic remedies, who
 * submits), for one person, or for every victim of a case.
 */
export function buildWgadCommunication(
  set: RedactedSet,
  all: RecordSet,
  subjectIds: readonly string[],
  today: IsoDay,
): ReportDocument {
  const subjects = subjectIds.filter((id) => set.byId.get(id)?.type === 'person');
  if (subjects.length === 0) throw new RangeError('no person to write about is among the records');
  const sections: Section[] = [
    { heading: [label('report.wgad')], blocks: [{ b: 'note', text: [label('wgad.draft')] }] },
  ];
  if (subjects.length === 1) sections.push(...communicationFor(set, all, subjects[0]!));
  else {
    for (const id of subjects) {
      sections.push({
        heading: [{ t: 'person', person: set.personLabel(id) }],
        blocks: [],
        sections: communicationFor(set, all, id),
      });
    }
  }
  const title: Inline[] =
    subjects.length === 1
      ? [{ t: 'person', person: set.personLabel(subjects[0]!) }]
      : [label('report.wgad')];
  return document('wgad', set, title, reportMeta(today), sections);
}
