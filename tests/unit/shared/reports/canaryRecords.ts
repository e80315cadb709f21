import { describeFields, parseRecord, valuesAt, type RecordType } from '../../../../shared/model';
import { fieldKind, type ExportProfile } from '../../../../shared/redaction';
import { defaultVocabularyRecords } from '../../../../shared/vocabularies';

/** Text fields of kind `value` (shown when coarsened): canaries go in them too. */
export const valueTextFields = [
  'person.contacts.messengers[].service',
  'person.contacts.relatives[].relation',
  'person.statuses[].recognisedBy',
  'proceeding.court',
  'proceeding.appeal.court',
  'testimony.consent.namedRecipients[]',
];

/**
 * A small vault in which every free-text and name field of every record holds a canary: a
 * word no other field has, written three times, in Cyrillic, in Belarusian Łacinka and in
 * Arabic. The Cyrillic and Łacinka words are transliterations of each other (one name key),
 * different fields differ in their consonants (different keys), so a test can tell exactly
 * which field's value turned up where.
 */

const cyrillic = ['б', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'п', 'р', 'с', 'т', 'ф', 'ш'];
const lacinka = ['b', 'h', 'd', 'ž', 'z', 'k', 'l', 'm', 'p', 'r', 's', 't', 'f', 'š'];
const arabic = ['ب', 'غ', 'د', 'ج', 'ز', 'ك', 'ل', 'م', 'پ', 'ر', 'س', 'ت', 'ف', 'ش'];

export interface Canary {
  readonly recordId: string;
  readonly type: RecordType;
  readonly path: string;
  /** The three words, each unique to this field. */
  readonly words: readonly [string, string, string];
}

function digits(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  do {
    out.unshift(rest % 14);
    rest = Math.floor(rest / 14);
  } while (rest > 0);
  while (out.length < 2) out.unshift(0);
  return out;
}

/** The n-th canary's words: Кавбадa / Kavbada / كاوبادا style. */
export function canaryWords(n: number): [string, string, string] {
  const d = digits(n);
  return [
    `Кав${d.map((i) => `${cyrillic[i]}а`).join('')}`,
    `Kav${d.map((i) => `${lacinka[i]}a`).join('')}`,
    `كاو${d.map((i) => `${arabic[i]}ا`).join('')}`,
  ];
}

export const canaryRecordsToday = '2024-06-01';

