import 'i18next';

import type { en } from '../../shared/i18n/en';

// Typed keys: `t('unlock.title')` is checked against the English catalog at compile time, and
// the other catalogs are checked against English (shared/i18n/catalog.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
