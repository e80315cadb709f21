import type { RecordType } from '../model';
import { nameKeys } from '../search';
import type { RemovedValue } from './redact';

/**
 * The leak check's matching: whether text extracted from an export holds a value that
 * redaction removed, or a spelling of a removed name in another script or transliteration.
 * Extraction (pdfjs, raw PDF streams) is the caller's; this module sees only strings, so the
 * same rules apply to a PDF, an HTML page, a CSV or a JSON export.
 *
 * - A removed name is found when the name keys of all its words (shared/search: Каляснікава,
 *   Kaleśnikava and Kolesnikova share one) stand next to each other in the text, in any order;
 *   or when one of its words of four letters or more does, unless that word is also in a name
 *   the export shows or in the report's own wording (labels, vocabulary terms).
 * - A removed text (a note, a phone number, a marked passage) is found when it stands in the
 *   text, case, accents and spacing aside; a long one (over 12 words) when any 8 of its words
 *   in a row do.
 */

export interface LeakSource {
  readonly recordId: string;
  readonly type: RecordType;
  readonly path: string;
  readonly passage?: true;
}

export type LeakHow = 'name' | 'name-variant' | 'text' | 'passage';

/** Which field leaked, and how it was recognised; never the value itself. */
export interface LeakFinding extends LeakSource {
  readonly how: LeakHow;
  /** Where in the export: "page 3", "metadata", "html". */
  readonly where: string;
}

interface NameNeedle {
  readonly source: LeakSource;
  /** Each reading: the keys of the name's words, sorted (order does not matter). */
  readonly readings: readonly (readonly string[])[];
  /** Keys of single words distinctive enough to count alone. */
  readonly words: readonly string[];
}

interface TextNeedle {
  readonly source: LeakSource;
  readonly folded: string;
  readonly words: readonly string[];
  readonly long: boolean;
}

export interface LeakNeedles {
  readonly names: readonly NameNeedle[];
  readonly texts: readonly TextNeedle[];
  readonly count: number;
}

/**
 * Name keys of the words already seen in one export's text: a report repeats its words. Kept
 * with the needles, and dropped with them, never in a module-wide cache that would hold
 * names after the export.
 */
const keyCaches = new WeakMap<LeakNeedles, Map<string, string[]>>();

const shingleLength = 8;
const longTextWords = 12;
const minimumLetters = 4;

