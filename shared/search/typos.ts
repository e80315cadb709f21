import { boundedEditDistance } from './editDistance';

/**
 * Whether two different name keys are one typo apart, and how far: the edits between them
 * weighed so that adding, dropping or changing a vowel costs half (a vowel is the likeliest slip, and
 * the consonants carry a name), or null when they are not a typo apart.
 *
 * One keystroke can move a key by two edits: dropping the consonant between two vowels also
 * merges the vowels (Зайцец → Зайцц, Дзюбаў → Дзюаў: vowel-consonant-vowel becomes a vowel). So a short key may
 * differ by two edits when that is what happened, and by one otherwise (Лось / Лосік, Ivan /
 * Ivanov and Бялько / Бяляцкі stay apart). Long keys, of eight sounds or more, may differ by
 * two edits anywhere. Keys of up to five sounds must begin alike, and keys of three or fewer
 * tolerate nothing: at that length almost every key is an edit from another.
 */
export function typoEdits(a: string, b: string): number | null {
  const longer = Math.max(a.length, b.length);
  if (longer < 4 || (longer <= 5 && a[0] !== b[0])) return null;
  // One keystroke, though two edits on the key.
  if (isVowelMerge(a, b)) return 1;
  const edits = boundedEditDistance(a, b, maxTypoEdits);
  if (edits === 0 || edits > (longer >= 8 ? 2 : 1)) return null;
  return weighedEdits(a, b);
}

export const maxTypoEdits = 2;

/** The vowel classes of a name key (spellingKey.ts). */
const vowels = 'aiu';

function isVowel(code: string | undefined): boolean {
  return code !== undefined && vowels.includes(code);
}

/** Two vowel runs made one, classed as spellingKey.ts classes a run. */
function merged(a: string, b: string): string {
  if (a === 'u' || b === 'u') return 'u';
  if (a === 'a' || b === 'a') return 'a';
  return 'i';
}

/** Whether the shorter key is the longer with one vowel-consonant-vowel made one vowel. */
function isVowelMerge(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 2) return false;
  for (let i = 1; i + 1 < long.length; i++) {
    const [before, consonant, after] = [long[i - 1]!, long[i]!, long[i + 1]!];
    if (!isVowel(before) || isVowel(consonant) || !isVowel(after)) continue;
    if (long.slice(0, i - 1) + merged(before, after) + long.slice(i + 2) === short) return true;
  }
  return false;
}

/** Damerau-Levenshtein distance where inserting, deleting or changing a vowel costs 0.5. */
function weighedEdits(a: string, b: string): number {
  const indel = (c: string) => (isVowel(c) ? 0.5 : 1);
  const change = (x: string, y: string) => (x === y ? 0 : isVowel(x) && isVowel(y) ? 0.5 : 1);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push(new Array<number>(b.length + 1).fill(0));
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      if (i > 0) best = d[i - 1]![j]! + indel(a[i - 1]!);
      if (j > 0) best = Math.min(best, d[i]![j - 1]! + indel(b[j - 1]!));
      if (i > 0 && j > 0) best = Math.min(best, d[i - 1]![j - 1]! + change(a[i - 1]!, b[j - 1]!));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
