// `--lang`, declared once for the new-project command (where it is saved in .yo-rc.json) and once for every
// command inside a project (where it only changes the messages of that run).
import { LANGUAGES } from './i18n/language.js';
import { activeLanguage } from './i18n/translate.js';
import type { Question } from './questions.js';

const FROM_LOCALE = 'from LC_ALL, LC_MESSAGES or LANG: pt_BR (or pt) selects pt-BR, anything else en';

/** The language of a new project; not prompted: the locale decides unless --lang or the answers file does. */
export const PROJECT_LANGUAGE_QUESTION: Question = {
  name: 'lang',
  kind: 'choice',
  choices: LANGUAGES,
  help: "language of the messages and of the generated project (comments, log lines, README); saved in .yo-rc.json, so the project's later commands keep it",
  // The language this run already chose from the same sources (see base-generator.ts).
  default: () => activeLanguage(),
  defaultHelp: FROM_LOCALE,
};

/** The language of one command's messages inside a project; the project's files keep the project's language. */
export const MESSAGES_LANGUAGE_QUESTION: Question = {
  name: 'lang',
  kind: 'choice',
  choices: LANGUAGES,
  help: "language of this command's messages (the files keep the project's language)",
  default: () => activeLanguage(),
  defaultHelp: `the project's (lang in .yo-rc.json), else ${FROM_LOCALE}`,
};
