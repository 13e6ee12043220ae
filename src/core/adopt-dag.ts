// `adopt`, part one: turns what python/read_dag.py read from an old DAG into the project's model (pods with
// their task ids, env, params, secrets and order; the DAG's own settings) and says what it migrated and what
// it cannot carry. Pure: no file is read here.
import { asCall, asVariable, describeValue, isLiteral, lineOf, type DagReading, type DagValue, type ReadTask } from './dag-reading.js';
import { jinjaString } from './escape.js';
import type { AdoptMessageKey } from './i18n/adopt-en.js';
import { tAdopt } from './i18n/adopt-translate.js';
import type { FieldError } from './field-error.js';
import { stripPodName } from './names.js';
import { parseEnv, parseParam, parseSecret } from './pod-settings.js';
import type { DagSettings, KubernetesSettings, PodSpec } from './project-config.js';

/** One line of the migration report, with the line of the old DAG it comes from. */
export interface ReportLine {
  line: number;
  text: string;
}

export interface AdoptedDag {
  dagId: string;
  schedule: string;
  settings: DagSettings;
  image: string | undefined;
  kubernetes: Partial<KubernetesSettings>;
  pods: PodSpec[];
  migrations: ReportLine[];
  unsupported: ReportLine[];
  errors: FieldError[];
}

// Operator keywords carried into the model (or checked to be what the generated DAG does anyway).
const CARRIED = new Set([
  'task_id',
  'name',
  'namespace',
  'image',
  'cmds',
  'env_vars',
  'volumes',
  'volume_mounts',
  'secrets',
  'in_cluster',
  'get_logs',
  'image_pull_policy',
  'is_delete_operator_pod',
  'on_finish_action',
  'container_resources',
  'doc_md',
  'dag',
  'kubernetes_conn_id',
  'image_pull_secrets',
  'retries',
  'retry_delay',
]);
// DAG(...) arguments someone put in default_args, where Airflow ignores them.
const DAG_LEVEL = new Set(['catchup', 'schedule', 'schedule_interval', 'tags', 'description', 'start_date', 'dag_id']);
const CALLBACKS = /^on_\w+_callback$|^sla_miss_callback$/;

// Import paths that no longer exist, and where the new DAG takes the same thing from (a module name, or a
// sentence in the run's language).
const OLD_IMPORTS: readonly [RegExp, () => string][] = [
  [/operators\.kubernetes_pod$|^airflow\.contrib\./, () => tAdopt('adopt.import.pod')],
  [/^airflow\.kubernetes\.secret$/, () => 'airflow.providers.cncf.kubernetes.secret'],
  [/^airflow\.operators\.(?:dummy|dummy_operator)$/, () => tAdopt('adopt.import.dummy')],
  [/^airflow\.utils\.dates$/, () => tAdopt('adopt.import.dates')],
];

