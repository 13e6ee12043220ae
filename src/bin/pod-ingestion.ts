// `pod-ingestion`: runs this package's generators without a global `yo` (and as root, which yo refuses).
// Started by start.ts; bundled with the generators by scripts/build.mjs.
import { readFileSync } from 'node:fs';
import { ADOPT_QUESTIONS } from '../core/adopt-questions.js';
import { APP_QUESTIONS } from '../core/app-questions.js';
import type { Subcommand } from '../core/destination.js';
import { GRAPH_QUESTIONS } from '../core/graph-questions.js';
import { PACKAGE_QUESTIONS } from '../core/package-questions.js';
import { POD_QUESTIONS } from '../core/pod-questions.js';
import { PUBLISH_QUESTIONS } from '../core/publish-questions.js';
import { RUN_QUESTIONS } from '../core/run-questions.js';
import { renderHelp, type Question } from '../core/questions.js';
import { REMOVE_QUESTIONS } from '../core/remove-questions.js';
import { InvalidAnswersError } from '../core/field-error.js';
import { isLanguage, languageOfEnvironment, LANGUAGES, type Language } from '../core/i18n/language.js';
import { t, useLanguage } from '../core/i18n/translate.js';
import { MESSAGES_LANGUAGE_QUESTION } from '../core/language-questions.js';
import { savedLanguage } from '../core/saved-language.js';
import { ignoreClosedStdout, reportFailure, takeDebugFlag } from './report-failure.js';
import { runGenerator } from './run-generators.js';

// The commands (typed by the core's list of subcommands, which also tells a mistyped command from a new
// project's folder), their --help texts (keys of the message catalog: the language is chosen in main) and options.
const GENERATORS: Record<'app' | Subcommand, { help: 'app' | Subcommand; questions: readonly Question[] }> = {
  app: { help: 'app', questions: APP_QUESTIONS },
  pod: { help: 'pod', questions: [...POD_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  remove: { help: 'remove', questions: [...REMOVE_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  package: { help: 'package', questions: [...PACKAGE_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  publish: { help: 'publish', questions: [...PUBLISH_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  run: { help: 'run', questions: [...RUN_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  graph: { help: 'graph', questions: [...GRAPH_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  adopt: { help: 'adopt', questions: [...ADOPT_QUESTIONS, MESSAGES_LANGUAGE_QUESTION] },
  doctor: { help: 'doctor', questions: [MESSAGES_LANGUAGE_QUESTION] },
};

/** Runs the command line `args` (the bin's arguments): a generator, or --help or --version. */
export async function main(args: string[]): Promise<void> {
  const debug = takeDebugFlag(args);
  ignoreClosedStdout();
  const name = args[0] && args[0] in GENERATORS && args[0] !== 'app' ? (args.shift() as keyof typeof GENERATORS) : 'app';
  const generator = GENERATORS[name]!;

  // The language of what the bin itself prints (--help, its refusals): --lang, else the locale. It never reads a
  // project for --help; the generators switch to the project's language.
  const langAt = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const lang = langAt === -1 ? undefined : args[langAt]!.startsWith('--lang=') ? args[langAt]!.slice('--lang='.length) : args[langAt + 1];
  useLanguage(isLanguage(lang) ? lang : languageOfEnvironment(process.env));
  if (langAt !== -1 && !isLanguage(lang)) {
    console.error(
      new InvalidAnswersError([{ field: 'lang', value: lang ?? '', rule: t('rule.oneOf', { choices: LANGUAGES.join(', ') }) }]).message,
    );
    process.exit(1);
  }

  if (args.includes('--version') || args.includes('-v')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    process.exit(0);
  }
  if (args.includes('--help') || args.includes('-h')) {
    const common = `\n${t('help.common')}\n`;
    const subcommands =
      name === 'app'
        ? `\n${t('help.subcommands', {
            names: Object.keys(GENERATORS)
              .filter((key) => key !== 'app')
              .join(', '),
          })}\n`
        : '';
    process.stdout.write(
      `${renderHelp(t(`help.${generator.help}.title`), t(`help.${generator.help}.usage`), generator.questions)}${common}${subcommands}`,
    );
    process.exit(0);
  }
  // Yeoman ignores options it does not know; a mistyped --aftr would silently do something else.
  const known = new Set([...generator.questions.map((question) => question.name), 'force', 'skip-install', 'ask-answered']);
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--' && !known.has(arg.slice(2).split('=')[0]!.replace(/^no-/, '')));
  if (unknown.length > 0) {
    // Inside a project, its language speaks unless --lang does (read only here: the common path never pays for it).
    if (name !== 'app' && !isLanguage(lang)) {
      const projectLanguage = languageOfProject(process.cwd());
      if (projectLanguage) useLanguage(projectLanguage);
    }
    console.error(t('bin.unknownOptions', { command: `pod-ingestion${name === 'app' ? '' : ` ${name}`}`, options: unknown.join(', ') }));
    process.exit(1);
  }
  // Without a terminal nobody can answer a prompt: ask nothing, as with --defaults. It goes before any `--`
  // (after which it would be a positional value) and after the positionals (a flag before them could take one).
  if (!process.stdin.isTTY && !args.includes('--defaults')) {
    const endOfOptions = args.indexOf('--');
    args.splice(endOfOptions === -1 ? args.length : endOfOptions, 0, '--defaults');
  }

  try {
    await runGenerator(name as Parameters<typeof runGenerator>[0], args);
  } catch (error) {
    process.exitCode = reportFailure(error, debug);
  }
}

/** The language saved in a project's .yo-rc.json, if the folder holds one that says (no other check here). */
function languageOfProject(folder: string): Language | undefined {
  try {
    return savedLanguage(readFileSync(`${folder}/.yo-rc.json`, 'utf8'));
  } catch {
    return undefined;
  }
}
