import { phonemesOf } from './phonemes';
import { spellingKey } from './spellingKey';

/**
 * Given names whose Belarusian and Russian forms differ by more than spelling: a person is
 * Ганна in Belarusian papers and Анна in Russian ones, Мікалай and Николай. Each group
 * shares the key of its first member. Only pairs whose keys differ need to be here
 * (Алена / Елена, Таццяна / Татьяна, Уладзімір / Владимир already share a key).
 */
const groups: readonly (readonly string[])[] = [
  ['Аляксандр', 'Александр', 'Алесь'],
  ['Ганна', 'Анна'],
  ['Надзея', 'Надежда'],
  ['Дзмітрый', 'Дмитрий', 'Зміцер', 'Змітрок'],
  ['Іван', 'Иван', 'Янка'],
  ['Канстанцін', 'Константин', 'Кастусь'],
  ['Міхаіл', 'Михаил', 'Міхась'],
  ['Вольга', 'Ольга'],
  ['Яўген', 'Евгений'],
  ['Рыгор', 'Григорий'],
  ['Генадзь', 'Геннадий'],
  ['Анатоль', 'Анатолий'],
  ['Васіль', 'Василий'],
  ['Віталь', 'Виталий'],
  ['Кацярына', 'Екатерина'],
  ['Лізавета', 'Елизавета'],
  ['Хведар', 'Фёдор'],
  ['Мікалай', 'Николай'],
  ['Мікіта', 'Никита'],
  ['Язэп', 'Иосиф', 'Іосіф'],
  ['Кірыл', 'Кирилл', 'Кірыла'],
];

let equivalents: Map<string, string> | undefined;

export function givenNameEquivalent(key: string): string {
  if (equivalents === undefined) {
    equivalents = new Map();
    for (const group of groups) {
      const keys = group.map((name) => spellingKey(phonemesOf(name.toLowerCase(), 'C')));
      for (const key of keys) if (key !== keys[0]) equivalents.set(key, keys[0]!);
    }
  }
  return equivalents.get(key) ?? key;
}
