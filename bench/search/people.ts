import { lacinka, passport, press } from './romanise';

/**
 * Belarusian names as a vault holds them: a Belarusian Cyrillic form, the Russian form of
 * the official papers, and the Latin spellings (Łacinka, passport, press) in which the same
 * person reaches a documenter. Surnames are roots and suffixes, so that a 100k-person vault
 * has the long tail of distinct surnames a real one has.
 */
type Pair = readonly [belarusian: string, russian: string];

const maleGiven: Pair[] = [
  ['Аляксандр', 'Александр'],
  ['Сяргей', 'Сергей'],
  ['Дзмітрый', 'Дмитрий'],
  ['Андрэй', 'Андрей'],
  ['Алесь', 'Алесь'],
  ['Мікалай', 'Николай'],
  ['Віктар', 'Виктор'],
  ['Ігар', 'Игорь'],
  ['Уладзімір', 'Владимир'],
  ['Павел', 'Павел'],
  ['Юрый', 'Юрий'],
  ['Міхаіл', 'Михаил'],
  ['Васіль', 'Василий'],
  ['Максім', 'Максим'],
  ['Яўген', 'Евгений'],
  ['Антон', 'Антон'],
  ['Раман', 'Роман'],
  ['Уладзіслаў', 'Владислав'],
  ['Станіслаў', 'Станислав'],
  ['Кірыл', 'Кирилл'],
  ['Змітрок', 'Дмитрий'],
  ['Зміцер', 'Дмитрий'],
  ['Пётр', 'Пётр'],
  ['Анатоль', 'Анатолий'],
  ['Генадзь', 'Геннадий'],
  ['Валянцін', 'Валентин'],
  ['Эдуард', 'Эдуард'],
  ['Ілля', 'Илья'],
  ['Ягор', 'Егор'],
  ['Арцём', 'Артём'],
  ['Мікіта', 'Никита'],
  ['Дзяніс', 'Денис'],
];
const femaleGiven: Pair[] = [
  ['Марыя', 'Мария'],
  ['Вольга', 'Ольга'],
  ['Алена', 'Елена'],
  ['Наталля', 'Наталья'],
  ['Святлана', 'Светлана'],
  ['Ірына', 'Ирина'],
  ['Таццяна', 'Татьяна'],
  ['Ганна', 'Анна'],
  ['Кацярына', 'Екатерина'],
  ['Юлія', 'Юлия'],
  ['Вікторыя', 'Виктория'],
  ['Ксенія', 'Ксения'],
  ['Паліна', 'Полина'],
  ['Людміла', 'Людмила'],
  ['Галіна', 'Галина'],
  ['Надзея', 'Надежда'],
  ['Вераніка', 'Вероника'],
  ['Дар’я', 'Дарья'],
  ['Аксана', 'Оксана'],
  ['Лізавета', 'Елизавета'],
  ['Валянціна', 'Валентина'],
  ['Ала', 'Алла'],
  ['Лілія', 'Лилия'],
  ['Насця', 'Настя'],
];
const roots: Pair[] = [
  ['Каляснік', 'Колесник'],
  ['Каваль', 'Коваль'],
  ['Бяляц', 'Белец'],
  ['Ціхан', 'Тихан'],
  ['Лукаш', 'Лукаш'],
  ['Статкев', 'Статкев'],
  ['Навум', 'Наум'],
  ['Бабар', 'Бабар'],
  ['Лосік', 'Лосик'],
  ['Шапавал', 'Шаповал'],
  ['Мароз', 'Мороз'],
  ['Казлоў', 'Козлов'],
  ['Сакал', 'Сокол'],
  ['Варабей', 'Воробей'],
  ['Жук', 'Жук'],
  ['Гарбач', 'Горбач'],
  ['Дзянісав', 'Денисов'],
  ['Ярош', 'Ярош'],
  ['Малаш', 'Малаш'],
  ['Корзун', 'Корзун'],
  ['Пятроў', 'Петров'],
  ['Лявонц', 'Леонц'],
  ['Грыц', 'Гриц'],
  ['Сцяпан', 'Степан'],
  ['Макар', 'Макар'],
  ['Жыгал', 'Жигал'],
  ['Шушкев', 'Шушкев'],
  ['Пазняк', 'Позняк'],
  ['Баран', 'Баран'],
  ['Верамей', 'Веремей'],
  ['Гурын', 'Гурин'],
  ['Дзюб', 'Дюб'],
  ['Ермал', 'Ермол'],
  ['Зайц', 'Зайц'],
  ['Кавалёў', 'Ковалёв'],
  ['Лапац', 'Лопат'],
  ['Мельнік', 'Мельник'],
  ['Нясцер', 'Нестер'],
  ['Пракоп', 'Прокоп'],
  ['Рабц', 'Рябц'],
  ['Савіц', 'Савиц'],
  ['Ткач', 'Ткач'],
  ['Усцін', 'Устин'],
  ['Філіп', 'Филип'],
  ['Хадкев', 'Ходкев'],
  ['Цярэш', 'Терещ'],
  ['Чарнав', 'Чернов'],
  ['Шаўц', 'Шевц'],
  ['Юрчан', 'Юрчен'],
  ['Якуб', 'Якуб'],
  ['Аўсянік', 'Овсяник'],
  ['Бандар', 'Бондар'],
  ['Васілеў', 'Васильев'],
  ['Галуб', 'Голуб'],
  ['Давыд', 'Давыд'],
  ['Емяльян', 'Емельян'],
  ['Жданав', 'Жданов'],
  ['Захар', 'Захар'],
  ['Ігнац', 'Игнат'],
  ['Кулеш', 'Кулеш'],
  ['Ляўкоў', 'Левков'],
  ['Мацкев', 'Мацкев'],
  ['Нікалаеў', 'Николаев'],
  ['Пацэй', 'Пацей'],
  ['Радзевіч', 'Радевич'],
  ['Сідар', 'Сидор'],
  ['Тарас', 'Тарас'],
  ['Хмель', 'Хмель'],
  ['Цвірк', 'Цвирк'],
  ['Чаплін', 'Чаплин'],
  ['Шчарбак', 'Щербак'],
  ['Яцкев', 'Яцкев'],
  ['Біруль', 'Бируль'],
  ['Вашкев', 'Вашкев'],
  ['Гайдук', 'Гайдук'],
  ['Дубаў', 'Дубов'],
  ['Кірыл', 'Кирилл'],
  ['Марцін', 'Мартин'],
  ['Рыгор', 'Григор'],
  ['Хвалей', 'Хволей'],
];
type Suffix = readonly [male: Pair, female: Pair];
const suffixes: Suffix[] = [
  [
    ['енка', 'енко'],
    ['енка', 'енко'],
  ],
  [
    ['ук', 'ук'],
    ['ук', 'ук'],
  ],
  [
    ['ік', 'ик'],
    ['ік', 'ик'],
  ],
  [
    ['скі', 'ский'],
    ['ская', 'ская'],
  ],
  [
    ['овіч', 'ович'],
    ['овіч', 'ович'],
  ],
  [
    ['ёнак', 'ёнок'],
    ['ёнак', 'ёнок'],
  ],
  [
    ['аў', 'ов'],
    ['ава', 'ова'],
  ],
  [
    ['ін', 'ин'],
    ['іна', 'ина'],
  ],
  [
    ['ец', 'ец'],
    ['ец', 'ец'],
  ],
  [
    ['чык', 'чик'],
    ['чык', 'чик'],
  ],
];

