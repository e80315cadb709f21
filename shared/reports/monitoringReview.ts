import type { IsoDay } from '../dates';
import type { VocabularyName } from '../model';
import type { RedactedSet } from '../redaction';
import { notRecorded, type Figure, type Review } from '../statistics';
import { document, reportMeta } from './caseReports';
import {
  label,
  numberInline,
  type BarChart,
  type Block,
  type FigureRow,
  type FigureValue,
  type Inline,
  type ReportDocument,
  type Section,
} from './document';
import { earliestFirst } from './ordering';
import { chargesInlines, joinInlines } from './recordSections';
import { dateInline, enumInline, field, termInline } from './redactedValues';
import type { RecordSet } from './scope';

const value = (figure: Figure): FigureValue => ({
  count: figure.count,
  uncertain: figure.uncertain.count,
});

const day = (d: IsoDay): Inline[] => [{ t: 'date', date: { date: d } }];

function chart(
  title: Inline[],
  vocabulary: VocabularyName,
  byKey: Readonly<Record<string, Figure>>,
): Block[] {
  const bars = Object.entries(byKey)
    .map(([key, figure]) => ({
      label: [
        key === notRecorded
          ? label('review.notRecorded')
          : { t: 'term' as const, vocabulary, id: key, short: true as const },
      ],
      value: value(figure),
    }))
    .sort((a, b) => b.value.count + b.value.uncertain - (a.value.count + a.value.uncertain));
  if (bars.length === 0) return [];
  const barChart: BarChart = { title, bars };
  return [{ b: 'chart', chart: barChart }];
}

/**
 * The periodic monitoring review: the statistics engine's figures as of a day and for a
 * period, charts of the breakdowns, and the list of political prisoners as of the day, each
 * shown as the profile allows (the list's people are redacted like any others).
 */
export function buildMonitoringReview(
  review: Review,
  set: RedactedSet,
  all: RecordSet,
  today: IsoDay,
): ReportDocument {
  const pp = review.politicalPrisoners;
  const former = review.formerAndCurrentPoliticalPrisoners;
  const rows: FigureRow[] = [
    {
      label: [label('review.politicalPrisoners')],
      value: value(pp.today.total),
      asKnownOn: value(pp.onAsOf.total),
    },
    {
      label: [label('review.women')],
      value: value(pp.today.women),
      asKnownOn: value(pp.onAsOf.women),
      indent: true,
    },
    {
      label: [label('review.formerAndCurrent')],
      value: value(former.today.total),
      asKnownOn: value(former.onAsOf.total),
    },
    {
      label: [label('review.women')],
      value: value(former.today.women),
      asKnownOn: value(former.onAsOf.women),
      indent: true,
    },
    {
      label: [label('review.deathsUpTo', { date: day(review.asOf) })],
      value: value(review.deathsInCustody),
    },
    {
      label: [label('review.incommunicado', { days: [numberInline(review.incommunicadoDays)] })],
      value: value(review.heldIncommunicado),
    },
  ];
  const sections: Section[] = [
    {
      heading: [label('section.figures')],
      blocks: [
        {
          b: 'figures',
          rows,
          asKnownOnLabel: [label('review.asKnownOn', { date: day(review.asOf) })],
        },
      ],
    },
  ];
  const period = review.period;
  if (period) {
    sections.push({
      heading: [label('review.period', { from: day(period.from), to: day(period.to) })],
      blocks: [
        {
          b: 'figures',
          rows: [
            { label: [label('review.convicted')], value: value(period.convicted) },
            { label: [label('review.released')], value: value(period.released.total) },
            { label: [label('review.deathsInPeriod')], value: value(period.deathsInCustody) },
            { label: [label('review.adminTrials')], value: value(period.administrative.trials) },
            {
              label: [label('review.jailTerms')],
              value: value(period.administrative.jailTerms),
              indent: true,
            },
            {
              label: [label('review.fines')],
              value: value(period.administrative.fines),
              indent: true,
            },
            {
              label: [label('review.communityService')],
              value: value(period.administrative.communityService),
              indent: true,
            },
            {
              label: [label('review.persecution')],
              value: value(period.persecutionInstances.total),
            },
          ],
        },
      ],
    });
  }
  sections.push({
    heading: [label('section.charts')],
    blocks: [
      ...chart([label('review.byRegion')], 'regions', pp.today.byRegion),
      ...chart([label('review.byArticle')], 'articles', pp.today.byArticle),
      ...(period
        ? chart([label('review.byReason')], 'release-reasons', period.released.byReason)
        : []),
      ...(period
        ? chart([label('review.byCaseType')], 'case-types', period.persecutionInstances.byCaseType)
        : []),
      { b: 'note', text: [label('review.countingNote')] },
    ],
  });
  sections.push(prisonerList(review, set, all));
  return document(
    'review',
    set,
    [label('report.review')],
    reportMeta(today, [
      { label: [label('meta.asOf')], values: [day(review.asOf)] },
      ...(period
        ? [
            {
              label: [label('meta.period')],
              values: [
                [...day(period.from), { t: 'text' as const, text: ' – ' }, ...day(period.to)],
              ],
            },
          ]
        : []),
    ]),
    sections,
  );
}

