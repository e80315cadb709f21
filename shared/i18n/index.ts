import { be } from './be';
import { en, type Catalog } from './en';
import type { Language } from './languages';
import { ru } from './ru';
import { uk } from './uk';

export { isLanguage, languageNames, languages, pickLanguage, type Language } from './languages';
export type { Catalog } from './en';

/** Every UI string, by language. The renderer and the main process's menu read the same ones. */
export const catalogs: Readonly<Record<Language, Catalog>> = { en, be, ru, uk };