export type Script = 'be' | 'ru' | 'lacinka' | 'passport' | 'press';
export const scripts: readonly Script[] = ['be', 'ru', 'lacinka', 'passport', 'press'];

export interface PersonName {
  readonly sex: 'female' | 'male';
  /** The full name in each script. */
  readonly spellings: Readonly<Record<Script, string>>;
  /** The surname alone in each script. */
  readonly surnames: Readonly<Record<Script, string>>;
}

export function personName(random: () => number): PersonName {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sex = random() < 0.3 ? 'female' : 'male';
  const [given, root, suffix] = [
    pick(sex === 'female' ? femaleGiven : maleGiven),
    pick(roots),
    pick(suffixes)[sex === 'female' ? 1 : 0],
  ];
  // A root ending in ў takes a suffix after в: Казлоў + ін is Казловін (Козлов + ин).
  const join = (r: string, s: string) =>
    (r.endsWith('ў') && /^[аеёоуіыя]/.test(s) ? r.slice(0, -1) + 'в' : r) + s;
  const be = join(root[0], suffix[0]);
  const ru = root[1] + suffix[1];
  const surnames = {
    be,
    ru,
    lacinka: lacinka(be),
    passport: passport(be),
    press: press(ru),
  };
  const spellings = {
    be: `${given[0]} ${be}`,
    ru: `${given[1]} ${ru}`,
    lacinka: lacinka(`${given[0]} ${be}`),
    passport: passport(`${given[0]} ${be}`),
    press: press(`${given[1]} ${ru}`),
  };
  return { sex, spellings, surnames };
}

/** One keystroke wrong: a letter dropped, doubled, swapped with its neighbour or mistyped. */
export function withTypo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letters = [...word];
  const kind = Math.floor(random() * 4);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) letters.splice(at, 0, letters[at]!);
  else if (kind === 2) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else {
    const latin = /[a-z]/i.test(word);
    const alphabet = latin ? 'abdeiklmnoprstuvz' : 'абдеіклмнопрстувз';
    letters[at] = alphabet[Math.floor(random() * alphabet.length)]!;
  }
  return letters.join('');
}