/** One line per political prisoner as of the day (as known today), in the scope's order. */
function prisonerList(review: Review, set: RedactedSet, all: RecordSet): Section {
  const ids = new Set(review.politicalPrisoners.today.total.ids);
  const detentionsOf = new Map<string, string[]>();
  const proceedingsOf = new Map<string, string[]>();
  for (const [type, byPerson] of [
    ['detention', detentionsOf],
    ['proceeding', proceedingsOf],
  ] as const) {
    for (const record of all.ofType(type)) {
      const personId = field(record.body, 'personId');
      if (typeof personId === 'string' && ids.has(personId)) {
        byPerson.set(personId, [...(byPerson.get(personId) ?? []), record.id]);
      }
    }
  }
  const rows: Inline[][][] = [];
  for (const person of set.records) {
    if (person.type !== 'person' || !ids.has(person.id)) continue;
    const proceedings = (proceedingsOf.get(person.id) ?? [])
      .map((id) => set.byId.get(id))
      .filter((r) => r !== undefined);
    const articles = new Map<string, Inline>();
    for (const proceeding of proceedings) {
      if (field(proceeding.body, 'kind') !== 'criminal') continue;
      for (const [charge] of chargesInlines(proceeding.body)) {
        if (charge?.t === 'term') articles.set(charge.id, { ...charge, short: true });
      }
    }
    const detentions = earliestFirst(
      (detentionsOf.get(person.id) ?? [])
        .map((id) => set.byId.get(id))
        .filter((r) => r !== undefined),
    );
    const current = detentions.filter(
      (d) => field(d.body, 'to') === undefined || field(d.body, 'to') === null,
    );
    const first = detentions[0];
    const latest = current[current.length - 1] ?? detentions[detentions.length - 1];
    rows.push([
      [{ t: 'person', person: set.personLabel(person.id) }],
      [enumInline('sex', person.body.sex)].filter((x): x is Inline => x !== undefined),
      [termInline('regions', person.body.region)].filter((x): x is Inline => x !== undefined),
      joinInlines(
        [...articles.values()].map((a) => [a]),
        ', ',
      ) ?? [],
      [first ? dateInline(first.body.from) : undefined].filter((x): x is Inline => x !== undefined),
      [latest ? termInline('facilities', latest.body.facility) : undefined]
        .filter((x): x is Inline => x !== undefined)
        .map((x) => ({ ...x, short: true as const })),
    ]);
  }
  return {
    heading: [label('section.list', { date: day(review.asOf) })],
    blocks:
      rows.length > 0
        ? [
            {
              b: 'table',
              head: [
                [label('field.name')],
                [label('field.sex')],
                [label('field.region')],
                [label('field.articles')],
                [label('field.heldSince')],
                [label('field.facility')],
              ],
              rows,
            },
          ]
        : [],
  };
}
