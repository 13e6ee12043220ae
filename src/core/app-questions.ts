// The questions of `pod-ingestion` / `yo pod-ingestion`, declared once (see questions.ts). What the answers
// mean together, and the project they make, is app-answers.ts.
import { DEFAULT_OUTPUT_DIR } from './dag-params.js';
import { check, type FieldError } from './field-error.js';
import { checkContainer, checkRepository, suggestImageName } from './image-reference.js';
import { t } from './i18n/translate.js';
import { PROJECT_LANGUAGE_QUESTION } from './language-questions.js';
import {
  checkDagId,
  checkNamespace,
  checkOutputDir,
  checkPodName,
  checkQuantity,
  checkSchedule,
  checkSecretName,
  dagIdFor,
  splitNames,
  stripPodName,
} from './names.js';
import { FINISH_ACTIONS, PULL_POLICIES } from './project-config.js';
import { checkPython, DEFAULT_PYTHON } from './python-version.js';
import { answerOf, questionNamed, single, type Question, type RawAnswers } from './questions.js';
import { checkPackages, splitPackages } from './requirements.js';
import { DEFAULTS, PLATFORM, PODS_DIR, PUSH, TAG } from './shared-questions.js';

/** The pod names of --pods; with `python`, also checked against that version's standard library. */
export function checkPodList(value: string, field: string, python?: string): FieldError[] {
  const names = splitNames(value).map(stripPodName);
  if (names.length === 0) return [{ field, value, rule: t('pods.atLeastOne'), suggestion: 'ingest' }];
  const seen = new Set<string>();
  return names.flatMap((name) => {
    const repeated = seen.has(name);
    seen.add(name);
    return [...check(field, name, checkPodName(name, python)), ...(repeated ? [{ field, value: name, rule: t('pods.once') }] : [])];
  });
}

function text(answers: RawAnswers, name: string): string {
  const value = answers[name];
  return typeof value === 'string' ? value.trim() : '';
}

function wholeNumber(max: number) {
  return (value: string) => (/^[0-9]+$/.test(value) && Number(value) <= max ? undefined : { rule: t('rule.wholeNumber', { min: 0, max }) });
}

