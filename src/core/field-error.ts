import { PodIngestionError } from './errors.js';
import { t } from './i18n/translate.js';

/** One refused value: which field, what was given, which rule it breaks, and what would work. */
export interface FieldError {
  field: string;
  value: string;
  rule: string;
  suggestion?: string;
  /** Where the value was read when it is not an option (`.yo-rc.json pods[1].after[0]`); the message names it. */
  source?: string;
}

export function formatFieldError(error: FieldError): string {
  const hint = error.suggestion ? ` ${t('refusal.try', { suggestion: error.suggestion })}` : '';
  // A rule that ends a sentence itself ("did you mean ...?") gets no second full stop.
  const stop = /[.?!]$/.test(error.rule) ? '' : '.';
  return `${error.source ?? `--${error.field}`} ${JSON.stringify(error.value)}: ${error.rule}${stop}${hint}`;
}

/** Thrown with every bad field at once, so a non-interactive run reports them together. */
export class InvalidAnswersError extends PodIngestionError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    const lines = errors.map((error) => `  - ${formatFieldError(error)}`);
    super(
      'invalid-answers',
      `${errors.length === 1 ? t('refusal.one') : t('refusal.many', { count: errors.length })}\n${lines.join('\n')}`,
    );
    this.errors = errors;
  }
}

/** A validator returns undefined when the value is fine, or the broken rule (and a suggestion). */
export type Verdict = undefined | { rule: string; suggestion?: string };

export function check(field: string, value: string, verdict: Verdict): FieldError[] {
  return verdict ? [{ field, value, ...verdict }] : [];
}
