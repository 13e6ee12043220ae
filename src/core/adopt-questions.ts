// The options of `pod-ingestion adopt`, declared once for the generator, --help and docs/options.md. Kept apart
// from adopt-project.ts so the bin's --help does not load the adoption code.
import { APP_QUESTIONS } from './app-questions.js';
import { DEFAULT_PYTHON } from './python-version.js';
import type { Question } from './questions.js';
import { PODS_DIR } from './shared-questions.js';

const appQuestion = (name: string): Question => APP_QUESTIONS.find((question) => question.name === name)!;

/** The options of `pod-ingestion adopt`; the image and DAG options are the app generator's own. */
export const ADOPT_QUESTIONS: readonly Question[] = [
  {
    name: 'dag',
    kind: 'string',
    help: 'the old DAG file to migrate [default: the one DAG file under dags/ or at the top, if any]',
    default: () => '',
  },
  ...['repository', 'container', 'tag', 'python', 'dag-id', 'namespace'].map((name) => ({
    ...appQuestion(name),
    message: undefined,
    help: `${appQuestion(name).help}; overrides ${name === 'python' ? "your Dockerfile's" : 'what the old DAG says'}`,
    default: () => '',
    defaultHelp: name === 'python' ? `the Dockerfile's, if still supported; else ${DEFAULT_PYTHON}` : 'from the old DAG',
  })),
  {
    ...PODS_DIR,
    help: 'the folder of the scripts, relative to the project (scripts, src/jobs); they stay where they are, and later commands use it',
    default: () => '',
    defaultHelp: 'pods, or the folder an earlier adoption saved',
  },
  {
    name: 'param-default',
    kind: 'repeatable',
    help: 'NAME=VALUE: a default for a param the old DAG requires (dag_run.conf["NAME"]), so scheduled runs work',
    default: () => '',
  },
  {
    name: 'triggered',
    kind: 'boolean',
    help: 'drop the schedule: runs are triggered with a conf, so required params stay required',
    default: () => false,
  },
  {
    name: 'skip-unsupported',
    kind: 'boolean',
    help: 'adopt even when the old DAG has parts that cannot be carried (they are listed)',
    default: () => false,
  },
  {
    name: 'prune',
    kind: 'boolean',
    help: 'remove from requirements.txt the packages that do not belong in a pod image (Airflow, Jupyter, debuggers...)',
    default: () => false,
  },
  {
    name: 'defaults',
    kind: 'boolean',
    help: 'ask nothing: keep your Dockerfile, run_in_docker.sh and README where they differ from the generated ones',
    default: () => false,
  },
];
