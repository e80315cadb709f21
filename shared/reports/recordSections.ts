import type { RedactedRecord } from '../redaction';
import {
  label,
  numberInline,
  textInline,
  type Block,
  type FieldRow,
  type Inline,
  type Section,
} from './document';
import type { ReportLabelKey } from './labels';
import {
  dateInline,
  enumInline,
  field,
  list,
  numberOf,
  paragraphsOf,
  personInline,
  plainString,
  termInline,
  textOf,
} from './redactedValues';

/**
 * The parts of a report that show one record: shared by the case report, the dossier and the
 * WGAD communication, so a record reads the same wherever it appears. Each shows only what
 * the redacted body holds: a field the profile removed has no line at all.
 */

export class FieldRows {
  readonly rows: FieldRow[] = [];

  add(key: ReportLabelKey, ...values: (readonly Inline[] | Inline | undefined)[]): this {
    const present = values
      .filter((v): v is readonly Inline[] | Inline => v !== undefined)
      .map((v) => ('t' in v ? [v] : v))
      .filter((v) => v.length > 0);
    if (present.length > 0) this.rows.push({ label: [label(key)], values: present });
    return this;
  }

  block(): Block[] {
    return this.rows.length > 0 ? [{ b: 'fields', rows: this.rows }] : [];
  }
}

/** "Homiel, Homiel region, BY": what the profile left of a place. */
export function placeInlines(place: unknown): Inline[] | undefined {
  const parts: Inline[][] = [];
  const locality = textOf(field(place, 'locality'));
  if (locality) parts.push(locality);
  const region = termInline('regions', field(place, 'region'));
  if (region) parts.push([region]);
  const country = plainString(field(place, 'country'));
  if (country) parts.push([textInline(country)]);
  return joinInlines(parts, ', ');
}

export function joinInlines(
  parts: readonly (readonly Inline[])[],
  separator: string,
): Inline[] | undefined {
  if (parts.length === 0) return undefined;
  const out: Inline[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(textInline(separator));
    out.push(...part);
  });
  return out;
}

function prose(key: ReportLabelKey, value: unknown): Block[] {
  const paragraphs = paragraphsOf(value);
  return paragraphs && paragraphs.length > 0
    ? [{ b: 'prose', label: [label(key)], paragraphs }]
    : [];
}

/** A name field that may be shown, coded, or a person reference. */
function nameOrPerson(value: unknown): Inline[] | undefined {
  const person = personInline(value);
  return person ? [person] : textOf(value);
}

function official(value: unknown): Inline[] | undefined {
  return nameOrPerson(field(value, 'personId')) ?? nameOrPerson(field(value, 'name'));
}

export function caseSummary(record: RedactedRecord): Block[] {
  const b = record.body;
  return [
    ...new FieldRows()
      .add('field.title', textOf(b.title))
      .add('field.caseType', termInline('case-types', b.type))
      .add('field.date', dateInline(b.date))
      .add('field.place', placeInlines(b.place))
      .block(),
    ...prose('field.summary', b.summary),
  ];
}

export function involvementsTable(record: RedactedRecord): Block[] {
  const rows = list(record.body, 'involvements')
    .map((inv) => [
      nameOrPerson(field(inv, 'personId')) ?? [],
      [termInline('roles', field(inv, 'role'))].filter((x): x is Inline => x !== undefined),
      textOf(field(inv, 'note')) ?? [],
    ])
    .filter((row) => row.some((cell) => cell.length > 0));
  if (rows.length === 0) return [];
  return [
    {
      b: 'table',
      head: [[label('field.person')], [label('field.role')], [label('field.note')]],
      rows,
    },
  ];
}

export function actSection(record: RedactedRecord): Section {
  const b = record.body;
  const perpetrators = list(b, 'perpetratorIds')
    .map(personInline)
    .filter((x): x is Inline => x !== undefined)
    .map((x) => [x]);
  return {
    heading: [termInline('violation-types', b.type) ?? label('field.violation')],
    blocks: [
      ...new FieldRows()
        .add('field.victim', personInline(b.victimId))
        .add('field.perpetrators', ...perpetrators)
        .add('field.date', dateInline(b.date))
        .add('field.place', placeInlines(b.place))
        .block(),
      ...prose('field.description', b.description),
    ],
  };
}

