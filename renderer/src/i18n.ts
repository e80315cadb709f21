import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { catalogs, isLanguage, languages, pickLanguage, type Language } from '../../shared/i18n';
import { casebookApi } from './api';

const storageKey = 'casebook.language';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  const saved = savedLanguage();
  return saved !== null && isLanguage(saved) ? saved : pickLanguage(navigator.languages);
}

/** `lang` for fonts, hyphenation and screen readers; `dir` so the layout mirrors when needed. */
function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
  // The main process translates what it shows itself (the menu).
  void casebookApi()?.app.setLanguage({ language });
}

export async function setUpI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(languages.map((l) => [l, { translation: catalogs[l] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    // React escapes what it renders; escaping here too would show &lt; in names.
    interpolation: { escapeValue: false },
  });
  applyToDocument(language);
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? 'en';
  return isLanguage(language) ? language : 'en';
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered: the next start picks from the system's languages again.
  }
  applyToDocument(language);
}
