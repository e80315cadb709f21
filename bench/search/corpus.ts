import type { JsonObject } from '../../shared/records';
import { personName, scripts, withTypo, type PersonName, type Script } from './people';

/**
 * A vault's worth of person and case records, made from a seed so every run measures the
 * same data: persons with their names in mixed scripts (some with a typo, as entered in a
 * hurry), and cases of about a hundred words of Belarusian and Russian text that name them.
 */
export interface BenchRecord {
  readonly id: string;
  readonly type: string;
  readonly body: JsonObject;
}

export interface Corpus {
  readonly records: BenchRecord[];
  /** Every word the text is made of, the most frequent first. */
  readonly lexicon: readonly string[];
  readonly people: { readonly id: string; readonly name: PersonName }[];
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = (
  'затрыманне затрымалі суд суддзя пракурор следчы адвакат сведка калонія турма ізалятар ' +
  'пратакол арышт штраф суткі пратэст акцыя марш вобласць горад раён міліцыя АМАП ' +
  'вобшук канфіскацыя тэлефон кампутар жонка муж маці бацька дзеці сястра брат ' +
  'паведаміла паведаміў расказала расказаў катаванні збіццё голад холад камера ' +
  'прысуд гадоў пазбаўлення волі рэжым узмоцнены агульны прымусовыя працы хіміі ' +
  'абвінавачанне артыкул Крымінальнага кодэкса адміністрацыйнага правапарушэння ' +
  'задержание задержали суд судья прокурор следователь адвокат свидетель колония тюрьма ' +
  'протокол арест штраф сутки протест акция марш область город район милиция ОМОН ' +
  'обыск конфискация телефон компьютер жена муж мать отец дети сестра брат ' +
  'сообщила сообщил рассказала рассказал пытки избиение голод холод камера ' +
  'приговор лет лишения свободы режим усиленный общий обвинение статья Уголовного кодекса ' +
  'і ў на з па да ад і не што як але и в на с по до от не что как но ' +
  'ліст пасылка перадача ўрач медыцынская дапамога хвароба бальніца ' +
  'Мінск Гомель Гродна Брэст Віцебск Магілёў Барысаў Пінск Ліда Маладзечна Салігорск ' +
  'Минск Гомель Гродно Брест Витебск Могилёв Борисов Пинск Лида Молодечно Солигорск'
).split(' ');

/**
 * Real text has a long tail: tens of thousands of word forms, most of them rare. The real
 * words above are the head; made-up words from Belarusian syllables are the tail.
 */
function vocabulary(random: () => number): string[] {
  const syllables = 'ка ла ра ві ту мо сы не да пі ро жа ці ля гу бе ша зо чы ню ме ха ва ды'.split(
    ' ',
  );
  const endings = ['', 'ць', 'ў', 'ы', 'ая', 'скі', 'ам', 'ох'];
  const tail = new Set<string>();
  while (tail.size < 20_000) {
    let word = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--)
      word += syllables[Math.floor(random() * syllables.length)];
    tail.add(word + endings[Math.floor(random() * endings.length)]);
  }
  return [...words, ...tail];
}

/** Zipf's law (rank r about as frequent as 1/r): a log-uniform rank. */
function zipf(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);
}

const regions = ['minsk', 'minsk-region', 'brest', 'homiel', 'hrodna', 'viciebsk', 'mahilioŭ'];
const articles = ['342', '361-1', '368', '369', '130', '293', '24.23', '19.11'];
const statuses = ['political_prisoner', 'released', 'detained', 'under_investigation'];

export function makeCorpus(persons: number, cases: number, seed = 20200809): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lexicon = vocabulary(random);
  const records: BenchRecord[] = [];
  const people: Corpus['people'] = [];
  const date = () =>
    `${2020 + Math.floor(random() * 5)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  for (let i = 0; i < persons; i++) {
    const id = `p${i.toString(36).padStart(6, '0')}`;
    const name = personName(random);
    people.push({ id, name });
    const spellings: { value: string; lang: string }[] = [{ value: name.spellings.be, lang: 'be' }];
    for (const script of scripts.slice(1))
      if (random() < 0.4) spellings.push({ value: name.spellings[script], lang: script });
    if (random() < 0.15) {
      const slip = pick(spellings);
      const [given, ...rest] = slip.value.split(' ');
      spellings.push({
        value: [given, ...rest.map((w) => withTypo(w, random))].join(' '),
        lang: slip.lang,
      });
    }
    const notes: string[] = [];
    for (let w = 0; w < 20; w++) notes.push(lexicon[zipf(random, lexicon.length)]!);
    records.push({
      id,
      type: 'person',
      body: {
        names: spellings,
        sex: name.sex,
        birthDate: { date: String(1950 + Math.floor(random() * 55)) },
        region: pick(regions),
        statuses: [{ kind: pick(statuses), validFrom: { date: date() } }],
        notes: notes.join(' '),
      },
    });
  }
  for (let i = 0; i < cases; i++) {
    const text: string[] = [];
    for (let w = 0; w < 100; w++) {
      if (random() < 0.03 && people.length > 0) {
        // Cases name their people in whatever script the source used, inflected or not.
        const person = pick(people).name;
        text.push(person.surnames[pick(scripts)] + (random() < 0.3 ? 'а' : ''));
      } else {
        text.push(lexicon[zipf(random, lexicon.length)]!);
      }
    }
    records.push({
      id: `c${i.toString(36).padStart(6, '0')}`,
      type: 'case',
      body: {
        title: `Справа ${i}`,
        summary: text.join(' '),
        region: pick(regions),
        charges: [pick(articles)],
        date: { date: date() },
      },
    });
  }
  return { records, people, lexicon };
}

export interface NameQuery {
  readonly script: Script | 'typo';
  /** The script the query is written in (for a typo, the script it was made in). */
  readonly spelledIn: Script;
  readonly text: string;
  /** The person the query is for. */
  readonly id: string;
}

/** For each sampled person: their full name in each script, and one with a typo in the surname. */
export function nameQueries(corpus: Corpus, count: number, seed = 342): NameQuery[] {
  const random = seededRandom(seed);
  const out: NameQuery[] = [];
  for (let i = 0; i < count; i++) {
    const { id, name } = corpus.people[Math.floor(random() * corpus.people.length)]!;
    for (const script of scripts)
      out.push({ script, spelledIn: script, text: name.spellings[script], id });
    const script = scripts[Math.floor(random() * scripts.length)]!;
    const [given, surname] = name.spellings[script].split(' ');
    out.push({
      script: 'typo',
      spelledIn: script,
      text: `${given} ${withTypo(surname!, random)}`,
      id,
    });
  }
  return out;
}