export function detentionSection(record: RedactedRecord): Section {
  const b = record.body;
  const periods = list(b, 'incommunicadoPeriods').map((period) => {
    const from = dateInline(field(period, 'from'));
    const to = dateInline(field(period, 'to'));
    const note = textOf(field(period, 'note'));
    return [
      ...(from ? [from] : []),
      ...(to ? [textInline(' – '), to] : []),
      ...(note ? [textInline(': '), ...note] : []),
    ];
  });
  return {
    heading: [termInline('facilities', b.facility) ?? label('section.detentions')],
    blocks: [
      ...new FieldRows()
        .add('field.person', personInline(b.personId))
        .add('field.facility', termInline('facilities', b.facility))
        .add('field.from', dateInline(b.from))
        .add('field.to', dateInline(b.to))
        .add('field.regime', termInline('regimes', b.regime))
        .add('field.releaseReason', termInline('release-reasons', b.releaseReason))
        .add('field.incommunicado', ...periods)
        .block(),
      ...prose('field.note', b.note),
    ],
  };
}

/** A sentence as the sentence types it holds: "Imprisonment: 36 months; fine 1000 BYN". */
export function sentenceInlines(sentence: unknown): Inline[][] {
  const out: Inline[][] = [];
  const months = numberOf(field(sentence, 'prisonMonths'));
  if (months !== undefined) {
    const regime = termInline('regimes', field(sentence, 'regime'));
    out.push([
      { t: 'term', vocabulary: 'sentence-types', id: 'prison' },
      textInline(': '),
      label('unit.months', { n: [numberInline(months)] }),
      ...(regime ? [textInline(', '), regime] : []),
    ]);
  }
  const restricted = numberOf(field(sentence, 'restrictedFreedomMonths'));
  if (restricted !== undefined) {
    out.push([
      { t: 'term', vocabulary: 'sentence-types', id: 'restricted_freedom' },
      textInline(': '),
      label('unit.months', { n: [numberInline(restricted)] }),
      ...(field(sentence, 'restrictedFreedomInInstitution') === true
        ? [textInline(', '), label('sentence.inInstitution')]
        : []),
    ]);
  }
  const amount = numberOf(field(sentence, 'fine', 'amount'));
  const baseUnits = numberOf(field(sentence, 'fine', 'baseUnits'));
  if (amount !== undefined || baseUnits !== undefined) {
    const currency = plainString(field(sentence, 'fine', 'currency'));
    out.push([
      { t: 'term', vocabulary: 'sentence-types', id: 'fine' },
      textInline(': '),
      ...(amount !== undefined
        ? [numberInline(amount), textInline(currency ? ` ${currency}` : '')]
        : []),
      ...(baseUnits !== undefined
        ? [
            textInline(amount !== undefined ? ' (' : ''),
            label('sentence.baseUnits', { n: [numberInline(baseUnits)] }),
            textInline(amount !== undefined ? ')' : ''),
          ]
        : []),
    ]);
  }
  const jail = numberOf(field(sentence, 'jailDays'));
  if (jail !== undefined) {
    out.push([
      { t: 'term', vocabulary: 'sentence-types', id: 'jail' },
      textInline(': '),
      label('unit.days', { n: [numberInline(jail)] }),
    ]);
  }
  const hours = numberOf(field(sentence, 'communityServiceHours'));
  if (hours !== undefined) {
    out.push([
      { t: 'term', vocabulary: 'sentence-types', id: 'community_service' },
      textInline(': '),
      label('unit.hours', { n: [numberInline(hours)] }),
    ]);
  }
  return out;
}

export function chargesInlines(body: unknown): Inline[][] {
  return list(body, 'charges')
    .map((id) => termInline('articles', id))
    .filter((x): x is Inline => x !== undefined)
    .map((x) => [x]);
}

export function proceedingSection(record: RedactedRecord): Section {
  const b = record.body;
  const verdict = [
    enumInline('verdict', field(b, 'verdict', 'outcome')),
    dateInline(field(b, 'verdict', 'date')),
  ].filter((x): x is Inline => x !== undefined);
  const appeal = [
    enumInline('appeal', field(b, 'appeal', 'outcome')),
    dateInline(field(b, 'appeal', 'date')),
  ].filter((x): x is Inline => x !== undefined);
  const appealCourt = textOf(field(b, 'appeal', 'court'));
  const hearings = list(b, 'hearings').map((hearing) => {
    const date = dateInline(field(hearing, 'date'));
    const note = textOf(field(hearing, 'note'));
    return [...(date ? [date] : []), ...(note ? [textInline(date ? ': ' : ''), ...note] : [])];
  });
  return {
    heading: [
      enumInline('proceedingKind', b.kind) ?? label('section.proceedings'),
      ...(typeof b.court === 'string' ? [textInline(' — '), textInline(b.court)] : []),
    ],
    blocks: new FieldRows()
      .add('field.person', personInline(b.personId))
      .add('field.kind', enumInline('proceedingKind', b.kind))
      .add('field.court', textOf(b.court))
      .add('field.judge', official(b.judge))
      .add('field.prosecutor', official(b.prosecutor))
      .add('field.charges', ...chargesInlines(b))
      .add('field.inAbsentia', b.inAbsentia === true ? label('value.yes') : undefined)
      .add('field.hearings', ...hearings)
      .add(
        'field.verdict',
        joinInlines(
          verdict.map((x) => [x]),
          ', ',
        ),
      )
      .add('field.sentence', ...sentenceInlines(b.sentence))
      .add(
        'field.appeal',
        joinInlines([...appeal.map((x) => [x]), ...(appealCourt ? [appealCourt] : [])], ', '),
      )
      .block(),
  };
}

