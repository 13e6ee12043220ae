// Turns the core's question declarations into Yeoman options and prompts: the one place where a
// declared question meets Yeoman, shared by every generator of the package.
import { catalogOf, declared, t, type MessageKey } from '../core/i18n/translate.js';
import { readFileSync } from 'node:fs';
import { formatFieldError, InvalidAnswersError, type FieldError, type Origin, type Origins } from '../core/field-error.js';
import { answerOf, checkAnswer, describeDefault, type Question, type RawAnswers } from '../core/questions.js';
import { REPEATABLE_OPTION, type PodIngestionGenerator } from './base-generator.js';

export function declareOptions(generator: PodIngestionGenerator, questions: readonly Question[]): void {
  for (const question of questions) {
    generator.option(question.name, {
      type: question.kind === 'boolean' ? Boolean : question.kind === 'repeatable' ? REPEATABLE_OPTION : String,
      description: `${declared(question.help)} [${t('help.default', { value: describeDefault(question) })}]`,
    });
  }
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * One value of an answers file, in the type its question takes: JSON's own booleans for yes/no questions,
 * strings for the rest (a list of strings where several values are allowed). A number where text is meant
 * is refused rather than turned into text: {"python": 3.10} would be "3.1", {"tag": 1.0} would be "1".
 */
function fromFile(question: Question, origin: Origin, value: unknown, errors: FieldError[]): string | boolean | undefined {
  const refuse = (rule: string) => {
    errors.push({ field: question.name, origin, value: JSON.stringify(value) ?? String(value), rule });
    return undefined;
  };
  if (value === undefined || value === null) return undefined;
  if (question.kind === 'boolean') return typeof value === 'boolean' ? value : refuse(t('answers.boolean'));
  if (typeof value === 'string') return value;
  const lists = question.kind === 'repeatable' || LIST_QUESTIONS.has(question.name);
  if (Array.isArray(value) && lists && value.every((item) => typeof item === 'string')) {
    return question.kind === 'repeatable' ? (value as unknown as string) : value.join(' ');
  }
  const hint =
    typeof value === 'number'
      ? t('answers.number')
      : Array.isArray(value)
        ? t('answers.list')
        : t('answers.notText', { type: typeof value });
  return refuse(t(lists ? 'answers.writeAsStringOrList' : 'answers.writeAsString', { hint }));
}

// Questions whose value is a list of words: an answers file may give them as a JSON list of strings.
const LIST_QUESTIONS = new Set(['pods', 'packages', 'after']);

/**
 * Reads an answers file (a JSON object keyed by option names); unknown keys and bad JSON are refused. Each
 * answer's origin is its key in the file, for the refusals that name it.
 */
export function readAnswersFile(path: string, questions: readonly Question[]): { answers: RawAnswers; origins: Origins } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InvalidAnswersError([{ field: 'answers', value: path, rule: t('answers.unreadable', { reason: (error as Error).message }) }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidAnswersError([{ field: 'answers', value: path, rule: t('answers.notObject') }]);
  }
  const answers: RawAnswers = {};
  const origins: Origins = {};
  const unknown: string[] = [];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const question = questions.find((candidate) => candidate.name === key || camelCase(candidate.name) === key);
    if (!question || question.name === 'answers') unknown.push(key);
    else {
      origins[question.name] = { from: 'answers-file', file: path, key };
      answers[question.name] = fromFile(question, origins[question.name]!, value, errors);
    }
  }
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  if (unknown.length > 0) {
    throw new InvalidAnswersError([
      {
        field: 'answers',
        value: path,
        rule: t('answers.unknownKeys', { keys: unknown.join(', '), names: questions.map((question) => question.name).join(', ') }),
      },
    ]);
  }
  return { answers, origins };
}

/** The options given on the command line (or by a test), by question name. */
export function givenOptions(generator: PodIngestionGenerator, questions: readonly Question[]): RawAnswers {
  const { options } = generator;
  const answers: RawAnswers = {};
  for (const question of questions) {
    let value = options[question.name] ?? options[camelCase(question.name)];
    // Yeoman passes every generator its own `namespace` option (pod-ingestion:app); ours is Kubernetes'.
    if (
      question.name === 'namespace' &&
      value === generator.options.namespace &&
      value === (generator as unknown as { _namespace: string })._namespace
    )
      value = undefined;
    // Likewise its own `env` option (the Environment object), which becomes --env's default when --env is not given.
    if (question.name === 'env' && (value as unknown) === generator.env) value = undefined;
    if (value !== undefined) answers[question.name] = value as string | boolean;
  }
  return answers;
}

/**
 * Asks every question that has no answer yet (and, when a given value is invalid, asks it again with the
 * reason). `advanced` questions are asked only if the user says so at `advancedMessage`. `current` holds a
 * re-run's values: each is offered as its question's default, so Enter keeps it.
 */
