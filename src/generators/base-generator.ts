// What every generator of the package shares. Each one keeps one phase convention: read the project and the
// given options in `initializing`, ask in `prompting`, validate everything in `configuring` (a refusal there
// writes nothing), write in `writing`, talk to Docker and report in `end`.
import { readFileSync } from 'node:fs';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { normalizeOptionArguments, type OptionShape } from '../core/command-line.js';
import { InvalidAnswersError, type Origins } from '../core/field-error.js';
import { isLanguage, languageOfEnvironment, LANGUAGES, type Language } from '../core/i18n/language.js';
import { t, useLanguage } from '../core/i18n/translate.js';
import { MESSAGES_LANGUAGE_QUESTION } from '../core/language-questions.js';
import { languageOfFolder } from './saved-language.js';
import type { Question } from '../core/questions.js';
import { declareOptions } from './question-options.js';
import { useRunOutput } from './terminal-output.js';
import { withConfirmWords } from './confirm-words.js';

export type GeneratorOptions = BaseOptions & Record<string, unknown>;

/** The type of a repeatable option (--env, --param, ...): every value kept, as a list. */
export const REPEATABLE_OPTION = (value: unknown): unknown => value;

// The package's name and version, which .yo-rc.json is keyed by. Yeoman would search up from the generator's
// folder for them with read-package-up, whose license tables cost a run more than this one small read. The
// package.json sits two folders above this file in the sources and in every bundled file (scripts/build.mjs).
let manifest: { name: string; version: string } | undefined;
const ownManifest = () =>
  (manifest ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string });

/** What Yeoman keeps of the declared options and the raw arguments (not in its public types). */
interface YeomanParser {
  _args: string[];
  _options: Record<string, { name: string; type: unknown }>;
}

export abstract class PodIngestionGenerator extends Generator<Record<string, unknown>, GeneratorOptions> {
  /** How this command declares --lang (the new-project command saves it; the others only speak it). */
  static languageQuestion: Question = MESSAGES_LANGUAGE_QUESTION;
  /** Whether the project in the folder the command runs in speaks for it (every command inside a project). */
  static speaksProjectLanguage = true;

  constructor(args: string[], options: GeneratorOptions) {
    // The projects are Python: there is never an npm install to run.
    super(args, options, { customInstallTask: true });
    // The language of the messages: --lang, else the locale; a project's own language comes with useProjectLanguage.
    declareOptions(this, [(new.target as typeof PodIngestionGenerator).languageQuestion]);
    const lang = this.options.lang;
    if (lang !== undefined && !isLanguage(lang)) {
      useLanguage(languageOfEnvironment(process.env));
      throw new InvalidAnswersError([{ field: 'lang', value: String(lang), rule: t('rule.oneOf', { choices: LANGUAGES.join(', ') }) }]);
    }
    // Inside a project its saved language speaks from the start, before .yo-rc.json is checked (its refusals too).
    const project = (new.target as typeof PodIngestionGenerator).speaksProjectLanguage
      ? languageOfFolder(this.destinationRoot())
      : undefined;
    useLanguage(lang ?? project ?? languageOfEnvironment(process.env));
    // Progress and file status lines on stdout, the diff legend mended: under the bin and under yo alike.
    useRunOutput(this.env.adapter as unknown as Parameters<typeof useRunOutput>[0]);
    // Every question of every command: its yes/no words in the run's language (confirm-words.ts).
    const prompt = this.prompt.bind(this);
    this.prompt = ((questions, storage) => prompt(withConfirmWords(questions), storage)) as typeof this.prompt;
    // Yeoman logs "✖ An error occured while running <task>" through log.error before a failing task's error
    // reaches the caller; ours are sentences written for the user (the bin prints them), so without log.error
    // that banner goes to Yeoman's debug channel instead. Everything else logs as before.
    const withoutError = new Proxy(this.log, {
      get: (target, key, receiver) => (key === 'error' ? undefined : Reflect.get(target, key, receiver)),
    });
    Object.defineProperty(this, 'log', { value: withoutError, configurable: true, writable: true });
  }

  /**
   * Where each answer came from, by field: recorded where the answers are gathered (answers file, .yo-rc.json,
   * arguments, prompts), read by every refusal of a task (executeTask). A field not here came from its option.
   */
  readonly origins: Origins = { project: { from: 'folder' } };

  override async executeTask(...args: Parameters<Generator['executeTask']>): Promise<void> {
    try {
      await super.executeTask(...args);
    } catch (error) {
      throw error instanceof InvalidAnswersError ? error.withOrigins(this.origins) : error;
    }
  }

  override rootGeneratorName(): string {
    return ownManifest().name;
  }

  override rootGeneratorVersion(): string {
    return ownManifest().version;
  }

  private rawArguments?: string[];

  /**
   * Yeoman re-parses the arguments each time an option is declared; each time, they are first made
   * unambiguous (see core/command-line.ts), from the arguments as they were given.
   */
  override parseOptions(): void {
    const parser = this as unknown as YeomanParser;
    this.rawArguments ??= [...parser._args];
    const shapes: OptionShape[] = Object.values(parser._options).map(({ name, type }) => ({
      name,
      takes: type === Boolean ? 'flag' : type === REPEATABLE_OPTION ? 'many' : 'one',
    }));
    const { args, errors } = normalizeOptionArguments(this.rawArguments, shapes);
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    parser._args = args;
    super.parseOptions();
  }

  /** The project's saved language speaks for it, unless --lang was given for this run. */
  useProjectLanguage(language: Language | undefined): void {
    if (language && this.options.lang === undefined) useLanguage(language);
  }

  /** A warning goes to stderr, with errors, apart from the progress lines (the bin sends those to stdout). */
  warning(message: string): void {
    process.stderr.write(`${t('warning', { message })}\n`);
  }
}