const CONF_REQUIRED = /^\{\{\s*dag_run\.conf\[\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*\]\s*\}\}$/;
const CONF_DEFAULT = /^\{\{\s*dag_run\.conf\.get\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*,\s*(['"])((?:(?!\3)[^\\{}])*)\3\s*\)\s*\}\}$/;

/** `./x.py`, `x.py` or `x` -> `x`. */
export function scriptOfPrgName(value: string): string {
  return stripPodName(value.replace(/^\.\//, ''));
}

/** A Variable read at parse time becomes a template read at run time. */
function variableTemplate(key: string, fallback: DagValue): string {
  if (fallback === null)
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `{{ var.value.${key} }}` : `{{ var.value.get(${jinjaString(key)}) }}`;
  return `{{ var.value.get(${jinjaString(key)}, ${jinjaString(String(fallback))}) }}`;
}

function dateOf(value: DagValue, today: Date, report: (line: number, text: string) => void): string | undefined {
  const call = asCall(value);
  if (call?.callee === 'days_ago' && typeof call.args[0] === 'number') {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - call.args[0]));
    const fixed = date.toISOString().slice(0, 10);
    report(call.line, tAdopt('adopt.daysAgo', { days: call.args[0], date: fixed }));
    return fixed;
  }
  if (call?.callee === 'datetime' && call.args.length >= 3 && call.args.slice(0, 3).every((item) => typeof item === 'number')) {
    const [year, month, day] = call.args as number[];
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

function minutesOf(value: DagValue): number | undefined {
  const call = asCall(value, 'timedelta');
  if (!call || call.args.length > 0) return typeof value === 'number' && value % 60 === 0 ? value / 60 : undefined;
  const seconds =
    (Number(call.kwargs.seconds ?? 0) || 0) + (Number(call.kwargs.minutes ?? 0) || 0) * 60 + (Number(call.kwargs.hours ?? 0) || 0) * 3600;
  return Object.keys(call.kwargs).every((key) => ['seconds', 'minutes', 'hours'].includes(key)) && seconds % 60 === 0
    ? seconds / 60
    : undefined;
}

/** The edges between pod tasks, Dummy/Empty tasks collapsed into direct edges. */
export function collapseEmptyTasks(edges: readonly [string, string][], empty: ReadonlySet<string>): [string, string][] {
  const downstream = (from: string, seen = new Set<string>()): string[] =>
    edges
      .filter(([up]) => up === from)
      .flatMap(([, down]) => {
        if (!empty.has(down)) return [down];
        if (seen.has(down)) return [];
        seen.add(down);
        return downstream(down, seen);
      });
  const result: [string, string][] = [];
  for (const up of new Set(edges.map(([from]) => from))) {
    if (empty.has(up)) continue;
    for (const down of downstream(up)) if (!result.some(([a, b]) => a === up && b === down)) result.push([up, down]);
  }
  return result;
}

export function adoptDag(reading: DagReading, today: Date, knownStartDate?: string): AdoptedDag {
  const migrations: ReportLine[] = [];
  const unsupported: ReportLine[] = [
    ...reading.unsupported.map(({ line, reason, values }) => ({ line, text: tAdopt(`read.${reason}`, values) })),
  ];
  const errors: FieldError[] = [];
  const migrate = (line: number, text: string) => migrations.push({ line, text });
  const lose = (line: number, text: string) => unsupported.push({ line, text });

  for (const { module, line } of reading.imports ?? []) {
    const current = OLD_IMPORTS.find(([pattern]) => pattern.test(module));
    if (current) migrate(line, tAdopt('adopt.importFrom', { module, target: current[1]() }));
  }
  if (reading.dags.length !== 1) lose(reading.dags[1]?.line ?? 1, tAdopt('adopt.dagCount', { count: reading.dags.length }));
  const dag = reading.dags[0] ?? { line: 1, style: 'DAG' as const, args: [], kwargs: {} };
  const kwargs = { ...dag.kwargs };
  const defaultArgs: Record<string, DagValue> = {};
  const given = kwargs.default_args;
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given) || '$' in given))
    lose(dag.line, tAdopt('adopt.defaultArgsNotDict', { value: describeValue(given) }));
  else if (given) {
    for (const [key, value] of Object.entries(given)) {
      if (DAG_LEVEL.has(key) && kwargs[key] === undefined) {
        kwargs[key] = value;
        migrate(dag.line, tAdopt('adopt.defaultArgsDagLevel', { key }));
      } else if (CALLBACKS.test(key)) lose(dag.line, tAdopt('adopt.defaultArgsCallback', { key }));
      else if (key === 'retries' || key === 'retry_delay') defaultArgs[key] = value;
      else if (isLiteral(value)) defaultArgs[key] = value;
      else lose(dag.line, tAdopt('adopt.defaultArgsNotConstant', { key, value: describeValue(value) }));
    }
  }

  const dagIdValue = kwargs.dag_id ?? dag.args[0] ?? (dag.style === 'decorator' ? (dag.function ?? null) : null);
  const dagId = typeof dagIdValue === 'string' ? dagIdValue : '';
  if (!dagId)
    lose(
      dag.line,
      dagIdValue === null ? tAdopt('adopt.dagIdMissing') : tAdopt('adopt.dagIdNotConstant', { value: describeValue(dagIdValue) }),
    );

  let schedule = '';
  const scheduleValue = kwargs.schedule !== undefined ? kwargs.schedule : kwargs.schedule_interval;
  if (kwargs.schedule_interval !== undefined) migrate(lineOf(kwargs.schedule_interval, dag.line), tAdopt('adopt.scheduleInterval'));
  if (typeof scheduleValue === 'string') schedule = scheduleValue;
  else if (scheduleValue !== null && scheduleValue !== undefined)
    lose(lineOf(scheduleValue, dag.line), tAdopt('adopt.scheduleNotString', { value: describeValue(scheduleValue) }));

  const startDate = knownStartDate ?? (kwargs.start_date !== undefined ? dateOf(kwargs.start_date, today, migrate) : undefined);
  if (kwargs.start_date !== undefined && startDate === undefined)
    lose(lineOf(kwargs.start_date, dag.line), tAdopt('adopt.startDateNotFixed', { value: describeValue(kwargs.start_date) }));
  const tags = Array.isArray(kwargs.tags) && kwargs.tags.every((tag) => typeof tag === 'string') ? (kwargs.tags as string[]) : [];
  if (kwargs.tags !== undefined && tags.length !== (kwargs.tags as unknown[]).length)
    lose(dag.line, tAdopt('adopt.tagsNotStrings', { value: describeValue(kwargs.tags) }));
  const description = typeof kwargs.description === 'string' ? kwargs.description : '';
  const catchup = kwargs.catchup === undefined ? true : kwargs.catchup === true;
  if (kwargs.catchup !== undefined && typeof kwargs.catchup !== 'boolean')
    lose(dag.line, tAdopt('adopt.catchupNotBoolean', { value: describeValue(kwargs.catchup) }));
  for (const key of Object.keys(kwargs)) {
    if (!['dag_id', 'schedule', 'schedule_interval', 'start_date', 'tags', 'description', 'catchup', 'default_args'].includes(key)) {
      lose(lineOf(kwargs[key], dag.line), tAdopt('adopt.dagArgNotCarried', { key, value: describeValue(kwargs[key]!) }));
    }
  }

  // The tasks.
  const podTasks = reading.tasks.filter((task) => !task.empty);
  const emptyIds = new Set(reading.tasks.filter((task) => task.empty).map((task) => String(task.kwargs.task_id)));
  for (const task of reading.tasks.filter((item) => item.empty)) {
    const values = { operator: task.operator, taskId: String(task.kwargs.task_id) };
    migrate(task.line, tAdopt(task.operator === 'DummyOperator' ? 'adopt.dummyTask' : 'adopt.emptyTask', values));
  }
  const shared = new Map<string, { value: string; line: number }>();
  const agree = (key: string, value: string, line: number) => {
    const earlier = shared.get(key);
    if (!earlier) shared.set(key, { value, line });
    else if (earlier.value !== value) lose(line, tAdopt('adopt.sharedDiffers', { key, value, earlier: earlier.value, line: earlier.line }));
  };
  const pods: PodSpec[] = [];
  const podByTask = new Map<string, string>();
  for (const task of podTasks) {
    const pod = adoptTask(task, { agree, lose, migrate, errors });
    if (!pod) continue;
    const twin = pods.find((other) => other.name === pod.name);
    if (twin) {
      lose(task.line, tAdopt('adopt.twinTask', { task: pod.taskId ?? pod.name, script: pod.name, twin: twin.taskId ?? twin.name }));
      continue;
    }
    podByTask.set(pod.taskId ?? pod.name, pod.name);
    pods.push(pod);
  }
  const edges = collapseEmptyTasks(
    reading.edges.map(([up, down]): [string, string] => [up, down]),
    emptyIds,
  );
  for (const [up, down] of edges) {
    const from = podByTask.get(up);
    const to = podByTask.get(down);
    const pod = pods.find((item) => item.name === to);
    if (from && pod && !pod.after.includes(from)) pod.after.push(from);
  }

  const retries = defaultArgs.retries ?? shared.get('retries')?.value;
  const retryDelay = defaultArgs.retry_delay !== undefined ? minutesOf(defaultArgs.retry_delay) : undefined;
  if (defaultArgs.retry_delay !== undefined && retryDelay === undefined)
    lose(dag.line, tAdopt('adopt.retryDelay', { value: describeValue(defaultArgs.retry_delay) }));
  delete defaultArgs.retries;
  delete defaultArgs.retry_delay;
  const value = (key: string) => shared.get(key)?.value;
  const kubernetes: Partial<KubernetesSettings> = {
    ...(value('namespace') !== undefined ? { namespace: value('namespace') } : {}),
    ...(value('image_pull_policy') !== undefined
      ? { imagePullPolicy: value('image_pull_policy') as KubernetesSettings['imagePullPolicy'] }
      : {}),
    ...(value('on_finish_action') !== undefined
      ? { onFinishAction: value('on_finish_action') as KubernetesSettings['onFinishAction'] }
      : {}),
    ...(value('kubernetes_conn_id') !== undefined ? { kubernetesConnId: value('kubernetes_conn_id') } : {}),
    ...(value('image_pull_secret') !== undefined ? { imagePullSecret: value('image_pull_secret') } : {}),
    ...(value('cpu_request') !== undefined ? { cpuRequest: value('cpu_request') } : {}),
    ...(value('memory_request') !== undefined ? { memoryRequest: value('memory_request') } : {}),
    ...(value('cpu_limit') !== undefined ? { cpuLimit: value('cpu_limit') } : {}),
    ...(value('memory_limit') !== undefined ? { memoryLimit: value('memory_limit') } : {}),
    retries: typeof retries === 'number' ? retries : Number(retries ?? 0),
    retryDelayMinutes: retryDelay ?? 5,
  };
  return {
    dagId,
    schedule: schedule === 'None' ? '' : schedule,
    settings: { description, tags, catchup, startDate: startDate ?? '2026-01-01', defaultArgs: defaultArgs as DagSettings['defaultArgs'] },
    image: value('image'),
    kubernetes,
    pods,
    migrations,
    unsupported,
    errors,
  };
}

interface TaskContext {
  agree: (key: string, value: string, line: number) => void;
  lose: (line: number, text: string) => void;
  migrate: (line: number, text: string) => void;
  errors: FieldError[];
}

function adoptTask(task: ReadTask, { agree, lose, migrate, errors }: TaskContext): PodSpec | undefined {
  const { kwargs, line } = task;
  const taskId = typeof kwargs.task_id === 'string' ? kwargs.task_id : undefined;
  if (!taskId) {
    lose(line, tAdopt('adopt.taskIdNotConstant', { operator: task.operator }));
    return undefined;
  }
  const where = tAdopt('adopt.task', { taskId });
  // A line about this task: "task x: ..." in the run's language.
  const about = (key: AdoptMessageKey, values: Record<string, string | number> = {}) => tAdopt(key, { where, ...values });
  if (task.positional > 0) lose(line, about('adopt.positional'));
  for (const key of Object.keys(kwargs))
    if (!CARRIED.has(key)) lose(lineOf(kwargs[key], line), about('adopt.taskArgNotCarried', { key, value: describeValue(kwargs[key]!) }));

  const env = kwargs.env_vars;
  if (env === undefined || env === null || typeof env !== 'object' || Array.isArray(env) || '$' in env) {
    lose(line, env === undefined ? about('adopt.envMissing') : about('adopt.envNotDict', { value: describeValue(env) }));
    return undefined;
  }
  const prgName = env.PRG_NAME;
  if (typeof prgName !== 'string') {
    lose(line, prgName === undefined ? about('adopt.prgNameUnset') : about('adopt.prgNameNotConstant', { value: describeValue(prgName) }));
    return undefined;
  }
  const name = scriptOfPrgName(prgName);
  const pod: PodSpec = {
    name,
    description: typeof kwargs.doc_md === 'string' ? kwargs.doc_md : '',
    after: [],
    env: [],
    params: [],
    secrets: [],
    adopted: true,
  };
  if (taskId !== name) pod.taskId = taskId;

  for (const [key, value] of Object.entries(env)) {
    if (key === 'PRG_NAME') continue;
    const variable = asVariable(value);
    if (variable) {
      const template = variableTemplate(variable.key, variable.default);
      migrate(line, about('adopt.variable', { key, variable: variable.key, template }));
      const item = parseEnv(`${key}=${template}`, errors);
      if (item) pod.env.push(item);
    } else if (typeof value === 'string') {
      const required = CONF_REQUIRED.exec(value);
      const withDefault = CONF_DEFAULT.exec(value);
      if (required && required[2] === key) pod.params.push(parseParam(key, errors));
      else if (withDefault && withDefault[2] === key) pod.params.push(parseParam(`${key}=${withDefault[4]}`, errors));
      else {
        const item = parseEnv(`${key}=${value}`, errors);
        if (item) pod.env.push(item);
      }
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      migrate(line, about('adopt.envToString', { key, value: describeValue(value), text: String(value) }));
      const item = parseEnv(`${key}=${value === true ? 'True' : value === false ? 'False' : String(value)}`, errors);
      if (item) pod.env.push(item);
    } else lose(lineOf(value, line), about('adopt.envNotEvaluable', { key, value: describeValue(value) }));
  }

  adoptSecrets(task, about, pod, lose, errors);

  const cmds = kwargs.cmds;
  if (cmds !== undefined && !(Array.isArray(cmds) && cmds.length === 1 && cmds[0] === '/run_in_docker.sh'))
    lose(line, about('adopt.cmds', { value: describeValue(cmds) }));
  if (kwargs.get_logs === false) lose(line, about('adopt.getLogs'));
  if (typeof kwargs.image === 'string') agree('image', kwargs.image, line);
  else
    lose(
      line,
      kwargs.image === undefined ? about('adopt.imageMissing') : about('adopt.imageNotConstant', { value: describeValue(kwargs.image) }),
    );
  for (const [key, model] of [
    ['namespace', 'namespace'],
    ['image_pull_policy', 'image_pull_policy'],
    ['kubernetes_conn_id', 'kubernetes_conn_id'],
  ] as const) {
    if (typeof kwargs[key] === 'string') agree(model, kwargs[key], line);
    else if (kwargs[key] !== undefined) lose(line, about('adopt.argNotConstant', { key, value: describeValue(kwargs[key]) }));
  }
  if (kwargs.in_cluster === false && kwargs.kubernetes_conn_id === undefined) lose(line, about('adopt.inCluster'));
  if (typeof kwargs.retries === 'number') agree('retries', String(kwargs.retries), line);
  if (typeof kwargs.on_finish_action === 'string') agree('on_finish_action', kwargs.on_finish_action, line);
  else if (typeof kwargs.is_delete_operator_pod === 'boolean') {
    const action = kwargs.is_delete_operator_pod ? 'delete_pod' : 'keep_pod';
    migrate(line, about('adopt.deleteOperatorPod', { value: kwargs.is_delete_operator_pod ? 'True' : 'False', action }));
    agree('on_finish_action', action, line);
  }
  const pullSecrets = kwargs.image_pull_secrets;
  if (pullSecrets !== undefined) {
    const reference = Array.isArray(pullSecrets) && pullSecrets.length === 1 ? asCall(pullSecrets[0], 'V1LocalObjectReference') : undefined;
    const secretName = reference ? (reference.kwargs.name ?? reference.args[0]) : undefined;
    if (typeof secretName === 'string') agree('image_pull_secret', secretName, line);
    else lose(line, about('adopt.pullSecrets', { value: describeValue(pullSecrets) }));
  }
  const resources = kwargs.container_resources;
  if (resources !== undefined) {
    const call = asCall(resources, 'V1ResourceRequirements');
    const known = call && Object.keys(call.kwargs).every((key) => key === 'requests' || key === 'limits');
    if (!call || !known) lose(line, about('adopt.resources', { value: describeValue(resources) }));
    else {
      for (const [group, prefix] of [
        ['requests', 'request'],
        ['limits', 'limit'],
      ] as const) {
        const block = call.kwargs[group];
        if (block === undefined) continue;
        if (
          block === null ||
          typeof block !== 'object' ||
          Array.isArray(block) ||
          Object.keys(block).some((key) => key !== 'cpu' && key !== 'memory')
        ) {
          lose(line, about('adopt.resourcesGroup', { group }));
          continue;
        }
        for (const kind of ['cpu', 'memory'] as const)
          if (typeof block[kind] === 'string') agree(`${kind}_${prefix}`, block[kind] as string, line);
      }
    }
  }
  return pod;
}

type AboutTask = (key: AdoptMessageKey, values?: Record<string, string | number>) => string;

function adoptSecrets(task: ReadTask, about: AboutTask, pod: PodSpec, lose: TaskContext['lose'], errors: FieldError[]): void {
  const { kwargs, line } = task;
  const volumes = Array.isArray(kwargs.volumes) ? kwargs.volumes : kwargs.volumes === undefined ? [] : undefined;
  const mounts = Array.isArray(kwargs.volume_mounts) ? kwargs.volume_mounts : kwargs.volume_mounts === undefined ? [] : undefined;
  if (!volumes || !mounts) lose(line, about('adopt.volumesNotLists'));
  const secretOfVolume = new Map<string, string>();
  for (const volume of volumes ?? []) {
    const call = asCall(volume, 'V1Volume');
    const source = asCall(call?.kwargs.secret, 'V1SecretVolumeSource');
    const secretName = source?.kwargs.secret_name;
    const extra = source && Object.keys(source.kwargs).some((key) => key !== 'secret_name');
    if (call && typeof call.kwargs.name === 'string' && typeof secretName === 'string' && !extra)
      secretOfVolume.set(call.kwargs.name, secretName);
    else lose(lineOf(volume, line), about('adopt.volumeNotSecret', { value: describeValue(volume) }));
  }
  for (const mount of mounts ?? []) {
    const call = asCall(mount, 'V1VolumeMount');
    const volumeName = call?.kwargs.name;
    const secret = typeof volumeName === 'string' ? secretOfVolume.get(volumeName) : undefined;
    const extra = call && Object.keys(call.kwargs).some((key) => !['name', 'mount_path', 'read_only'].includes(key));
    if (call && secret && typeof call.kwargs.mount_path === 'string' && call.kwargs.read_only !== false && !extra) {
      pod.secrets.push(parseSecret(`${secret}:${call.kwargs.mount_path}`, errors));
    } else lose(lineOf(mount, line), about('adopt.mountNotSecret', { value: describeValue(mount) }));
  }
  const secrets = Array.isArray(kwargs.secrets) ? kwargs.secrets : kwargs.secrets === undefined ? [] : undefined;
  if (!secrets) lose(line, about('adopt.secretsNotList'));
  for (const item of secrets ?? []) {
    const call = asCall(item, 'Secret');
    const [deployType, target, secretName, key] = [
      call?.kwargs.deploy_type ?? call?.args[0],
      call?.kwargs.deploy_target ?? call?.args[1],
      call?.kwargs.secret ?? call?.args[2],
      call?.kwargs.key ?? call?.args[3],
    ];
    if (deployType === 'volume' && typeof target === 'string' && typeof secretName === 'string' && (key === undefined || key === null)) {
      pod.secrets.push(parseSecret(`${secretName}:${target}`, errors));
    } else lose(lineOf(item, line), about('adopt.secretNotVolume', { value: describeValue(item) }));
  }
}
