import { check, InvalidAnswersError, type FieldError } from './field-error.js';
import { checkContainer, checkImageReference, checkRepository, checkTag, suggestImageName } from './image-reference.js';
import { checkDagId, checkNamespace, checkPodName, checkQuantity, checkSchedule, checkSecretName, dagIdFor, splitNames, stripPodName } from './names.js';
import { newPod, type KubernetesSettings, type ProjectConfig } from './project-config.js';
import { checkPython, DEFAULT_PYTHON, pythonEndOfLifeWarning } from './python-version.js';
import { answerOf, single, type Question, type RawAnswers } from './questions.js';
import { checkPodsAgainstPackages } from './package-imports.js';
import { checkResourcePairs } from './resources.js';
import { checkPackages, checkRequirementsFile, renderRequirements, requirementsOfFile, splitPackages } from './requirements.js';

function checkPodList(value: string, field: string, python?: string): FieldError[] {
  const names = splitNames(value).map(stripPodName);
  if (names.length === 0) return [{ field, value, rule: 'at least one pod script is needed', suggestion: 'ingest' }];
  const seen = new Set<string>();
  return names.flatMap((name) => {
    const repeated = seen.has(name);
    seen.add(name);
    return [...check(field, name, checkPodName(name, python)), ...(repeated ? [{ field, value: name, rule: 'each pod name once' }] : [])];
  });
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const FINISH_ACTIONS = ['delete_pod', 'delete_succeeded_pod', 'keep_pod'] as const;

function text(answers: RawAnswers, name: string): string {
  const value = answers[name];
  return typeof value === 'string' ? value.trim() : '';
}

function wholeNumber(max: number) {
  return (value: string) => (/^[0-9]+$/.test(value) && Number(value) <= max ? undefined : { rule: `a whole number from 0 to ${max}` });
}

/** The questions of `pod-ingestion` / `yo pod-ingestion`, in the order they are asked. */
export const APP_QUESTIONS: readonly Question[] = [
  {
    name: 'repository', kind: 'string', ask: 'always',
    message: 'Docker repository (Docker Hub user, or registry host/path; empty for a local-only image)',
    help: 'Docker Hub namespace or registry host and path (smedina1304, ghcr.io/acme, localhost:5000/team); empty for a local-only image',
    default: () => '', check: single(checkRepository),
  },
  {
    name: 'container', kind: 'string', ask: 'always',
    message: 'Image (container) name',
    help: 'the image name, lowercase (run-pods-python)',
    default: (answers) => {
      const folder = text(answers, 'destination').split(/[\\/]/).filter(Boolean).pop() ?? '';
      return folder && !checkContainer(folder) ? folder : folder ? suggestImageName(folder) : 'ingestion-pods';
    },
    defaultHelp: 'the destination folder name, made valid; else ingestion-pods',
    check: single(checkContainer),
  },
  { name: 'tag', kind: 'string', ask: 'always', message: 'Image version (tag)', help: 'the image version (1.0, v1.0.0)', default: () => '1.0.0', check: single(checkTag) },
  {
    name: 'packages', kind: 'string', ask: 'always',
    message: 'Python packages (PEP 508 specifiers separated by spaces, e.g. pandas==2.2.3 requests)',
    help: 'Python requirements separated by whitespace, each a PEP 508 specifier; a marker after ";" may hold spaces ("pandas==2.2.3 pyarrow>=14,<20 requests; python_version >= \'3.10\'")',
    default: () => '', check: (value, field) => checkPackages(field, splitPackages(value)),
  },
  {
    name: 'requirements', kind: 'string', default: () => '',
    help: 'take an existing requirements.txt instead of --packages, read as pip reads it: comments and index options (--index-url, --extra-index-url, --find-links, --trusted-host, --pre, --only-binary, --no-binary, --hash) kept, every line checked; -r, -c and -e refused',
  },
  {
    name: 'python', kind: 'string', ask: 'always', message: 'Python version of the base image',
    help: 'Python version of the python:<version>-slim base image', default: () => DEFAULT_PYTHON, check: single(checkPython),
  },
  {
    name: 'pods', kind: 'string', ask: 'always', message: 'Pod script names (separated by spaces or commas)',
    help: 'first pod script names, separated by whitespace or commas (collect clean_orders)', default: () => 'ingest', check: checkPodList,
  },
  {
    name: 'dag-id', kind: 'string', ask: 'always', message: 'Airflow DAG id',
    help: 'the Airflow DAG id', default: (answers) => dagIdFor(String(answerOf(questionNamed('container'), answers))), defaultHelp: '<container>_pipeline', check: single(checkDagId),
  },
  {
    name: 'schedule', kind: 'string', ask: 'always', message: 'Schedule (empty: runs only when triggered; @daily; or cron)',
    help: 'DAG schedule: empty (triggered runs only), a preset like @daily, or a cron expression', default: () => '', check: single(checkSchedule),
  },
  {
    name: 'namespace', kind: 'string', ask: 'always', message: 'Kubernetes namespace the pods run in',
    help: 'Kubernetes namespace of the pods', default: () => 'airflow', check: single(checkNamespace),
  },
  {
    name: 'image-pull-policy', kind: 'choice', ask: 'advanced', choices: PULL_POLICIES, message: 'Image pull policy',
    help: 'when Kubernetes pulls the image', default: () => 'Always',
  },
  {
    name: 'image-pull-secret', kind: 'string', ask: 'advanced', message: 'Image pull secret (for a private registry; empty for none)',
    help: 'docker-registry secret for a private registry (kubectl create secret docker-registry NAME ...)', default: () => '',
    check: single((value) => (value === '' ? undefined : checkSecretName(value))),
  },
  {
    name: 'on-finish-action', kind: 'choice', ask: 'advanced', choices: FINISH_ACTIONS, message: 'What happens to a pod when it finishes',
    help: 'what happens to a finished pod', default: () => 'delete_pod',
  },
  { name: 'retries', kind: 'string', ask: 'advanced', message: 'Retries per task', help: 'retries of a failed task', default: () => '1', check: single(wholeNumber(20)) },
  { name: 'retry-delay', kind: 'string', ask: 'advanced', message: 'Minutes between retries', help: 'minutes between retries', default: () => '5', check: single(wholeNumber(1440)) },
  { name: 'cpu-request', kind: 'string', ask: 'advanced', message: 'CPU request (e.g. 250m; empty for none)', help: 'CPU request of each pod (250m)', default: () => '', check: single(checkQuantity) },
  { name: 'memory-request', kind: 'string', ask: 'advanced', message: 'Memory request (e.g. 256Mi; empty for none)', help: 'memory request of each pod (256Mi)', default: () => '', check: single(checkQuantity) },
  { name: 'cpu-limit', kind: 'string', ask: 'advanced', message: 'CPU limit (empty for none)', help: 'CPU limit of each pod (1)', default: () => '', check: single(checkQuantity) },
  { name: 'memory-limit', kind: 'string', ask: 'advanced', message: 'Memory limit (empty for none)', help: 'memory limit of each pod (1Gi)', default: () => '', check: single(checkQuantity) },
  {
    name: 'kubernetes-conn-id', kind: 'string', ask: 'advanced', message: 'Airflow Kubernetes connection id (empty: the cluster Airflow runs in)',
    help: 'Airflow connection to a Kubernetes cluster; empty runs the pods in the cluster Airflow runs in (in_cluster=True)', default: () => '',
    check: single((value) => (value === '' || /^[A-Za-z0-9_.-]{1,250}$/.test(value) ? undefined : { rule: 'an Airflow connection id uses letters, digits, "_", "." and "-"' })),
  },
  { name: 'build', kind: 'boolean', ask: 'always', message: 'Build the image now?', help: 'run docker build after writing the project', default: () => false },
  { name: 'push', kind: 'boolean', ask: 'always', askIf: (answers) => answers.build === true, message: 'Push it?', help: 'also docker push (implies --build; relies on your docker login)', default: () => false },
  { name: 'platform', kind: 'string', help: 'build for these platforms with buildx (linux/amd64,linux/arm64)', default: () => '' },
  { name: 'defaults', kind: 'boolean', help: 'ask nothing: use the given options and defaults for the rest', default: () => false },
  { name: 'answers', kind: 'string', help: 'JSON file of answers (keys as the option names); options given on the command line win', default: () => '' },
];

function questionNamed(name: string): Question {
  const question = APP_QUESTIONS.find((candidate) => candidate.name === name);
  if (!question) throw new Error(`no question named ${name}`);
  return question;
}

export interface AppPlan {
  config: ProjectConfig;
  /** requirements.txt as it will be written. */
  requirementsText: string;
  build: boolean;
  push: boolean;
  platform: string;
  warnings: string[];
}

/**
 * Validates every answer at once and turns them into the project configuration. Throws InvalidAnswersError
 * listing every bad field. `requirementsFileText` is the content of --requirements when one was named.
 */
export function resolveAppAnswers(answers: RawAnswers, requirementsFileText?: string, existing?: ProjectConfig): AppPlan {
  const value = (name: string) => answerOf(questionNamed(name), answers);
  const string = (name: string) => String(value(name)).trim();
  const errors: FieldError[] = [];
  for (const question of APP_QUESTIONS) {
    // Pod names are checked against the standard library of the chosen Python (binhex is 3.10's, not 3.11's).
    if (question.name === 'pods') errors.push(...checkPodList(string('pods'), 'pods', checkPython(string('python')) ? undefined : string('python')));
    else if (question.check) errors.push(...question.check(string(question.name), question.name));
    if (question.choices && !question.choices.includes(string(question.name))) {
      errors.push({ field: question.name, value: string(question.name), rule: `one of ${question.choices.join(', ')}` });
    }
  }
  const image = { repository: string('repository'), container: string('container'), tag: string('tag') };
  if (!errors.some((error) => ['repository', 'container', 'tag'].includes(error.field))) {
    // A reference too long is the repository's fault when it is the longer part.
    const field = image.repository.length > image.container.length ? 'repository' : 'container';
    errors.push(...check(field, `${image.repository ? `${image.repository}/` : ''}${image.container}:${image.tag}`, checkImageReference(image)));
  }

  const podNames = splitNames(string('pods')).map(stripPodName);
  const packages = splitPackages(string('packages'));
  let requirementsText = renderRequirements(packages);
  let installed = packages;
  if (requirementsFileText !== undefined) {
    if (packages.length > 0) errors.push({ field: 'requirements', value: string('requirements'), rule: 'give either --packages or --requirements, not both' });
    errors.push(...checkRequirementsFile('requirements', requirementsFileText));
    // Windows line ends become "\n" (pip reads both the same); nothing else of the file changes.
    const text = requirementsFileText.replace(/\r\n/g, '\n');
    requirementsText = text.endsWith('\n') ? text : `${text}\n`;
    installed = requirementsOfFile(text);
  }
  errors.push(...checkResourcePairs({ cpuRequest: string('cpu-request'), cpuLimit: string('cpu-limit'), memoryRequest: string('memory-request'), memoryLimit: string('memory-limit') }));
  errors.push(...checkPodsAgainstPackages([...(existing?.pods.map((pod) => pod.name) ?? []), ...podNames], installed, 'pods'));
  if (errors.length > 0) throw new InvalidAnswersError(errors);

  const kubernetes: KubernetesSettings = {
    namespace: string('namespace'),
    imagePullPolicy: string('image-pull-policy') as KubernetesSettings['imagePullPolicy'],
    imagePullSecret: string('image-pull-secret'),
    onFinishAction: string('on-finish-action') as KubernetesSettings['onFinishAction'],
    retries: Number(string('retries')),
    retryDelayMinutes: Number(string('retry-delay')),
    cpuRequest: string('cpu-request'),
    memoryRequest: string('memory-request'),
    cpuLimit: string('cpu-limit'),
    memoryLimit: string('memory-limit'),
    kubernetesConnId: string('kubernetes-conn-id'),
  };
  const schedule = string('schedule') === 'None' ? '' : string('schedule');
  const config: ProjectConfig = {
    ...image,
    python: string('python'),
    dagId: string('dag-id'),
    schedule,
    kubernetes,
    // A re-run keeps the pods the project already has, with their settings, and adds the new names.
    pods: [...(existing?.pods ?? []), ...podNames.filter((name) => !existing?.pods.some((pod) => pod.name === name)).map((name) => newPod(name))],
  };
  const push = value('push') === true;
  const warning = pythonEndOfLifeWarning(config.python);
  return { config, requirementsText, build: push || value('build') === true, push, platform: string('platform'), warnings: warning ? [warning] : [] };
}

/** The answers that reproduce an existing project's configuration: the defaults of a re-run. */
export function answersFromConfig(config: ProjectConfig): RawAnswers {
  const k = config.kubernetes;
  return {
    repository: config.repository, container: config.container, tag: config.tag, python: config.python,
    pods: config.pods.map((pod) => pod.name).join(' '), 'dag-id': config.dagId, schedule: config.schedule,
    namespace: k.namespace, 'image-pull-policy': k.imagePullPolicy, 'image-pull-secret': k.imagePullSecret,
    'on-finish-action': k.onFinishAction, retries: String(k.retries), 'retry-delay': String(k.retryDelayMinutes),
    'cpu-request': k.cpuRequest, 'memory-request': k.memoryRequest, 'cpu-limit': k.cpuLimit, 'memory-limit': k.memoryLimit,
    'kubernetes-conn-id': k.kubernetesConnId,
  };
}
