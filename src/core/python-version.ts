import { t } from './i18n/translate.js';
import type { Verdict } from './field-error.js';

// End of life of each CPython release (python.org/downloads, PEP 602 schedule).
// The generated Dockerfile starts FROM python:<version>-slim.
const END_OF_LIFE: Record<string, string> = {
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10-31',
  '3.11': '2027-10-31',
  '3.12': '2028-10-31',
  '3.13': '2029-10-31',
  '3.14': '2030-10-31',
};

/** The default base: a release with years of security fixes left. */
export const DEFAULT_PYTHON = '3.12';

export function checkPython(value: string): Verdict {
  if (/^3\.\d{1,2}$/.test(value) && value in END_OF_LIFE) return undefined;
  return { rule: t('python.rule', { versions: Object.keys(END_OF_LIFE).join(', ') }), suggestion: DEFAULT_PYTHON };
}

/** A sentence for the user when the chosen Python no longer gets security fixes, undefined otherwise. */
export function pythonEndOfLifeWarning(version: string, today: Date = new Date()): string | undefined {
  const endOfLife = END_OF_LIFE[version];
  if (!endOfLife || new Date(`${endOfLife}T00:00:00Z`) > today) return undefined;
  return t('python.endOfLife', { version, date: endOfLife, suggested: DEFAULT_PYTHON });
}
