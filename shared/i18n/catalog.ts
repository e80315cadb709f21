/**
 * The shape every language's catalog must have: the English catalog's keys, each a string.
 * A missing or extra key in be/ru/uk is a compile error; tests/unit/i18n checks the rest
 * (the same {{placeholders}}, nothing left in English).
 */
export type CatalogShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]>;
};
