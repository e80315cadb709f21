/** The languages the UI is translated into. The first is the fallback for a missing string. */
export const languages = ['en', 'be', 'ru', 'uk'] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Each language's name in itself, as a language menu shows it. */
export const languageNames: Readonly<Record<Language, string>> = {
  en: 'English',
  be: 'Беларуская',
  ru: 'Русский',
  uk: 'Українська',
};

/**
 * The best UI language for a list of preferred locales (`navigator.languages`): the first whose
 * language Casebook has, else English. `be-BY` and `be-Latn` both get Belarusian.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const locale of preferred) {
    const base = locale.toLowerCase().split(/[-_]/, 1)[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}