export async function askQuestions(
  generator: PodIngestionGenerator,
  questions: readonly Question[],
  answers: RawAnswers,
  advancedMessage?: string,
  onAnswer?: (question: Question, value: string | boolean) => void,
  current: RawAnswers = {},
): Promise<RawAnswers> {
  const result: RawAnswers = { ...answers };
  let advanced: boolean | undefined;
  for (const question of questions) {
    if (!question.message || (question.askIf && !question.askIf(result))) continue;
    const given = result[question.name];
    const invalid = checkAnswer(question, given);
    if (given !== undefined && invalid.length === 0) {
      onAnswer?.(question, given);
      continue;
    }
    if (question.ask === 'advanced' && given === undefined) {
      if (advanced === undefined) {
        const reply = await generator.prompt<{ advanced: boolean }>([
          { type: 'confirm', name: 'advanced', message: advancedMessage ?? t('prompt.advanced'), default: false },
        ]);
        advanced = reply.advanced;
      }
      if (!advanced) continue;
    }
    if (invalid.length > 0) generator.log(formatFieldError({ ...invalid[0]!, origin: generator.origins[question.name] }));
    if (question.kind === 'repeatable') {
      result[question.name] = (await askRepeated(generator, question, answerOf(question, result))) as unknown as string;
      continue;
    }
    const asked = prompted(question.message);
    // A refused value is not offered back as the default: the project's current value (a re-run) or the
    // question's own default is.
    const fallback = answerOf(question, {
      ...result,
      [question.name]: invalid.length > 0 || given === undefined ? current[question.name] : given,
    });
    // inquirer's question union is too narrow for one object that may be any of three types.
    const prompt = [
      {
        type: question.kind === 'boolean' ? 'confirm' : question.choices ? 'select' : 'input',
        name: question.name,
        message: asked.question,
        default: fallback,
        ...(question.choices ? { choices: question.choices.map((value) => ({ value, name: choiceLabel(value) })) } : {}),
        validate: (input: unknown) => {
          const problems = question.check ? question.check(String(input ?? '').trim(), question.name) : [];
          return problems.length === 0 ? true : formatFieldError({ ...problems[0]!, origin: asked });
        },
      },
    ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
    const reply = (await generator.prompt(prompt)) as Record<string, string | boolean>;
    result[question.name] = reply[question.name];
    generator.origins[question.name] = asked;
    onAnswer?.(question, reply[question.name]!);
  }
  return result;
}

/** The origin of an answer typed at a prompt: its text, as asked (declared text, in the active language). */
function prompted(message: string | undefined): Extract<Origin, { from: 'prompt' }> {
  return { from: 'prompt', question: declared(message ?? '') };
}

/** A choice as the prompt shows it: the value (an interface, the same in every language) and what it does. */
function choiceLabel(value: string): string {
  const key = `choice.${value}`;
  return key in catalogOf('en') ? t(key as MessageKey) : value;
}

/**
 * A repeatable question asks for one value per answer until an empty one: a value may hold spaces, "=" or
 * ":" (`SQL=select * from t where a=1`), so no separator inside one answer could tell values apart.
 */
async function askRepeated(generator: PodIngestionGenerator, question: Question, current: unknown): Promise<string[]> {
  // Current values (pod NAME --update): kept unless the user chooses to enter them again.
  if (Array.isArray(current) && current.length > 0) {
    const keep = [
      {
        type: 'confirm',
        name: `keep-${question.name}`,
        message: t('prompt.keep', { name: question.name, values: current.join(' | ') }),
        default: true,
      },
    ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
    if (((await generator.prompt(keep)) as Record<string, boolean>)[`keep-${question.name}`]) return current.map(String);
  }
  const values: string[] = [];
  const asked = prompted(question.message);
  generator.origins[question.name] = asked;
  for (;;) {
    const prompt = [
      {
        type: 'input',
        name: 'value',
        message:
          values.length === 0
            ? t('prompt.repeatFirst', { message: declared(question.message ?? '') })
            : t('prompt.repeatMore', { message: declared(question.message ?? ''), count: values.length }),
        default: '',
        validate: (input: unknown) => {
          const problems = question.check && String(input ?? '').trim() ? question.check(String(input).trim(), question.name) : [];
          return problems.length === 0 ? true : formatFieldError({ ...problems[0]!, origin: asked });
        },
      },
    ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
    const reply = (await generator.prompt(prompt)) as Record<string, string>;
    const value = String(reply.value ?? '').trim();
    if (!value) return values;
    values.push(value);
  }
}

/**
 * The positional argument of a subcommand (`pod NAME`, `package SPEC...`) when it was left out: asked in a
 * terminal (a bad answer is explained and asked again), refused under --defaults with how to give it.
 */
export async function askForArgument(
  generator: PodIngestionGenerator,
  argument: { field: string; message: string; usage: string; check: (value: string, field: string) => FieldError[] },
): Promise<string> {
  if (generator.options.defaults) {
    throw new InvalidAnswersError([{ field: argument.field, value: '', rule: t('prompt.argumentNeeded', { usage: argument.usage }) }]);
  }
  // Named after the argument, so an answers map (yeoman-test's) cannot confuse it with a repeatable question's values.
  const asked = prompted(argument.message);
  const prompt = [
    {
      type: 'input',
      name: argument.field,
      message: asked.question,
      validate: (input: unknown) => {
        const value = String(input ?? '').trim();
        const problems =
          value === ''
            ? [{ field: argument.field, value, rule: t('prompt.argumentNeeded', { usage: argument.usage }) }]
            : argument.check(value, argument.field);
        return problems.length === 0 ? true : formatFieldError({ ...problems[0]!, origin: asked });
      },
    },
  ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
  const reply = (await generator.prompt(prompt)) as Record<string, string>;
  generator.origins[argument.field] = asked;
  return String(reply[argument.field] ?? '').trim();
}
