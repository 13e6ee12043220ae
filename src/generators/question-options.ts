// Turns the core's question declarations into Yeoman options and prompts: the one place where a
// declared question meets Yeoman, shared by every generator of the package.
import { readFileSync } from 'node:fs';
import { formatFieldError, InvalidAnswersError } from '../core/field-error.js';
import { answerOf, describeDefault, type Question, type RawAnswers } from '../core/questions.js';
import type { PodIngestionGenerator } from './base-generator.js';

export function declareOptions(generator: PodIngestionGenerator, questions: readonly Question[]): void {
  for (const question of questions) {
    generator.option(question.name, {
      type: question.kind === 'boolean' ? Boolean : question.kind === 'repeatable' ? (value: unknown) => value : String,
      description: `${question.help} [default: ${describeDefault(question)}]`,
    });
  }
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Normalises one value of an answers file: lists become space-separated text, except for repeatable questions. */
function fromFile(question: Question, value: unknown): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (question.kind === 'boolean') return value === true || value === 'true';
  if (Array.isArray(value)) return question.kind === 'repeatable' ? (value.map(String) as unknown as string) : value.map(String).join(' ');
  return String(value);
}

/** Reads an answers file (a JSON object keyed by option names); unknown keys and bad JSON are refused. */
export function readAnswersFile(path: string, questions: readonly Question[]): RawAnswers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InvalidAnswersError([{ field: 'answers', value: path, rule: `the answers file must be readable JSON (${(error as Error).message})` }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidAnswersError([{ field: 'answers', value: path, rule: 'the answers file holds one JSON object, keyed by option names' }]);
  }
  const answers: RawAnswers = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const question = questions.find((candidate) => candidate.name === key || camelCase(candidate.name) === key);
    if (!question || question.name === 'answers') unknown.push(key);
    else answers[question.name] = fromFile(question, value);
  }
  if (unknown.length > 0) {
    throw new InvalidAnswersError([
      { field: 'answers', value: path, rule: `unknown keys ${unknown.join(', ')}; the keys are the option names: ${questions.map((question) => question.name).join(', ')}` },
    ]);
  }
  return answers;
}

/** The options given on the command line (or by a test), by question name. */
export function givenOptions(generator: PodIngestionGenerator, questions: readonly Question[]): RawAnswers {
  const { options } = generator;
  const answers: RawAnswers = {};
  for (const question of questions) {
    let value = options[question.name] ?? options[camelCase(question.name)];
    // Yeoman passes every generator its own `namespace` option (pod-ingestion:app); ours is Kubernetes'.
    if (question.name === 'namespace' && value === generator.options.namespace && value === (generator as unknown as { _namespace: string })._namespace) value = undefined;
    // Likewise its own `env` option (the Environment object), which becomes --env's default when --env is not given.
    if (question.name === 'env' && (value as unknown) === generator.env) value = undefined;
    if (value !== undefined) answers[question.name] = value as string | boolean;
  }
  return answers;
}

/**
 * Asks every question that has no answer yet (and, when a given value is invalid, asks it again with the
 * reason). `advanced` questions are asked only if the user says so at `advancedMessage`.
 */
export async function askQuestions(
  generator: PodIngestionGenerator,
  questions: readonly Question[],
  answers: RawAnswers,
  advancedMessage?: string,
): Promise<RawAnswers> {
  const result: RawAnswers = { ...answers };
  let advanced: boolean | undefined;
  for (const question of questions) {
    if (!question.message) continue;
    const given = result[question.name];
    const invalid = given !== undefined && question.check ? question.check(String(given).trim(), question.name) : [];
    if (given !== undefined && invalid.length === 0) continue;
    if (question.ask === 'advanced' && given === undefined) {
      if (advanced === undefined) {
        const reply = await generator.prompt<{ advanced: boolean }>([{ type: 'confirm', name: 'advanced', message: advancedMessage ?? 'Adjust more settings?', default: false }]);
        advanced = reply.advanced;
      }
      if (!advanced) continue;
    }
    if (invalid.length > 0) generator.log(formatFieldError(invalid[0]!));
    const fallback = given !== undefined ? given : answerOf(question, result);
    // inquirer's question union is too narrow for one object that may be any of three types.
    const prompt = [
      {
        type: question.kind === 'boolean' ? 'confirm' : question.choices ? 'select' : 'input',
        name: question.name,
        message: question.message,
        default: fallback,
        ...(question.choices ? { choices: [...question.choices] } : {}),
        validate: (input: unknown) => {
          const problems = question.check ? question.check(String(input ?? '').trim(), question.name) : [];
          return problems.length === 0 ? true : formatFieldError(problems[0]!);
        },
      },
    ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
    const reply = (await generator.prompt(prompt)) as Record<string, string | boolean>;
    result[question.name] = reply[question.name];
  }
  return result;
}
