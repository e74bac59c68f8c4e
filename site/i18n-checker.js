// @ts-check
// Strings of the live checker, in English and French (merged into the catalogue by
// i18n.js).

/** @type {Record<'en' | 'fr', Record<string, string | { one: string, other: string }>>} */
export const checkerStrings = {
  en: {},
  fr: {},
};
