import { check, type FieldError, type Verdict } from './field-error.js';
import { declared, t } from './i18n/translate.js';

/** Answers as they arrive from the CLI, an answers file or prompts: strings and booleans. */
export type RawAnswers = Record<string, string | boolean | undefined>;

/**
 * One question of a generator, declared once: it becomes a CLI option, a prompt, a key of the answers
 * file, a line of `--help` and a row of docs/options.md.
 */
export interface Question {
  name: string;
  kind: 'string' | 'boolean' | 'choice' | 'repeatable';
  help: string;
  /** The prompt text; questions without one are CLI/answers-file only. */
  message?: string;
  /** `advanced` questions are asked only when the user chooses to adjust them. */
  ask?: 'always' | 'advanced';
  /** Asked only when this holds for the answers so far (e.g. "Push it?" only after "Build the image now?" yes). */
  askIf?: (answers: RawAnswers) => boolean;
  choices?: readonly string[];
  /** The default, computed from the answers given so far. */
  default: (answers: RawAnswers) => string | boolean;
  /** How --help and the docs describe the default when it is derived. */
  defaultHelp?: string;
  /** Checks the value on its own (one value of a repeatable question), reporting every problem; cross-field rules live in the resolvers. */
  check?: (value: string, field: string) => FieldError[];
}

/** A Question.check made from a validator of one value. */
export function single(validator: (value: string) => Verdict): (value: string, field: string) => FieldError[] {
  return (value, field) => check(field, value, validator(value));
}

/** The questions as options only, never prompted: for commands that ask nothing. */
export function optionsOnly(questions: readonly Question[]): readonly Question[] {
  return questions.map(({ message: _message, ask: _ask, ...option }) => option);
}

/** The question of that name; a missing one is a mistake in the declarations, not in the user's input. */
export function questionNamed(questions: readonly Question[], name: string): Question {
  const question = questions.find((candidate) => candidate.name === name);
  if (!question) throw new Error(`no question named ${name}`);
  return question;
}

/**
 * Repeatable values: one string per value. A repeated option (`--env A=1 --env 'B=x y'`) and an answers
 * file's list give several; a single string is one value, spaces and all (`--env 'SQL=select * from t where
 * a=1'` is one variable). Prompts ask for one value per answer (see question-options.ts).
 */
export function repeatedValues(value: unknown): string[] {
  if (value === undefined || value === null || value === false || value === '') return [];
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Every problem of a given answer: a repeatable question's check reads one value at a time. */
export function checkAnswer(question: Question, given: unknown): FieldError[] {
  if (!question.check || given === undefined) return [];
  const values = question.kind === 'repeatable' ? repeatedValues(given) : [String(given).trim()];
  return values.flatMap((value) => question.check!(value, question.name));
}

/** The value of a question: given (CLI, answers file or prompt) or its default. */
export function answerOf(question: Question, answers: RawAnswers): string | boolean {
  const given = answers[question.name];
  return given === undefined ? question.default(answers) : given;
}

/** The default as --help, yo's help and docs/options.md describe it, in the active language. */
export function describeDefault(question: Question): string {
  if (question.defaultHelp) return declared(question.defaultHelp);
  const value = question.default({});
  if (value === '') return t('help.empty');
  if (typeof value === 'boolean') return t(value ? 'help.true' : 'help.false');
  return String(value);
}

/** Text for `--help`: one line per option with its default, in the active language. */
export function renderHelp(title: string, usage: string, questions: readonly Question[]): string {
  const lines = questions.map(
    (question) => `  ${flag(question)}\n      ${declared(question.help)} [${t('help.default', { value: describeDefault(question) })}]`,
  );
  return `${title}\n\n${t('help.usage', { usage })}\n\n${t('help.options')}\n${lines.join('\n')}\n`;
}

function flag(question: Question): string {
  if (question.kind === 'boolean') return `--${question.name}`;
  if (question.choices) return `--${question.name} ${question.choices.join('|')}`;
  return `--${question.name} ${question.kind === 'repeatable' ? t('help.valueRepeatable') : t('help.value')}`;
}

/** A Markdown table of the options, for docs/options.md. */
export function renderOptionsTable(questions: readonly Question[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = questions.map(
    (question) =>
      `| \`--${question.name}\` | ${escape(question.help)} | ${escape(describeDefault(question))} | ${question.message ? (question.ask === 'advanced' ? 'advanced' : 'yes') : 'no'} |`,
  );
  return ['| option | meaning | default | prompted |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
