/**
 * The spellings a Belarusian name is met in, made the way people make them, so the bench
 * searches for the forms a documenter actually has. Deliberately written apart from
 * shared/search: the bench must not spell names with the code it measures.
 */
const vowels = 'аеёіоуыэюяиє';
const softening = 'еёіюяь';

function isVowel(c: string | undefined): boolean {
  return c !== undefined && vowels.includes(c);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function spell(
  name: string,
  letter: (c: string, prev: string | undefined, next: string | undefined) => string,
) {
  return name
    .split(' ')
    .map((word) => {
      const lower = word.toLowerCase();
      let out = '';
      for (let i = 0; i < lower.length; i++) out += letter(lower[i]!, lower[i - 1], lower[i + 1]);
      return capitalise(out);
    })
    .join(' ');
}

/** Belarusian Łacinka (classical: ł before hard vowels, ia/ie after consonants, ch for х). */
export function lacinka(belarusian: string): string {
  const plain: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'h',
    д: 'd',
    ж: 'ž',
    з: 'z',
    і: 'i',
    й: 'j',
    к: 'k',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ў: 'ŭ',
    ф: 'f',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    ы: 'y',
    э: 'e',
    "'": '',
    '’': '',
  };
  const iotated: Record<string, string> = { я: 'a', е: 'e', ё: 'o', ю: 'u' };
  return spell(belarusian, (c, prev, next) => {
    if (c === 'л') return next !== undefined && softening.includes(next) ? 'l' : 'ł';
    if (c === 'ь') return '';
    if (iotated[c] !== undefined) {
      const afterConsonant = prev !== undefined && !isVowel(prev) && prev !== "'" && prev !== '’';
      if (prev === 'л') return iotated[c]!;
      return (afterConsonant ? 'i' : 'j') + iotated[c]!;
    }
    if (c === 'с' && next === 'ь') return 'ś';
    if (c === 'ц' && next === 'ь') return 'ć';
    if (c === 'з' && next === 'ь') return 'ź';
    return plain[c] ?? c;
  });
}

/** Belarusian passports and the national romanisation without diacritics (kh, ts, ch, sh, u for ў). */
export function passport(belarusian: string): string {
  const plain: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'h',
    д: 'd',
    ж: 'zh',
    з: 'z',
    і: 'i',
    й: 'i',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ў: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    ы: 'y',
    э: 'e',
    ь: '',
    "'": '',
    '’': '',
  };
  const iotated: Record<string, string> = { я: 'a', е: 'e', ё: 'o', ю: 'u' };
  return spell(belarusian, (c, prev) => {
    if (iotated[c] !== undefined) {
      const afterConsonant = prev !== undefined && !isVowel(prev);
      return (afterConsonant ? 'i' : 'y') + iotated[c]!;
    }
    return plain[c] ?? c;
  });
}

/** The English press romanisation, made from the Russian form (BGN/PCGN without ë). */
export function press(russian: string): string {
  const plain: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    ё: 'yo',
  };
  return spell(russian, (c, prev, next) => {
    if (c === 'е') return prev === undefined || isVowel(prev) ? 'ye' : 'e';
    if (c === 'и' && next === 'й') return 'y';
    if (c === 'й' && prev === 'и') return '';
    return plain[c] ?? c;
  });
}