export function canaryVault(): {
  records: { id: string; type: RecordType; body: Record<string, unknown> }[];
  canaries: Canary[];
} {
  let next = 0;
  const words = () => canaryWords(next++);
  const name = () => words().join(' ');
  const text = () => {
    const [c, l, a] = words();
    return `Запіс ${c}. Zapis ${l}. ${a} سجل.`;
  };
  const records: { id: string; type: RecordType; body: Record<string, unknown> }[] = [
    {
      id: 'p-victim',
      type: 'person',
      body: {
        names: [
          { value: name(), lang: 'be', kind: 'primary' },
          { value: name(), lang: 'be-Latn', kind: 'variant' },
          { value: name(), lang: 'ar', kind: 'variant' },
        ],
        sex: 'female',
        birthDate: { date: '1982-04-12' },
        region: 'by-hr',
        locality: text(),
        occupation: text(),
        contacts: {
          phones: [text()],
          emails: [text()],
          messengers: [{ service: text(), handle: text() }],
          address: text(),
          relatives: [
            {
              name: name(),
              relation: text(),
              personId: 'p-relative',
              phones: [text()],
              note: text(),
            },
          ],
        },
        statuses: [
          {
            kind: 'political_prisoner',
            validFrom: { date: '2021-03-02' },
            recordedAt: '2021-03-05T10:00:00Z',
            recognisedBy: text(),
            note: text(),
          },
        ],
        lastContact: { date: { date: '2024-05-20' }, note: text() },
        healthNotes: [{ date: { date: '2023-11' }, note: text() }],
      },
    },
    {
      id: 'p-witness',
      type: 'person',
      body: { names: [{ value: name(), lang: 'ru' }], sex: 'male', region: 'by-hm' },
    },
    { id: 'p-judge', type: 'person', body: { names: [{ value: name(), lang: 'ru' }] } },
    { id: 'p-perp', type: 'person', body: { names: [{ value: name() }] } },
    { id: 'p-relative', type: 'person', body: { names: [{ value: name(), lang: 'be' }] } },
    {
      id: 'case-1',
      type: 'case',
      body: {
        title: text(),
        summary: text(),
        type: 'criminal-prosecution',
        date: { date: '2021-03-02' },
        place: { country: 'BY', region: 'by-hr', locality: text() },
        involvements: [
          { personId: 'p-victim', role: 'victim', note: text() },
          { personId: 'p-witness', role: 'witness' },
          { personId: 'p-judge', role: 'judge' },
          { personId: 'p-perp', role: 'perpetrator' },
        ],
      },
    },
    {
      id: 'act-1',
      type: 'act',
      body: {
        caseId: 'case-1',
        victimId: 'p-victim',
        perpetratorIds: ['p-perp'],
        type: 'arbitrary-detention',
        date: { date: '2021-03-02' },
        place: { region: 'by-hr', locality: text() },
        description: text(),
      },
    },
    {
      id: 'detention-1',
      type: 'detention',
      body: {
        personId: 'p-victim',
        caseId: 'case-1',
        facility: 'sizo-1-minsk',
        from: { date: '2021-03-02' },
        regime: 'pretrial',
        incommunicadoPeriods: [
          { from: { date: '2021-03-02' }, to: { date: '2021-04' }, note: text() },
        ],
        note: text(),
      },
    },
    {
      id: 'proceeding-1',
      type: 'proceeding',
      body: {
        personId: 'p-victim',
        caseId: 'case-1',
        kind: 'criminal',
        court: text(),
        judge: { personId: 'p-judge', name: name() },
        prosecutor: { name: name() },
        charges: ['cc-342', 'cc-130'],
        hearings: [{ date: { date: '2021-09-01' }, note: text() }],
        verdict: { date: { date: '2021-09-20' }, outcome: 'convicted' },
        sentence: { prisonMonths: 60, regime: 'general' },
        appeal: { date: { date: '2021-12' }, court: text(), outcome: 'upheld' },
      },
    },
    {
      id: 'testimony-anonymous',
      type: 'testimony',
      body: {
        intervieweeId: 'p-witness',
        interviewer: name(),
        date: { date: '2021-05-10' },
        place: text(),
        language: 'ru',
        transcript: text(),
        torture: {
          circumstances: text(),
          datesAndTimes: text(),
          peopleInvolved: text(),
          detentionRoutine: text(),
          methods: text(),
          sexualAssault: text(),
          injuries: text(),
          objectsUsed: text(),
          witnesses: text(),
          psychologicalEffects: text(),
        },
        medicalFindings: [
          {
            finding: text(),
            consistency: 'consistent',
            examinedBy: name(),
            examinedOn: { date: '2021-05-12' },
          },
        ],
        consent: {
          uses: {
            internal: 'identifiable',
            publication: 'anonymous',
            un: 'identifiable',
            court: 'identifiable',
          },
          namedRecipients: [text()],
          givenOn: '2021-05-10',
          how: 'written',
          interpreter: { name: name(), language: 'ru' },
          followUp: [{ owed: text(), dueOn: '2021-06-01' }],
          note: text(),
        },
        caseIds: ['case-1'],
      },
    },
    {
      id: 'testimony-no-consent',
      type: 'testimony',
      body: {
        intervieweeId: 'p-victim',
        interviewer: name(),
        date: { date: '2021-06' },
        transcript: text(),
        caseIds: ['case-1'],
      },
    },
    {
      id: 'testimony-withdrawn',
      type: 'testimony',
      body: {
        intervieweeCode: 'W-2021-003',
        interviewer: name(),
        date: { date: '2021-07' },
        transcript: text(),
        consent: {
          uses: { publication: 'identifiable', un: 'identifiable', court: 'identifiable' },
          givenOn: '2021-07-01',
          how: 'oral_recorded',
          withdrawnOn: '2022-01-15',
          withdrawalNote: text(),
        },
        caseIds: ['case-1'],
      },
    },
    {
      id: 'source-1',
      type: 'source',
      body: {
        kind: 'document',
        title: text(),
        obtainedBy: name(),
        obtainedOn: { date: '2021-04' },
        how: text(),
        reliability: 'high',
        note: text(),
        about: ['case-1'],
        custody: [{ at: '2021-04-02T10:00:00Z', by: name(), action: 'acquired', note: text() }],
      },
    },
    // An evidence file of the case and its custody log: reports never print them, and a
    // canary in each of their names and free texts proves it.
    {
      id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
      type: 'attachment',
      body: {
        recordId: 'case-1',
        name: `${words().join('-')}.jpg`,
        mediaType: 'image/jpeg',
        size: 1024,
        sha256: 'a'.repeat(64),
        addedAt: '2021-04-02T10:00:00Z',
        acquisition: {
          obtainedBy: name(),
          obtainedOn: { date: '2021-04' },
          method: text(),
          from: name(),
        },
        note: text(),
      },
    },
    {
      id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f-custody',
      type: 'custody',
      body: {
        fileId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
        index: 0,
        action: 'intake',
        at: '2021-04-02T10:00:00Z',
        by: name(),
        purpose: text(),
        sha256: 'a'.repeat(64),
      },
    },
  ];
  for (const record of records) {
    const parsed = parseRecord(record.type, record.body);
    if (!parsed.ok) throw new Error(`${record.id}: ${JSON.stringify(parsed.errors)}`);
  }
  // Which field holds which canary, read back from the bodies.
  const canaries: Canary[] = [];
  for (const record of records) {
    for (const field of describeFields(record.type)) {
      for (const { path, value } of valuesAt(record.body, field.path)) {
        if (typeof value !== 'string') continue;
        for (let n = 0; n < next; n++) {
          const w = canaryWords(n);
          if (value.includes(w[0]))
            canaries.push({ recordId: record.id, type: record.type, path, words: w });
        }
      }
    }
  }
  return {
    records: [
      ...records,
      ...defaultVocabularyRecords().map((v) => ({
        id: v.id,
        type: 'vocabulary' as const,
        body: v.body as Record<string, unknown>,
      })),
    ],
    canaries,
  };
}

