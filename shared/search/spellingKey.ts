const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'j']);
const frontVowels = new Set(['e', 'i', 'y', 'j']);
const vowelsBeforeW = new Set(['a', 'e', 'o']);

function isVowel(code: string | undefined): boolean {
  return code !== undefined && vowels.has(code);
}

/**
 * Phoneme codes with the differences that are systematic between Belarusian, Russian and
 * their romanisations neutralised:
 *
 * - ts is ц and dz is дз; ц and дз before a front vowel become т and д (Belarusian цеканне
 *   and дзеканне: Ціханоўскі / Тихановский, Дзмітры / Дмитрий);
 * - u after a, e or o and before a consonant is ў, which is v (Ціханоўскі / Tsikhanouski /
 *   Тихановский), and so is u at the start before a consonant (Уладзімір / Владимир);
 * - doubled letters are one (Hanna / Ганна, Таццяна / Tatsiana);
 * - every run of vowels and glides is one vowel of three classes (vowelClass): akanye
 *   (Kalesnikava / Kolesnikova), ja / ia / ya / e / ie (Бяляцкі / Беляцкий / Bialiacki) and
 *   -ий / -і / -y each fall in one class, while Ілля / Юлія and Ігар / Ягор stay apart.
 *
 * What is left is the consonants in order, with the vowels between them as a, i or u.
 */
export function spellingKey(phonemes: string): string {
  const codes: string[] = [];
  for (let i = 0; i < phonemes.length; i++) {
    const code = phonemes[i]!;
    const next = phonemes[i + 1];
    if (code === 't' && next === 's') {
      codes.push('c');
      i++;
    } else if (code === 'd' && next === 'z') {
      codes.push('d');
      i++;
    } else {
      codes.push(code);
    }
  }
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const next = codes[i + 1];
    if (code === 'c' && next !== undefined && frontVowels.has(next)) {
      // A doubled ц goes with it: Таццяна is Татьяна.
      for (let j = i; j >= 0 && codes[j] === 'c'; j--) codes[j] = 't';
    } else if (
      code === 'u' &&
      !isVowel(next) &&
      (i === 0 ? next !== undefined : vowelsBeforeW.has(codes[i - 1]!))
    )
      codes[i] = 'v';
  }
  let key = '';
  let last = '';
  for (let i = 0; i < codes.length;) {
    let written = codes[i]!;
    let end = i + 1;
    if (isVowel(written)) {
      while (end < codes.length && isVowel(codes[end])) end++;
      written = vowelClass(codes.slice(i, end));
    }
    if (written !== last) key += written;
    last = written;
    i = end;
  }
  return key;
}

/**
 * A vowel run as u (у, ю: u, ju, iu, yu), i (і, ы, и, ї, й alone: i, y, ji, ij) or a (the
 * rest: а, о, э, е, я, ё, with or without the glide). The classes are what Belarusian,
 * Russian and the romanisations keep apart; within one they swap freely (o and a under
 * akanye, е and я, ы and и).
 */
export function vowelClass(run: readonly string[]): string {
  if (run.includes('u')) return 'u';
  if (run.some((v) => v === 'a' || v === 'e' || v === 'o')) return 'a';
  return 'i';
}