const tortureHeadings = [
  'circumstances',
  'datesAndTimes',
  'peopleInvolved',
  'detentionRoutine',
  'methods',
  'sexualAssault',
  'injuries',
  'objectsUsed',
  'witnesses',
  'psychologicalEffects',
] as const;

export function testimonySection(record: RedactedRecord): Section {
  const b = record.body;
  const lang = plainString(b.language);
  const interviewee =
    personInline(b.intervieweeId) ??
    (typeof b.intervieweeCode === 'string' ? textInline(b.intervieweeCode) : undefined);
  const findings = list(b, 'medicalFindings')
    .map((finding) => [
      textOf(field(finding, 'finding')) ?? [],
      [enumInline('consistency', field(finding, 'consistency'))].filter(
        (x): x is Inline => x !== undefined,
      ),
      nameOrPerson(field(finding, 'examinedBy')) ?? [],
      [dateInline(field(finding, 'examinedOn'))].filter((x): x is Inline => x !== undefined),
    ])
    .filter((row) => row.some((cell) => cell.length > 0));
  const uses = Object.entries(
    (field(b, 'consent', 'uses') as Record<string, unknown> | undefined) ?? {},
  )
    .map(([use, scope]) => [
      enumInline('consentUse', use),
      textInline(': '),
      enumInline('consentScope', scope),
    ])
    .filter((parts): parts is Inline[] => parts.every((p) => p !== undefined));
  const blocks: Block[] = [
    ...new FieldRows()
      .add('field.interviewee', interviewee)
      .add('field.date', dateInline(b.date))
      .add('field.language', lang ? textInline(lang) : undefined)
      .add('field.interviewer', nameOrPerson(b.interviewer))
      .add('field.place', textOf(b.place))
      .add('field.consentGiven', dateInline(field(b, 'consent', 'givenOn')))
      .add('field.consent', ...uses)
      .block(),
  ];
  const account = paragraphsOf(b.transcript, lang);
  if (account && account.length > 0)
    blocks.push({ b: 'prose', label: [label('field.account')], paragraphs: account });
  for (const heading of tortureHeadings) {
    const paragraphs = paragraphsOf(field(b, 'torture', heading), lang);
    if (paragraphs && paragraphs.length > 0) {
      blocks.push({ b: 'prose', label: [label(`torture.${heading}`)], paragraphs });
    }
  }
  if (findings.length > 0) {
    blocks.push({
      b: 'table',
      head: [
        [label('field.finding')],
        [label('field.consistency')],
        [label('field.examinedBy')],
        [label('field.date')],
      ],
      rows: findings,
    });
  }
  return {
    heading: [label('field.account'), ...(interviewee ? [textInline(': '), interviewee] : [])],
    blocks,
  };
}

export function sourceSection(record: RedactedRecord): Section {
  const b = record.body;
  return {
    heading: [
      enumInline('sourceKind', b.kind) ?? label('field.source'),
      ...(textOf(b.title) ? [textInline(': '), ...textOf(b.title)!] : []),
    ],
    blocks: [
      ...new FieldRows()
        .add('field.kind', enumInline('sourceKind', b.kind))
        .add('field.title', textOf(b.title))
        .add('field.obtainedBy', nameOrPerson(b.obtainedBy))
        .add('field.obtainedOn', dateInline(b.obtainedOn))
        .add('field.how', textOf(b.how))
        .add('field.reliability', termInline('source-reliability', b.reliability))
        .block(),
      ...prose('field.note', b.note),
    ],
  };
}

