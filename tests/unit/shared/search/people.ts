import type { SearchDocument } from '../../../../shared/search';

/** The spellings the issue lists, each list one person (the first is how they are stored). */
export const spellingLists = {
  kalesnikava: ['Каляснікава', 'Калесникова', 'Kaleśnikava', 'Kalesnikava', 'Kolesnikova'],
  bialiacki: ['Бяляцкі', 'Беляцкий', 'Bialiacki', 'Byalyatski', 'Belyatsky'],
  cichanouski: ['Ціханоўскі', 'Тихановский', 'Cichanoŭski', 'Tsikhanouski', 'Tikhanovsky'],
  lukashenka: ['Łukašenka', 'Лукашэнка', 'Лукашенко', 'Lukashenko', 'Lukashenka'],
  statkevich: ['Статкевіч', 'Statkievič', 'Statkevich'],
} as const;

/** One keystroke wrong in each script: a letter dropped, swapped, mistyped or doubled. */
export const typos: Record<keyof typeof spellingLists, readonly string[]> = {
  kalesnikava: ['Kalesnikva', 'Kaelsnikava', 'Калесниова', 'Kaleznikava', 'Каляснікаваа'],
  bialiacki: ['Bialiaski', 'Бяляцкт', 'Beljatsky', 'Byalyatzki', 'Бялцкі'],
  cichanouski: ['Tsikhanosuki', 'Тихановсий', 'Cichanoŭsku', 'Цiханоскі', 'Tikhanovksy'],
  lukashenka: ['Lukashenk', 'Lukahsenko', 'Лукашэнкп', 'Łukašnka', 'Lukasenko'],
  statkevich: ['Statkevic', 'Statkeivich', 'Статкевчі', 'Satkievič'],
};

/**
 * A thousand people who are not any of the above, in the mix of scripts a vault holds,
 * including names close to theirs (Kalesnik, Kalesnikau, Bialik, Lukashevich).
 */
export function distractors(): SearchDocument[] {
  const given = [
    'Аляксандр',
    'Сяргей',
    'Алена',
    'Вольга',
    'Ihar',
    'Mikałaj',
    'Natallia',
    'Sviatlana',
    'Павел',
    'Ірына',
    'Dzmitry',
    'Hanna',
    'Юрый',
    'Кацярына',
    'Viktar',
    'Palina',
    'Андрэй',
    'Таццяна',
    'Źmicier',
    'Ksienija',
    'Pavel',
    'Iryna',
    'Raman',
    'Julija',
    'Максім',
  ];
  const surnames = [
    'Kalesnik',
    'Калеснікаў',
    'Kalesnikau',
    'Bialik',
    'Бялько',
    'Lukashevich',
    'Лукашук',
    'Tsikhan',
    'Ціхановіч',
    'Statkou',
    'Лосік',
    'Babaryka',
    'Навуменка',
    'Łosik',
    'Шапавал',
    'Marozau',
    'Казлоў',
    'Sakalou',
    'Варабей',
    'Zhuk',
    'Гарбач',
    'Dzianisau',
    'Ярош',
    'Malash',
    'Корзун',
    'Piatrou',
    'Лявонцьеў',
    'Hrytsuk',
    'Сцяпанаў',
    'Makarevich',
    'Жыгалка',
    'Shushkevich',
    'Пазняк',
    'Baranau',
    'Верамейчык',
    'Hurynovich',
    'Дзюба',
    'Jermalovič',
    'Зайцаў',
    'Kavalenka',
  ];
  const out: SearchDocument[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = `${given[i % given.length]} ${surnames[Math.floor(i / given.length) % surnames.length]}`;
    out.push(person(`d${i}`, [name]));
  }
  return out;
}

export function person(
  id: string,
  names: readonly string[],
  facets: SearchDocument['facets'] = {},
): SearchDocument {
  return { id, type: 'person', names, text: [], facets };
}
