import { givenNameEquivalent } from './givenNames';
import { chReading, phonemesOf } from './phonemes';
import { spellingKey } from './spellingKey';
import { wordsOf } from './words';

/**
 * The name key: one ASCII string for every way a name word is written. The word as phoneme
 * codes (phonemes.ts), the systematic differences between the scripts neutralised
 * (spellingKey.ts), and the Belarusian and Russian forms of a given name made one
 * (givenNames.ts: Ганна is Анна, Мікалай is Николай). Equal keys are a transliterated match;
 * keys a typo apart (typos.ts) a fuzzy one.
 *
 * `name` is the whole name or query the word is from: it decides how "ch" reads. Where it
 * cannot, this is the reading as ч, and nameKeys gives both.
 */
export function nameKey(word: string, name: string = word): string {
  return nameKeys(word, name)[0]!;
}

/** The word's name key, or its two keys when "ch" could be х or ч (phonemes.ts). */
export function nameKeys(word: string, name: string = word): string[] {
  const folded = foldForKey(word);
  const reading = folded.includes('ch') ? chReading(foldForKey(name)) : 'C';
  const key = (ch: 'h' | 'C') => givenNameEquivalent(spellingKey(phonemesOf(folded, ch)));
  if (reading !== 'both') return [key(reading)];
  const [asC, asH] = [key('C'), key('h')];
  return asC === asH ? [asC] : [asC, asH];
}

/** Lower case, Cyrillic letters with their breve and diaeresis kept (й, ў, ё, ї are letters). */
function foldForKey(word: string): string {
  return word.toLowerCase().normalize('NFC');
}

/**
 * A name as the name keys of its words, in order. Where a word has two keys (nameKeys), the
 * name has two readings, the second with every such word read the other way.
 */
export function nameReadings(name: string): string[][] {
  const words = wordsOf(name)
    .map((word) => nameKeys(word, name))
    .filter((keys) => keys[0] !== '');
  if (words.length === 0) return [];
  const first = words.map((keys) => keys[0]!);
  if (words.every((keys) => keys.length === 1)) return [first];
  return [first, words.map((keys) => keys[keys.length - 1]!)];
}