/**
 * Whether a profile must keep a canary's field out of every export, worked out from the
 * rules of docs/redaction.md and the classes of docs/model.md alone: the test's own reading
 * of the specification, not the code's.
 */
export function hiddenUnder(profile: ExportProfile, canary: Canary): boolean {
  const generic = canary.path.replace(/\[\d+\]/g, '[]');
  const sensitivity = describeFields(canary.type).find((f) => f.path === generic)!.sensitivity!;
  const kind = fieldKind(canary.type, generic);
  if (profile.use !== 'internal') {
    // No consent, or consent withdrawn before the export: left out whole.
    if (canary.recordId === 'testimony-no-consent' || canary.recordId === 'testimony-withdrawn')
      return true;
    // Consent for publication only anonymously: who the witness is stays out of it.
    const anonymous =
      profile.use === 'publication' &&
      (canary.recordId === 'testimony-anonymous' || canary.recordId === 'p-witness') &&
      (sensitivity === 'confidential' || sensitivity === 'secret') &&
      (kind === 'name' || kind === 'locality' || canary.recordId === 'p-witness');
    if (anonymous) return true;
  }
  const treatment = profile.fields?.[`${canary.type}.${generic}`] ?? profile.classes[sensitivity];
  if (treatment === 'show') return false;
  if (treatment === 'coarsen') return kind !== 'official' && kind !== 'value';
  return true;
}
