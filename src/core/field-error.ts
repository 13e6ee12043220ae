import { PodIngestionError } from './errors.js';
import { t, type MessageKey } from './i18n/translate.js';
import { CONFIG_KEY } from './project-config.js';

/**
 * Where a value came from. A refusal names it so that the user finds the value to change: an option as
 * `--name`, anything else in words (formatFieldError). A value with no origin recorded came from its option.
 */
export type Origin =
  | { from: 'option' }
  /** A key of an answers file (`--answers FILE`), as written there (`dagId` or `dag-id`). */
  | { from: 'answers-file'; file: string; key: string }
  /** A key path of the project's settings in .yo-rc.json (`kubernetes.cpuRequest`, `pods[1].after[0]`); none: the file itself. */
  | { from: 'project-config'; key?: string }
  /** A file the command reads that no option named (the project's requirements.txt). */
  | { from: 'file'; path: string }
  /** A positional argument, by the name the usage line gives it. */
  | { from: 'argument'; name: 'destination' | 'NAME' | 'SPEC' | 'TASK' }
  /** An answer typed at a prompt, by the prompt's text as it was asked. */
  | { from: 'prompt'; question: string }
  /** The folder the command runs in (a subcommand outside a project). */
  | { from: 'folder' };

/** The origin of each answer, by field; a field missing here came from its option. */
export type Origins = Record<string, Origin>;

/** One refused value: which field, what was given, which rule it breaks, and what would work. */
export interface FieldError {
  field: string;
  value: string;
  rule: string;
  suggestion?: string;
  origin?: Origin;
  /** A rule that cites another field's value (a request above its limit) names that field by its origin too. */
  cites?: { field: string; rule: (label: string) => string };
}

/** A rule citing another field: it names that field as an option until its origin is known (withOrigin). */
export function ruleCiting(field: string, rule: (label: string) => string): Pick<FieldError, 'rule' | 'cites'> {
  return { rule: rule(label(field)), cites: { field, rule } };
}

/** The error with its value, and any field its rule cites, named by where they came from. */
export function withOrigin(error: FieldError, origins: Origins): FieldError {
  error.origin ??= origins[error.field];
  // Once named, it stays so: a later, wider call (the generator's own origins) knows nothing better.
  if (error.cites) error.rule = error.cites.rule(label(error.cites.field, origins[error.cites.field]));
  delete error.cites;
  return error;
}

const ARGUMENT_LABELS = {
  destination: 'refusal.argument.destination',
  NAME: 'refusal.argument.name',
  SPEC: 'refusal.argument.spec',
  TASK: 'refusal.argument.task',
} as const satisfies Record<string, MessageKey>;

/** How a refusal names a value: the one place that decides it from where the value came. */
function label(field: string, origin: Origin = { from: 'option' }): string {
  switch (origin.from) {
    case 'option':
      return `--${field}`;
    case 'answers-file':
      return t('refusal.answersFile', { key: origin.key, file: origin.file });
    case 'project-config':
      return origin.key === undefined ? '.yo-rc.json' : `.yo-rc.json ${CONFIG_KEY}${origin.key ? `.${origin.key}` : ''}`;
    case 'file':
      return origin.path;
    case 'argument':
      return t(ARGUMENT_LABELS[origin.name]);
    case 'prompt':
      return t('refusal.prompt', { question: origin.question });
    case 'folder':
      return t('refusal.folder');
  }
}

export function formatFieldError(error: FieldError): string {
  const hint = error.suggestion ? ` ${t('refusal.try', { suggestion: error.suggestion })}` : '';
  // A rule that ends a sentence itself ("did you mean ...?") gets no second full stop.
  const stop = /[.?!]$/.test(error.rule) ? '' : '.';
  return `${label(error.field, error.origin)} ${JSON.stringify(error.value)}: ${error.rule}${stop}${hint}`;
}

/** Thrown with every bad field at once, so a non-interactive run reports them together. */
export class InvalidAnswersError extends PodIngestionError {
  constructor(
    readonly errors: FieldError[],
    /** The line above the list: what was not done. */
    private readonly heading: (count: number) => string = (count) => (count === 1 ? t('refusal.one') : t('refusal.many', { count })),
  ) {
    super('invalid-answers', render(errors, heading));
  }

  /** Names each value by where it came from (an error that names its origin already keeps it). */
  withOrigins(origins: Origins): this {
    for (const error of this.errors) withOrigin(error, origins);
    this.message = render(this.errors, this.heading);
    return this;
  }
}

function render(errors: readonly FieldError[], heading: (count: number) => string): string {
  return `${heading(errors.length)}\n${errors.map((error) => `  - ${formatFieldError(error)}`).join('\n')}`;
}

/** A validator returns undefined when the value is fine, or the broken rule (and a suggestion). */
export type Verdict = undefined | { rule: string; suggestion?: string };

export function check(field: string, value: string, verdict: Verdict): FieldError[] {
  return verdict ? [{ field, value, ...verdict }] : [];
}
