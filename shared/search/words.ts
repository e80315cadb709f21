/**
 * Splitting text into words, and the "exact" fold of a word: case and diacritics only.
 * An apostrophe inside a word (Belarusian and Ukrainian use it where Russian writes ъ) keeps
 * the word whole; a hyphen splits it, so each half of a double surname is a word of its own.
 */
const wordPattern = /[\p{L}\p{N}\p{M}]+(?:['’ʼ`][\p{L}\p{N}\p{M}]+)*/gu;

export function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const undecomposed: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * Case and diacritics folded, nothing transliterated: "Kaleśnikava" and "KALESNIKAVA" fold
 * alike, "Калеснікава" stays Cyrillic. Two spellings that fold alike are an exact match.
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}'’ʼ`]/gu, '')
    .replace(/[łđøßæœı]/g, (char) => undecomposed[char]!);
}
