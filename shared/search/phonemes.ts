/**
 * Any spelling of a Belarusian, Russian or Ukrainian name, in Cyrillic or in a Latin
 * script (Łacinka, Polish-style, the passport and press romanisations), as one string of
 * phoneme codes. One code a sound, so that an edit distance counts sounds, not letters:
 *
 *   a e i o u y j   vowels and the glide (collapsed later by the name key)
 *   h               г, ґ, х: Belarusian and Ukrainian г is h where Russian has g, and the
 *                   romanisations write х as h, kh or ch
 *   Z S C           ж, ш, ч (ž zh ż, š sh sz, č ch cz)
 *   c               ц (c, ts)
 *   v               в, ў, w (Belarusian ў stands where Russian has в)
 * and the plain Latin consonants for the rest.
 */
const cyrillic: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'h',
  д: 'd',
  е: 'je',
  ё: 'jo',
  є: 'je',
  ж: 'Z',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'ji',
  й: 'j',
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
  ў: 'v',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'C',
  ш: 'S',
  щ: 'SC',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
};

/** Latin letters whose diacritic changes the sound (Łacinka, Polish, Czech-style). */
const latinWithMark: Readonly<Record<string, string>> = {
  ł: 'l',
  ś: 's',
  ć: 'c',
  ź: 'z',
  ń: 'n',
  ż: 'Z',
  ž: 'Z',
  š: 'S',
  č: 'C',
  ŭ: 'v',
};

const plainLatin: Readonly<Record<string, string>> = {
  g: 'h',
  w: 'v',
  x: 'ks',
  q: 'k',
};

/** Second letters of the digraphs, for the letter before them. */
const digraphs: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  z: { h: 'Z' },
  s: { h: 'S', z: 'S' },
  k: { h: 'h' },
  c: { z: 'C' },
};

/**
 * "ch" is х in Łacinka and Polish (Cichanoŭski) but ч in the English romanisations
 * (Statkevich). The whole name is the evidence, not one word (in "Nadzieja Chmielenka" the j
 * of the given name decides): signs of the Slavic Latin scripts (their diacritics, cz / sz,
 * w, j, a c that does not start "ch") read it as х; signs of the English ones (kh, zh, sh,
 * ts) as ч. A name with neither, Zacharik typed without diacritics, is read both ways.
 */
export type ChReading = 'h' | 'C' | 'both';

const slavicLatinSign = /[łśćźńżžščŭěwj]|cz|sz|c(?![hz])/;
const englishSign = /kh|zh|sh|ts/;

export function chReading(lowerCaseName: string): ChReading {
  const name = lowerCaseName.normalize('NFC');
  if (!name.includes('ch')) return 'C';
  if (slavicLatinSign.test(name)) return 'h';
  if (englishSign.test(name)) return 'C';
  return 'both';
}

const apostrophes = /['’ʼ`]/;

export function phonemesOf(lowerCaseWord: string, ch: 'h' | 'C'): string {
  const word = lowerCaseWord.normalize('NFC');
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    const fromCyrillic = cyrillic[char];
    if (fromCyrillic !== undefined) {
      out += fromCyrillic;
      continue;
    }
    const marked = latinWithMark[char];
    if (marked !== undefined) {
      out += marked;
      continue;
    }
    const base = baseLatin(char);
    if (base === null) {
      if (!apostrophes.test(char)) out += char;
      continue;
    }
    // Digraphs are written without marks; "sž" is two sounds, not "sz".
    const next = word[i + 1] ?? '';
    if (base === 'c' && next === 'h') {
      out += ch;
      i++;
      continue;
    }
    const digraph = digraphs[base]?.[next];
    if (digraph !== undefined) {
      out += digraph;
      i++;
      continue;
    }
    out += plainLatin[base] ?? base;
  }
  return out;
}

/** a-z for a Latin letter with or without a mark that does not change its sound, else null. */
function baseLatin(char: string): string | null {
  if (char >= 'a' && char <= 'z') return char;
  if (char <= '\u007f' || char > '\u024f') return null;
  const base = char.normalize('NFD')[0]!;
  return base >= 'a' && base <= 'z' ? base : null;
}
