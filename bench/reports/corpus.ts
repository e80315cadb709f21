import type { RedactionInput } from '../../shared/redaction';
import { defaultVocabularyRecords } from '../../shared/vocabularies';

const givenNames = [
  'Марыя',
  'Аляксандр',
  'Ганна',
  'Зміцер',
  'Вольга',
  'Мікалай',
  'Таццяна',
  'Ігар',
  'Кацярына',
  'Павел',
];
const surnames = [
  'Калеснікава',
  'Бяляцкі',
  'Статкевіч',
  'Лосік',
  'Знак',
  'Бабарыка',
  'Ціханоўская',
  'Лапцёнак',
  'Шпаковіч',
  'Ярашук',
];
const regions = ['by-hm', 'by-br', 'by-ho', 'by-hr', 'by-ma', 'by-mi', 'by-vi'];
const articles = ['cc-342', 'cc-130', 'cc-361-1', 'cc-369', 'cc-368', 'cc-293'];
const facilities = [
  'sizo-1-minsk',
  'ik-4-homiel',
  'ik-9-horki',
  'prison-8-zhodzina',
  'ik-24-zarechcha',
];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `prisoners` political prisoners, each with a detention and a criminal proceeding, names in
 * Cyrillic and Łacinka, a few in Arabic script: what a monthly review's list is made of.
 */
export function reviewCorpus(prisoners: number): RedactionInput[] {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const records: RedactionInput[] = [...defaultVocabularyRecords()];
  for (let i = 0; i < prisoners; i++) {
    const id = `person-${String(i).padStart(5, '0')}`;
    const year = 2020 + Math.floor(random() * 4);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const from = `${year}-${month}-${day}`;
    const name = i % 97 === 0 ? 'محمد عبد الله الأحمد' : `${pick(givenNames)} ${pick(surnames)}`;
    records.push({
      id,
      type: 'person',
      body: {
        names: [
          { value: name, lang: i % 97 === 0 ? 'ar' : 'be', kind: 'primary' },
          { value: `Variant ${i} Łacinka`, lang: 'be-Latn' },
        ],
        sex: random() < 0.15 ? 'female' : 'male',
        region: pick(regions),
        locality: 'Вёска Малая',
        contacts: { phones: [`+375 29 ${String(1_000_000 + i)}`] },
        statuses: [
          {
            kind: 'political_prisoner',
            validFrom: { date: from },
            recordedAt: `${from}T12:00:00Z`,
          },
        ],
      },
    });
    records.push({
      id: `detention-${i}`,
      type: 'detention',
      body: {
        personId: id,
        facility: pick(facilities),
        from: { date: from },
        regime: 'general',
        note: 'Перавод паміж установамі.',
      },
    });
    records.push({
      id: `proceeding-${i}`,
      type: 'proceeding',
      body: {
        personId: id,
        kind: 'criminal',
        charges: [pick(articles), ...(random() < 0.3 ? [pick(articles)] : [])].filter(
          (a, j, all) => all.indexOf(a) === j,
        ),
        verdict: { date: { date: `${year + 1}-${month}` }, outcome: 'convicted' },
        sentence: { prisonMonths: 12 + Math.floor(random() * 120) },
      },
    });
  }
  records.push({
    id: 'case-0',
    type: 'case',
    body: {
      title: 'Справа аб «групавых дзеяннях»',
      summary: 'Затрыманыя пасля акцыі салідарнасці; суд за зачыненымі дзвярыма.',
      type: 'criminal-prosecution',
      date: { date: '2021-03-02' },
      place: { country: 'BY', region: 'by-hm', locality: 'Мінск' },
      involvements: [
        { personId: 'person-00001', role: 'victim' },
        { personId: 'person-00002', role: 'victim' },
        { personId: 'person-00003', role: 'witness' },
      ],
    },
  });
  records.push({
    id: 'act-0',
    type: 'act',
    body: {
      caseId: 'case-0',
      victimId: 'person-00001',
      type: 'arbitrary-detention',
      date: { date: '2021-03-02' },
    },
  });
  return records;
}