/** Characters that carry no letter: bidi controls, joiners, soft hyphens, byte-order marks. */
// \p{Cc} holds the NUL that pdfjs gives for a glyph it cannot map to a character; line
// breaks and tabs are control characters too, and stay, as spaces between words.
const invisible = /[\p{Cf}\p{Cc}\u0640]/gu;
const dropInvisible = (char: string) => (/\s/.test(char) ? ' ' : '');
const wordPattern = /[\p{L}\p{N}\p{M}]+(?:['’ʼ`][\p{L}\p{N}\p{M}]+)*/gu;
const arabicLetter = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/u;

const undecomposed: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/** Case, accents, presentation forms and invisible characters folded away; spaces collapsed. */
export function foldForLeaks(text: string): string {
  return text
    .normalize('NFKC')
    .replace(invisible, dropInvisible)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœı]/g, (char) => undecomposed[char]!)
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordsIn(text: string): string[] {
  return text.normalize('NFKC').replace(invisible, dropInvisible).match(wordPattern) ?? [];
}

const letters = (word: string) => (word.match(/\p{L}/gu) ?? []).length;

/** The name keys of a word; Arabic words are folded and compared as written. */
function wordKeys(word: string): string[] {
  if (arabicLetter.test(word)) return [foldForLeaks(word)];
  return nameKeys(word).filter((key) => key !== '');
}

/** Like nameReadings (shared/search), with Arabic words folded rather than keyed. */
function nameReadingsOf(name: string): string[][] {
  const words = wordsIn(name)
    .map((word) => (arabicLetter.test(word) ? [foldForLeaks(word)] : nameKeys(word, name)))
    .filter((keys) => keys.length > 0 && keys[0] !== '');
  if (words.length === 0) return [];
  const first = words.map((keys) => keys[0]!);
  if (words.every((keys) => keys.length === 1)) return [first];
  return [first, words.map((keys) => keys[keys.length - 1]!)];
}

/**
 * What to look for, from redaction's removed values. `allowed` holds text the export shows on
 * purpose (names it shows, its own labels and vocabulary terms): single name words that occur
 * there are not taken for leaks.
 */
export function leakNeedles(
  removed: readonly RemovedValue[],
  allowed: { readonly shownNames: readonly string[]; readonly wording: readonly string[] },
): LeakNeedles {
  const allowedKeys = new Set<string>();
  const allowedFolded = new Set<string>();
  for (const text of [...allowed.shownNames, ...allowed.wording]) {
    for (const word of wordsIn(text)) for (const key of wordKeys(word)) allowedKeys.add(key);
  }
  for (const name of allowed.shownNames) allowedFolded.add(foldForLeaks(name));
  const wordingFolded = allowed.wording.map(foldForLeaks).join('\n');
  const wordingWords = new Set(wordingFolded.match(wordPattern) ?? []);

  const names: NameNeedle[] = [];
  const texts: TextNeedle[] = [];
  const seen = new Set<string>();
  for (const value of removed) {
    const folded = foldForLeaks(value.value);
    // Too short to say anything, and found everywhere: "A.", "12".
    if ((folded.match(/[\p{L}\p{N}]/gu) ?? []).length < minimumLetters) continue;
    const source: LeakSource = {
      recordId: value.recordId,
      type: value.type,
      path: value.path,
      ...(value.passage ? { passage: true as const } : {}),
    };
    const dedupe = `${value.recordId}\u0000${value.path}\u0000${folded}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    if ((value.kind === 'name' || value.kind === 'official') && !value.passage) {
      // A name the export shows elsewhere on purpose (an official under a coarsening profile)
      // is not a leak where it is shown.
      if (allowedFolded.has(folded)) continue;
      const readings = nameReadingsOf(value.value).map((keys) => [...keys].sort());
      if (readings.length === 0) continue;
      const words = new Set<string>();
      if (wordsIn(value.value).length > 1) {
        for (const word of wordsIn(value.value)) {
          if (letters(word) < minimumLetters) continue;
          for (const key of wordKeys(word)) if (!allowedKeys.has(key)) words.add(key);
        }
      }
      names.push({ source, readings, words: [...words] });
    } else {
      if (folded.length < minimumLetters) continue;
      // The report's own wording is not a leak: a locality "Minsk" beside a region "Minsk region".
      const words = folded.match(wordPattern) ?? [];
      if (words.every((word) => wordingWords.has(word)) && wordingFolded.includes(folded)) continue;
      texts.push({ source, folded, words, long: words.length > longTextWords });
    }
  }
  return { names, texts, count: names.length + texts.length };
}

/** Text prepared once for many needles. */
export class LeakHaystack {
  private readonly folded: string;
  private readonly foldedWords: Set<string>;
  private readonly keys = new Map<string, number[]>();
  private readonly wordKeysAt: string[][] = [];
  private shingles: Set<string> | undefined;
  private readonly foldedWordList: string[];

  constructor(text: string, cache: Map<string, string[]> = new Map()) {
    this.folded = foldForLeaks(text);
    this.foldedWordList = this.folded.match(wordPattern) ?? [];
    this.foldedWords = new Set(this.foldedWordList);
    wordsIn(text).forEach((word, position) => {
      let keys = cache.get(word);
      if (keys === undefined) {
        keys = wordKeys(word);
        cache.set(word, keys);
      }
      this.wordKeysAt.push(keys);
      for (const key of keys) {
        const list = this.keys.get(key);
        if (list) list.push(position);
        else this.keys.set(key, [position]);
      }
    });
  }

  hasName(needle: NameNeedle): LeakHow | undefined {
    for (const reading of needle.readings) {
      if (reading.every((key) => this.keys.has(key)) && this.adjacent(reading)) return 'name';
    }
    return needle.words.some((key) => this.keys.has(key)) ? 'name-variant' : undefined;
  }

  /** Whether some run of reading.length words has exactly the reading's keys, in any order. */
  private adjacent(reading: readonly string[]): boolean {
    const size = reading.length;
    const rarest = [...reading].sort(
      (a, b) => this.keys.get(a)!.length - this.keys.get(b)!.length,
    )[0]!;
    for (const position of this.keys.get(rarest)!) {
      for (let start = Math.max(0, position - size + 1); start <= position; start++) {
        if (start + size > this.wordKeysAt.length) break;
        const remaining = [...reading];
        let matched = true;
        for (let i = start; i < start + size && matched; i++) {
          const at = remaining.findIndex((key) => this.wordKeysAt[i]!.includes(key));
          if (at < 0) matched = false;
          else remaining.splice(at, 1);
        }
        if (matched) return true;
      }
    }
    return false;
  }

  hasText(needle: TextNeedle): boolean {
    if (!needle.long) {
      // Whole words only: a removed "Minsk" is not found in "Minskaja".
      if (needle.words.some((word) => !this.foldedWords.has(word))) return false;
      return this.folded.includes(needle.folded);
    }
    this.shingles ??= shinglesOf(this.foldedWordList);
    for (const shingle of shinglesOf(needle.words)) if (this.shingles.has(shingle)) return true;
    return false;
  }
}

function shinglesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + shingleLength <= words.length; i++) {
    out.add(words.slice(i, i + shingleLength).join(' '));
  }
  return out;
}

function cacheFor(needles: LeakNeedles): Map<string, string[]> {
  let cache = keyCaches.get(needles);
  if (!cache) {
    cache = new Map();
    keyCaches.set(needles, cache);
  }
  return cache;
}

function search(haystack: LeakHaystack, needles: LeakNeedles, where: string): LeakFinding[] {
  const found: LeakFinding[] = [];
  for (const needle of needles.names) {
    const how = haystack.hasName(needle);
    if (how) found.push({ ...needle.source, how, where });
  }
  for (const needle of needles.texts) {
    if (haystack.hasText(needle)) {
      found.push({ ...needle.source, how: needle.source.passage ? 'passage' : 'text', where });
    }
  }
  return found;
}

/** Every removed value found in `text`, once per field, labelled with `where`. */
export function findLeaks(text: string, needles: LeakNeedles, where: string): LeakFinding[] {
  if (needles.count === 0 || text.trim() === '') return [];
  return search(new LeakHaystack(text, cacheFor(needles)), needles, where);
}

/**
 * The same over the pages of a document: searched as one text (a value broken over two pages
 * is still found), and only when something is found, page by page to say where.
 */
export function findLeaksInPages(pages: readonly string[], needles: LeakNeedles): LeakFinding[] {
  if (needles.count === 0) return [];
  const whole = search(
    new LeakHaystack(pages.join('\n'), cacheFor(needles)),
    needles,
    'the document',
  );
  if (whole.length === 0) return [];
  const located: LeakFinding[] = [];
  pages.forEach((page, i) => located.push(...findLeaks(page, needles, `page ${i + 1}`)));
  const seen = new Set(located.map((f) => `${f.recordId}\u0000${f.path}`));
  return [...located, ...whole.filter((f) => !seen.has(`${f.recordId}\u0000${f.path}`))];
}

/** One finding per field and place, in a stable order. */
export function distinctFindings(findings: readonly LeakFinding[]): LeakFinding[] {
  const byKey = new Map<string, LeakFinding>();
  for (const finding of findings) {
    const key = `${finding.recordId}\u0000${finding.path}\u0000${finding.where}`;
    if (!byKey.has(key)) byKey.set(key, finding);
  }
  return [...byKey.values()];
}

/** "person person-0042, names[1].value (a spelling of the name), page 3": no value in it. */
export function describeFinding(finding: LeakFinding): string {
  const how = {
    name: 'the name',
    'name-variant': 'a spelling of part of the name',
    text: 'the text',
    passage: 'a passage marked for redaction',
  }[finding.how];
  return `${finding.type} ${finding.recordId}, field ${finding.path} (${how}), in ${finding.where}`;
}
