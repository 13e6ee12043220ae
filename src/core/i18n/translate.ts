// The one lookup of the tool's messages: a typed key, the active language's catalog, `{name}` placeholders
// filled. The active language is chosen once per run (the bin, or a generator from --lang, the project's
// .yo-rc.json, else the locale) so that a validator deep in the core need not carry it through every call.
import { en, type Messages } from './en.js';
import type { Language } from './language.js';
import { ptBR } from './pt-BR.js';
import { questionTextsPtBR } from './questions-pt-BR.js';

export type MessageKey = keyof Messages;
export type Values = Readonly<Record<string, string | number>>;

const CATALOGS: Record<Language, Messages> = { en, 'pt-BR': ptBR };
// The questions' texts are declared in English with the questions; other languages translate them by that text.
const DECLARED: Record<Language, Readonly<Record<string, string>> | undefined> = { en: undefined, 'pt-BR': questionTextsPtBR };
let active: Language = 'en';

export function useLanguage(language: Language): void {
  active = language;
}

export function activeLanguage(): Language {
  return active;
}

/** `{name}` replaced by values.name; a placeholder without a value stays as written, which a test would show. */
export function fill(text: string, values: Values = {}): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The lookup of one catalog pair (one text per key in each language), in the active language. t() is the one of
 * the tool's messages; a command with many texts of its own (adopt and doctor) keeps them in a pair of its own.
 */
export function translator<Key extends string>(
  catalogs: Readonly<Record<Language, Readonly<Record<Key, string>>>>,
): (key: Key, values?: Values) => string {
  return (key, values) => fill(catalogs[active][key], values);
}

/** A message in the active language. */
export function t(key: MessageKey, values?: Values): string {
  return fill(CATALOGS[active][key], values);
}

/** A message in a given language (for text that belongs to a project rather than to this run). */
export function messageIn(language: Language, key: MessageKey, values?: Values): string {
  return fill(CATALOGS[language][key], values);
}

export function catalogOf(language: Language): Messages {
  return CATALOGS[language];
}

/** A text declared in English with a question (its help, prompt or default's description) in the active language. */
export function declared(text: string): string {
  return DECLARED[active]?.[text] ?? text;
}

/** The declared English texts a language lacks (a test lists them). */
export function untranslatedDeclared(language: Language, texts: readonly string[]): string[] {
  const table = DECLARED[language];
  return table ? texts.filter((text) => !(text in table)) : [];
}