/** The questions of `pod-ingestion` / `yo pod-ingestion`, in the order they are asked. */
export const APP_QUESTIONS: readonly Question[] = [
  {
    name: 'repository',
    kind: 'string',
    ask: 'always',
    message: 'Docker repository (Docker Hub user, or registry host/path; empty for a local-only image)',
    help: 'Docker Hub namespace or registry host and path (smedina1304, ghcr.io/acme, localhost:5000/team); empty for a local-only image',
    default: () => '',
    check: single(checkRepository),
  },
  {
    name: 'container',
    kind: 'string',
    ask: 'always',
    message: 'Image (container) name',
    help: 'the image name, lowercase (run-pods-python)',
    default: (answers) => {
      const folder = text(answers, 'destination').split(/[\\/]/).filter(Boolean).pop() ?? '';
      return folder && !checkContainer(folder) ? folder : folder ? suggestImageName(folder) : 'ingestion-pods';
    },
    defaultHelp: 'the destination folder name, made valid; else ingestion-pods',
    check: single(checkContainer),
  },
  TAG,
  {
    name: 'packages',
    kind: 'string',
    ask: 'always',
    message: 'Python packages (PEP 508 specifiers separated by spaces, e.g. pandas==2.2.3 requests)',
    help: 'Python requirements separated by whitespace, each a PEP 508 specifier; a marker after ";" may hold spaces ("pandas==2.2.3 pyarrow>=14,<20 requests; python_version >= \'3.10\'")',
    default: () => '',
    check: (value, field) => checkPackages(field, splitPackages(value)),
  },
  {
    name: 'requirements',
    kind: 'string',
    default: () => '',
    help: 'take an existing requirements.txt instead of --packages, read as pip reads it: comments and index options (--index-url, --extra-index-url, --find-links, --trusted-host, --pre, --only-binary, --no-binary, --hash) kept, every line checked; -r, -c and -e refused',
  },
  {
    name: 'python',
    kind: 'string',
    ask: 'always',
    message: 'Python version of the base image',
    help: 'Python version of the python:<version>-slim base image',
    default: () => DEFAULT_PYTHON,
    check: single(checkPython),
  },
  {
    name: 'pods',
    kind: 'string',
    ask: 'always',
    message: 'Pod script names (separated by spaces or commas)',
    help: 'first pod script names, separated by whitespace or commas (collect clean_orders)',
    default: () => 'ingest',
    check: checkPodList,
  },
  PODS_DIR,
  {
    name: 'dag-id',
    kind: 'string',
    ask: 'always',
    message: 'Airflow DAG id',
    help: 'the Airflow DAG id',
    default: (answers) => dagIdFor(String(answerOf(questionNamed(APP_QUESTIONS, 'container'), answers))),
    defaultHelp: '<container>_pipeline',
    check: single(checkDagId),
  },
  {
    name: 'schedule',
    kind: 'string',
    ask: 'always',
    message: 'Schedule (empty: runs only when triggered; @daily; or cron)',
    help: 'DAG schedule: empty (triggered runs only), a preset like @daily, or a cron expression',
    default: () => '',
    check: single(checkSchedule),
  },
  {
    name: 'output-dir',
    kind: 'string',
    ask: 'advanced',
    message: 'Where the pods write their results (a mounted volume or a bucket path; /tmp of a pod is deleted with it)',
    help: 'default of the DAG param OUTPUT_DIR the example pods write to; /tmp in a pod is deleted with the pod, so use a mounted volume or a bucket path',
    default: () => DEFAULT_OUTPUT_DIR,
    check: single(checkOutputDir),
  },
  {
    name: 'namespace',
    kind: 'string',
    ask: 'always',
    message: 'Kubernetes namespace the pods run in',
    help: 'Kubernetes namespace of the pods',
    default: () => 'airflow',
    check: single(checkNamespace),
  },
  {
    name: 'image-pull-policy',
    kind: 'choice',
    ask: 'advanced',
    choices: PULL_POLICIES,
    message: 'Image pull policy',
    help: 'when Kubernetes pulls the image',
    default: () => 'Always',
  },
  {
    name: 'image-pull-secret',
    kind: 'string',
    ask: 'advanced',
    message: 'Image pull secret (for a private registry; empty for none)',
    help: 'docker-registry secret for a private registry (kubectl create secret docker-registry NAME ...)',
    default: () => '',
    check: single((value) => (value === '' ? undefined : checkSecretName(value))),
  },
  {
    name: 'on-finish-action',
    kind: 'choice',
    ask: 'advanced',
    choices: FINISH_ACTIONS,
    message: 'What happens to a pod when it finishes',
    help: 'what happens to a finished pod',
    default: () => 'delete_pod',
  },
  {
    name: 'retries',
    kind: 'string',
    ask: 'advanced',
    message: 'Retries per task',
    help: 'retries of a failed task',
    default: () => '1',
    check: single(wholeNumber(20)),
  },
  {
    name: 'retry-delay',
    kind: 'string',
    ask: 'advanced',
    message: 'Minutes between retries',
    help: 'minutes between retries',
    default: () => '5',
    check: single(wholeNumber(1440)),
  },
  {
    name: 'cpu-request',
    kind: 'string',
    ask: 'advanced',
    message: 'CPU request (e.g. 250m; empty for none)',
    help: 'CPU request of each pod (250m)',
    default: () => '',
    check: single(checkQuantity),
  },
  {
    name: 'memory-request',
    kind: 'string',
    ask: 'advanced',
    message: 'Memory request (e.g. 256Mi; empty for none)',
    help: 'memory request of each pod (256Mi)',
    default: () => '',
    check: single(checkQuantity),
  },
  {
    name: 'cpu-limit',
    kind: 'string',
    ask: 'advanced',
    message: 'CPU limit (empty for none)',
    help: 'CPU limit of each pod (1)',
    default: () => '',
    check: single(checkQuantity),
  },
  {
    name: 'memory-limit',
    kind: 'string',
    ask: 'advanced',
    message: 'Memory limit (empty for none)',
    help: 'memory limit of each pod (1Gi)',
    default: () => '',
    check: single(checkQuantity),
  },
  {
    name: 'kubernetes-conn-id',
    kind: 'string',
    ask: 'advanced',
    message: 'Airflow Kubernetes connection id (empty: the cluster Airflow runs in)',
    help: 'Airflow connection to a Kubernetes cluster; empty runs the pods in the cluster Airflow runs in (in_cluster=True)',
    default: () => '',
    check: single((value) => (value === '' || /^[A-Za-z0-9_.-]{1,250}$/.test(value) ? undefined : { rule: t('app.connId') })),
  },
  {
    name: 'build',
    kind: 'boolean',
    ask: 'always',
    message: 'Build the image now?',
    help: 'run docker build after writing the project',
    default: () => false,
  },
  // Asked only after "Build the image now?" was answered yes.
  { ...PUSH, askIf: (answers) => answers.build === true },
  PLATFORM,
  DEFAULTS,
  {
    name: 'answers',
    kind: 'string',
    help: 'JSON file of answers (keys as the option names); options given on the command line win',
    default: () => '',
  },
  PROJECT_LANGUAGE_QUESTION,
];
