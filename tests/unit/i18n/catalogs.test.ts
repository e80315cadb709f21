import { describe, expect, it } from 'vitest';

import { vaultErrorCodes } from '../../../shared/errors';
import { catalogs, languages, pickLanguage } from '../../../shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const english = flatten(catalogs.en);

// Words that stay the same in every language: the product's name, key names, examples.
const sameEverywhere = new Set(['app.name', 'common.mainRegion']);

describe('the UI catalogs', () => {
  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys', (language) => {
    expect([...flatten(catalogs[language]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(languages)(
    '%s has no empty text and the same {{placeholders}} as English',
    (language) => {
      for (const [key, text] of flatten(catalogs[language])) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
      }
    },
  );

  it.each(['be', 'ru', 'uk'] as const)(
    '%s is translated: Cyrillic, not English left behind',
    (language) => {
      for (const [key, text] of flatten(catalogs[language])) {
        if (sameEverywhere.has(key)) continue;
        const letters = text.replace(/\{\{[^}]*\}\}|Casebook|Caps Lock|Ctrl\+L/g, '');
        if (!/\p{L}/u.test(letters)) continue;
        expect(letters, `${language} ${key}`).toMatch(/\p{Script=Cyrillic}/u);
        expect(letters, `${language} ${key}`).not.toMatch(/\b(the|and|vault|passphrase)\b/i);
      }
    },
  );

  it('translates every error code the vault can send', () => {
    for (const language of languages) {
      for (const code of vaultErrorCodes) {
        expect(catalogs[language].errors[code], `${language} ${code}`).toBeTruthy();
      }
    }
  });

  // Letters one of the three languages has and the others lack: a text pasted into the wrong
  // catalog shows up here.
  it.each([
    ['be', /ў/u, /[ищъїєИЩЪЇЄ]/u],
    ['ru', /ы/u, /[іїєўІЇЄЎ]/u],
    ['uk', /ї|є/u, /[ыэъёўЫЭЪЁЎ]/u],
  ] as const)('%s uses its own alphabet', (language, has, lacks) => {
    const text = [...flatten(catalogs[language]).values()].join(' ');
    expect(text).toMatch(has);
    expect(text).not.toMatch(lacks);
  });
});

describe('pickLanguage', () => {
  it('takes the first preferred language Casebook has', () => {
    expect(pickLanguage(['de-DE', 'be-BY', 'ru'])).toBe('be');
    expect(pickLanguage(['uk'])).toBe('uk');
    expect(pickLanguage(['ru_RU'])).toBe('ru');
    expect(pickLanguage(['be-Latn'])).toBe('be');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['pl', 'lt'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
