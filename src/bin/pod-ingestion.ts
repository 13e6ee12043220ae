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
import { ignoreClosedStdout, reportFailure, takeDebugFlag } from './report-failure.js';
import { runGenerator } from './run-generators.js';

// Typed by the core's list of subcommands, which also tells a mistyped command from a new project's folder.
const GENERATORS: Record<'app' | Subcommand, { usage: string; title: string; questions: readonly Question[] }> = {
  app: { usage: 'pod-ingestion [destination] [options]', title: 'Writes a project: Dockerfile, requirements.txt, run_in_docker.sh, pods/, an Airflow DAG.', questions: APP_QUESTIONS },
  pod: { usage: 'pod-ingestion pod NAME [--update] [options]   (inside a project)', title: 'Adds pods/NAME.py and its KubernetesPodOperator task to the DAG; with --update, changes the settings of an existing pod.', questions: POD_QUESTIONS },
  remove: { usage: 'pod-ingestion remove NAME [--rewire] [--delete-script]   (inside a project)', title: "Removes a pod's task from the DAG; its script and test stay unless --delete-script.", questions: REMOVE_QUESTIONS },
  package: { usage: 'pod-ingestion package SPEC... (inside a project)', title: 'Adds PEP 508 requirements to requirements.txt; a package already listed is replaced.', questions: PACKAGE_QUESTIONS },
  publish: { usage: 'pod-ingestion publish [options] (inside a project)', title: 'Builds the image named in .yo-rc.json and, with --push, pushes it.', questions: PUBLISH_QUESTIONS },
  run: { usage: 'pod-ingestion run [TASK...] [options] (inside a project)', title: 'Runs the pipeline on the local Docker engine, each task a container of the image, as Airflow would.', questions: RUN_QUESTIONS },
  graph: { usage: 'pod-ingestion graph [--format mermaid|text] (inside a project)', title: 'Prints the pipeline of .yo-rc.json: a Mermaid flowchart, or an indented tree.', questions: GRAPH_QUESTIONS },
  adopt: { usage: 'pod-ingestion adopt [--dag FILE] [options] (in a hand-made project)', title: 'Brings a hand-made PRG_NAME project under the generator: reads its old DAG, writes .yo-rc.json, a new DAG and the generated files; never changes your scripts or the old DAG.', questions: ADOPT_QUESTIONS },
  doctor: { usage: 'pod-ingestion doctor       (in any project folder)', title: 'Reports known flaws (Dockerfile, run_in_docker.sh, requirements.txt, removed Airflow APIs, image names) with file, line and fix; changes nothing. Exit 1 when something is found.', questions: [] },
};

/** Runs the command line `args` (the bin's arguments): a generator, or --help or --version. */
export async function main(args: string[]): Promise<void> {
  const debug = takeDebugFlag(args);
  ignoreClosedStdout();
  const name = args[0] && args[0] in GENERATORS && args[0] !== 'app' ? (args.shift() as keyof typeof GENERATORS) : 'app';
  const generator = GENERATORS[name]!;

  if (args.includes('--version') || args.includes('-v')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    process.exit(0);
  }
  if (args.includes('--help') || args.includes('-h')) {
    const common = '\nCommon options:\n  --force  overwrite existing files without asking\n  --debug  on an unexpected error, print its stack (or set DEBUG=pod-ingestion)\n  --help   this text\n  --version\n';
    const subcommands = name === 'app' ? `\nSubcommands (inside a generated project): ${Object.keys(GENERATORS).filter((key) => key !== 'app').join(', ')}; \`pod-ingestion <sub> --help\`.\n` : '';
    process.stdout.write(`${renderHelp(generator.title, generator.usage, generator.questions)}${common}${subcommands}`);
    process.exit(0);
  }
  // Yeoman ignores options it does not know; a mistyped --aftr would silently do something else.
  const known = new Set([...generator.questions.map((question) => question.name), 'force', 'skip-install', 'ask-answered']);
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--' && !known.has(arg.slice(2).split('=')[0]!.replace(/^no-/, '')));
  if (unknown.length > 0) {
    console.error(`pod-ingestion ${name === 'app' ? '' : `${name} `}does not know ${unknown.join(', ')}. Nothing was written. See \`pod-ingestion ${name === 'app' ? '' : `${name} `}--help\` for the options.`);
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
