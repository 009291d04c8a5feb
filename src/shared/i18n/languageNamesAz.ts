/**
 * Azerbaijani names of the languages people in the registry most often work in, keyed by
 * ISO 639-1 code, in the form Azerbaijani texts use ("ingilis dili").
 *
 * Chromium, and so Electron, bundles a trimmed ICU without Azerbaijani locale data, so
 * `new Intl.DisplayNames(['az'], { type: 'language' })` does not give Azerbaijani names in the app.
 * Languages not listed here are shown by their English name in the Azerbaijani UI.
 */
export const LANGUAGE_NAMES_AZ: Readonly<Record<string, string>> = {
  az: 'azərbaycan dili',
  en: 'ingilis dili',
  ru: 'rus dili',
  tr: 'türk dili',
  de: 'alman dili',
  fr: 'fransız dili',
  ar: 'ərəb dili',
  fa: 'fars dili',
  ka: 'gürcü dili',
  uk: 'ukrayna dili',
  es: 'ispan dili',
  it: 'italyan dili',
  zh: 'çin dili',
  // Neighbours, partners of the CIS and EU processes, and other languages of the region.
  be: 'belarus dili',
  bg: 'bolqar dili',
  cs: 'çex dili',
  da: 'danimarka dili',
  el: 'yunan dili',
  et: 'eston dili',
  fi: 'fin dili',
  he: 'ivrit dili',
  hi: 'hind dili',
  hr: 'xorvat dili',
  hu: 'macar dili',
  hy: 'erməni dili',
  ja: 'yapon dili',
  kk: 'qazax dili',
  ko: 'koreya dili',
  ku: 'kürd dili',
  ky: 'qırğız dili',
  lt: 'litva dili',
  lv: 'latış dili',
  mn: 'monqol dili',
  nl: 'niderland dili',
  no: 'norveç dili',
  pl: 'polyak dili',
  ps: 'puştu dili',
  pt: 'portuqal dili',
  ro: 'rumın dili',
  sr: 'serb dili',
  sv: 'isveç dili',
  tg: 'tacik dili',
  tk: 'türkmən dili',
  ur: 'urdu dili',
  uz: 'özbək dili',
};

/** The Azerbaijani name of a language, or undefined when the table does not have it. */
export function languageNameAz(code: string): string | undefined {
  const key = code.toLowerCase();
  return Object.hasOwn(LANGUAGE_NAMES_AZ, key) ? LANGUAGE_NAMES_AZ[key] : undefined;
}