/** The parts of a person record: identity, contacts, statuses, health. */
export function personSections(record: RedactedRecord): Section[] {
  const b = record.body;
  const names = list(b, 'names')
    .map((name) => [
      textOf(field(name, 'value'), plainString(field(name, 'lang'))) ?? [],
      [textInline(plainString(field(name, 'lang')) ?? '')].filter(
        (x) => x.t === 'text' && x.text !== '',
      ),
      [enumInline('nameKind', field(name, 'kind'))].filter((x): x is Inline => x !== undefined),
    ])
    .filter((row) => row[0]!.length > 0);
  // A pseudonymised person has one code, however many names were written down.
  const distinct = names.filter(
    (row, i) =>
      row[0]![0]?.t !== 'pseudonym' || names.findIndex((r) => r[0]![0]?.t === 'pseudonym') === i,
  );
  const identity: Block[] = [];
  if (distinct.length > 0) {
    identity.push({
      b: 'table',
      head: [[label('field.name')], [label('field.nameLang')], [label('field.kind')]],
      rows: distinct.map((row) => (row[0]![0]?.t === 'pseudonym' ? [row[0]!, [], []] : row)),
    });
  }
  identity.push(
    ...new FieldRows()
      .add('field.sex', enumInline('sex', b.sex))
      .add('field.birthDate', dateInline(b.birthDate))
      .add('field.region', termInline('regions', b.region))
      .add('field.locality', textOf(b.locality))
      .add('field.occupation', textOf(b.occupation))
      .block(),
  );
  const sections: Section[] = [{ heading: [label('section.identity')], blocks: identity }];

  const contacts = field(b, 'contacts');
  const messengers = list(contacts, 'messengers').map((m) => [
    ...(textOf(field(m, 'service')) ?? []),
    textInline(' '),
    ...(textOf(field(m, 'handle')) ?? []),
  ]);
  const contactRows = new FieldRows()
    .add('field.phones', ...list(contacts, 'phones').map((p) => textOf(p)))
    .add('field.emails', ...list(contacts, 'emails').map((e) => textOf(e)))
    .add('field.messengers', ...messengers.filter((m) => m.length > 1))
    .add('field.address', textOf(field(contacts, 'address')))
    .block();
  const relatives = list(contacts, 'relatives')
    .map((r) => [
      nameOrPerson(field(r, 'personId')) ?? nameOrPerson(field(r, 'name')) ?? [],
      textOf(field(r, 'relation')) ?? [],
      joinInlines(
        list(r, 'phones').map((p) => textOf(p) ?? []),
        ', ',
      ) ?? [],
      textOf(field(r, 'note')) ?? [],
    ])
    .filter((row) => row.some((cell) => cell.length > 0));
  if (relatives.length > 0) {
    contactRows.push({
      b: 'table',
      head: [
        [label('field.name')],
        [label('field.relation')],
        [label('field.phones')],
        [label('field.note')],
      ],
      rows: relatives,
    });
  }
  if (contactRows.length > 0)
    sections.push({ heading: [label('section.contacts')], blocks: contactRows });

  const statuses = list(b, 'statuses')
    .map((s) => [
      [enumInline('status', field(s, 'kind'))].filter((x): x is Inline => x !== undefined),
      [dateInline(field(s, 'validFrom'))].filter((x): x is Inline => x !== undefined),
      [dateInline(field(s, 'validTo'))].filter((x): x is Inline => x !== undefined),
      textOf(field(s, 'recognisedBy')) ?? [],
      textOf(field(s, 'note')) ?? [],
    ])
    .filter((row) => row[0]!.length > 0 || row[1]!.length > 0);
  const statusBlocks: Block[] = [];
  if (statuses.length > 0) {
    statusBlocks.push({
      b: 'table',
      head: [
        [label('field.status')],
        [label('field.from')],
        [label('field.validTo')],
        [label('field.recognisedBy')],
        [label('field.note')],
      ],
      rows: statuses,
    });
  }
  const lastContact = [dateInline(field(b, 'lastContact', 'date'))].filter(
    (x): x is Inline => x !== undefined,
  );
  const lastNote = textOf(field(b, 'lastContact', 'note'));
  statusBlocks.push(
    ...new FieldRows()
      .add(
        'field.lastContact',
        joinInlines(
          [lastContact, ...(lastNote ? [lastNote] : [])].filter((p) => p.length > 0),
          ': ',
        ),
      )
      .block(),
  );
  if (statusBlocks.length > 0)
    sections.push({ heading: [label('section.statuses')], blocks: statusBlocks });

  const health = list(b, 'healthNotes')
    .map((h) => [
      [dateInline(field(h, 'date'))].filter((x): x is Inline => x !== undefined),
      textOf(field(h, 'note')) ?? [],
    ])
    .filter((row) => row[1]!.length > 0);
  if (health.length > 0) {
    sections.push({
      heading: [label('section.health')],
      blocks: [{ b: 'table', head: [[label('field.date')], [label('field.note')]], rows: health }],
    });
  }
  return sections;
}
