// @ts-check
// Strings of the installed app (service worker, install and update prompts, offline state), in English and French (merged into the catalogue by
// i18n.js).

/** @type {Record<'en' | 'fr', Record<string, string | { one: string, other: string }>>} */
export const appStrings = {
  en: {},
  fr: {},
};
