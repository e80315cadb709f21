/**
 * Person-like records of about 2 KiB with the mix of scripts a Belarusian vault holds, made
 * from a seed so every run measures the same bytes.
 */
const given = [
  'Алесь',
  'Марыя',
  'Ігар',
  'Mikalai',
  'Viktar',
  'Siarhiej',
  'Ксенія',
  'Паліна',
  'Źmicier',
  'Łukaš',
];
const family = [
  'Бяляцкі',
  'Калеснікава',
  'Losik',
  'Statkievič',
  'Babaryka',
  'Ціханоўскі',
  'Навуменка',
  'Łosik',
];
const words =
  'затрыманне суд калонія адміністрацыйны арышт штраф пратакол следчы адвокат сведка hramadzianin vyrok areszt ' +
  'artykuł kodeks pratest marš Minsk Homiel Hrodna Viciebsk اعتقال محكمة شاهد';
const wordList = words.split(' ');

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SampleRecord {
  readonly id: string;
  readonly type: string;
  readonly body: { [key: string]: string | string[] | number };
}

export function sampleRecords(count: number, seed = 4032024): SampleRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const records: SampleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const note: string[] = [];
    // ~2 KiB of UTF-8 once Cyrillic's two bytes a letter are counted.
    for (let length = 0; length < 1250; length += note.at(-1)!.length + 1)
      note.push(pick(wordList));
    records.push({
      id: `p${i.toString(36).padStart(6, '0')}`,
      type: 'person',
      body: {
        names: [`${pick(given)} ${pick(family)}`, `${pick(given)} ${pick(family)}`],
        sex: random() < 0.12 ? 'female' : 'male',
        born: 1950 + Math.floor(random() * 55),
        region: pick(['Minsk', 'Homiel', 'Hrodna', 'Brest', 'Viciebsk', 'Mahilioŭ']),
        articles: [pick(['342', '361-1', '368', '369', '130'])],
        notes: note.join(' '),
      },
    });
  }
  return records;
}
