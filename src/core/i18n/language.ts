// The languages the tool speaks, and how the environment chooses one. Pure: callers pass the environment.

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set (the order POSIX
 * gives them; an empty one counts as unset). `pt_BR.UTF-8`, `pt_BR`, `pt-BR` and `pt` mean Brazilian
 * Portuguese; anything else, `C.UTF-8` or a locale we do not speak, quietly means English.
 */
export function languageOfEnvironment(environment: Readonly<Record<string, string | undefined>>): Language {
  const locale = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return /^pt(?:[_-]br)?(?:[.@]|$)/i.test(locale) ? 'pt-BR' : 'en';
}
