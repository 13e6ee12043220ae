// The language a project folder's .yo-rc.json saves, read leniently: adopt and doctor also run in hand-made
// folders, where the file may be missing, broken or from another tool; then the locale decides.
import { isLanguage, type Language } from './i18n/language.js';
import { CONFIG_KEY } from './project-config.js';

/** `lang` of the generator's section of a .yo-rc.json text, if it is one we speak; undefined otherwise. */
export function savedLanguage(yoRcText: string | undefined): Language | undefined {
  if (yoRcText === undefined) return undefined;
  try {
    const stored = JSON.parse(yoRcText) as Record<string, { lang?: unknown } | undefined> | null;
    const lang = stored?.[CONFIG_KEY]?.lang;
    return isLanguage(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}
