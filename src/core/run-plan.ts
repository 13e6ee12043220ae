// What a local run of the pipeline will do, decided before any container starts: which tasks, after which,
// and each container's environment as Airflow would render it for the given logical date and conf. Every
// refusal (unknown task, missing required param, unrenderable template, missing secret folder) happens here.
// Pure: the caller passes what it read (the conf text, whether folders exist).
import { t } from './i18n/translate.js';
import { isAbsolute, resolve } from 'node:path';
import { dagParams, podEnvironment, resolveParams } from './dag-params.js';
import { InvalidAnswersError, type FieldError } from './field-error.js';
import { downstreamOf, taskId, topologicalOrder } from './pipeline.js';
import type { PodSpec, ProjectConfig } from './project-config.js';

export interface RunRequest {
  /** The TASKs named on the command line; empty for all. */
  tasks: readonly string[];
  downstream: boolean;
  /** The conf's JSON text (from --conf or --conf-file); empty for none. */
  confText: string;
  /** Where the conf came from, for messages: `conf` or `conf-file`. */
  confField: string;
  logicalDate: string;
  runId: string;
  /** --set values: TASK:KEY=VALUE or KEY=VALUE. */
  sets: readonly string[];
  /** --secrets-dir, absolute; empty for none. */
  secretsDir: string;
  /** --mount values: HOST:CONTAINER. */
  mounts: readonly string[];
  retries: boolean;
  /** The project folder: relative host paths are taken from there. */
  projectDir: string;
}

export interface BindMount {
  source: string;
  target: string;
}

export interface PlannedTask {
  id: string;
  /** The upstream tasks that are part of this run (the others are taken as done). */
  upstream: string[];
  /** The container's environment, in the DAG's order (dag-params.ts podEnvironment): PRG_NAME, RUN_DATE, OUTPUT_DIR, constants, params. */
  env: [string, string][];
  secrets: BindMount[];
  retries: number;
}

export interface RunPlan {
  runId: string;
  logicalDate: string;
  /** In dependency order. */
  tasks: PlannedTask[];
  mounts: BindMount[];
  /** docker run's --memory and --cpus, from the project's limits; empty when not set. */
  memory: string;
  cpus: string;
}

/** A refused run: every problem at once, and the promise that nothing started. */
export class RunRefusedError extends InvalidAnswersError {
  constructor(errors: FieldError[]) {
    super(errors, (count) => (count === 1 ? t('run.refused.one') : t('run.refused.many', { count })));
  }
}

/** How Jinja prints a conf value in a template: Python's str() for scalars. */
function jinjaText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const QUOTED = String.raw`(?:'([^']*)'|"([^"]*)")`;
const CONF_INDEX = new RegExp(String.raw`^dag_run\.conf\[${QUOTED}\]$`);
const CONF_ATTRIBUTE = /^dag_run\.conf\.([A-Za-z_][A-Za-z0-9_]*)$/;
const CONF_GET = new RegExp(String.raw`^dag_run\.conf\.get\(\s*${QUOTED}\s*(?:,\s*${QUOTED}\s*)?\)$`);
const PARAM = new RegExp(String.raw`^params(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[${QUOTED}\])$`);

interface TemplateContext {
  logicalDate: string;
  runId: string;
  conf: Record<string, unknown>;
  /** The DAG's params, resolved (conf value, else default); undefined for a required one without a value. */
  params: Map<string, string | undefined>;
}

/** One `{{ expression }}`: its value, or why it has none. */
function evaluate(expression: string, context: TemplateContext): { value: string } | { problem: string } {
  const { logicalDate, runId, conf, params } = context;
  const simple: Record<string, string> = {
    ds: logicalDate,
    ds_nodash: logicalDate.replaceAll('-', ''),
    logical_date: `${logicalDate}T00:00:00+00:00`,
    ts: `${logicalDate}T00:00:00+00:00`,
    run_id: runId,
  };
  if (expression in simple) return { value: simple[expression]! };
  const indexed = CONF_INDEX.exec(expression) ?? CONF_ATTRIBUTE.exec(expression);
  if (indexed) {
    const key = indexed[1] ?? indexed[2]!;
    return key in conf ? { value: jinjaText(conf[key]) } : { problem: t('run.confNoKey', { key }) };
  }
  const got = CONF_GET.exec(expression);
  if (got) {
    const key = got[1] ?? got[2]!;
    const fallback = got[3] ?? got[4];
    return { value: key in conf ? jinjaText(conf[key]) : (fallback ?? 'None') };
  }
  const param = PARAM.exec(expression);
  if (param) {
    const name = param[1] ?? param[2] ?? param[3]!;
    const value = params.get(name);
    if (!params.has(name)) return { problem: t('run.noParam', { name }) };
    return value === undefined ? { problem: t('run.paramNoValue', { name }) } : { value };
  }
  return { problem: t('run.onlyTemplates') };
}

/** Renders the Airflow templates of a constant; returns the value, or the problems that stop it. */
export function renderTemplate(text: string, context: TemplateContext): { value: string; problems: string[] } {
  const problems: string[] = [];
  if (/\{%|\{#/.test(text)) problems.push(t('run.noStatements'));
  const value = text.replace(/\{\{\s*(.*?)\s*\}\}/g, (whole, expression: string) => {
    const result = evaluate(expression, context);
    if ('value' in result) return result.value;
    problems.push(`${whole}: ${result.problem}`);
    return whole;
  });
  return { value, problems };
}

function parseConf(text: string, field: string, errors: FieldError[]): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    errors.push({
      field,
      value: text,
      rule: t('run.confJson', { reason: (error as Error).message }),
      suggestion: '{"RUN_DATE": "2026-01-31"}',
    });
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    errors.push({ field, value: text, rule: t('run.confObject'), suggestion: '{"RUN_DATE": "2026-01-31"}' });
    return {};
  }
  return parsed as Record<string, unknown>;
}

export function checkLogicalDate(value: string): FieldError[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date && date.toISOString().slice(0, 10) === value) return [];
  return [{ field: 'logical-date', value, rule: t('run.logicalDate'), suggestion: new Date().toISOString().slice(0, 10) }];
}

interface SetValue {
  task?: string;
  key: string;
  value: string;
}

function parseSet(item: string, errors: FieldError[]): SetValue | undefined {
  const match = /^(?:([a-z][a-z0-9_]*):)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(item);
  if (!match) {
    errors.push({ field: 'set', value: item, rule: t('run.setForm'), suggestion: 'collect:API_TOKEN=abc' });
    return undefined;
  }
  return { task: match[1], key: match[2]!, value: match[3]! };
}

function parseMount(item: string, projectDir: string, errors: FieldError[]): BindMount | undefined {
  const colon = item.lastIndexOf(':');
  const source = colon === -1 ? '' : item.slice(0, colon);
  const target = colon === -1 ? '' : item.slice(colon + 1);
  if (!source || !target.startsWith('/') || target === '/' || target.split('/').includes('..')) {
    errors.push({ field: 'mount', value: item, rule: t('run.mountForm'), suggestion: './data:/data' });
    return undefined;
  }
  return { source: isAbsolute(source) ? source : resolve(projectDir, source), target };
}

/** The tasks to run: the named ones (all when none), with --downstream their downstream tasks too. */
function selectTasks(pods: readonly PodSpec[], request: RunRequest, errors: FieldError[]): Set<string> {
  if (request.tasks.length === 0) return new Set(pods.map((pod) => pod.name));
  const names = pods.map((pod) => pod.name);
  for (const task of request.tasks) {
    if (!names.includes(task)) errors.push({ field: 'task', value: task, rule: t('run.noTask', { names: names.join(', ') }) });
  }
  const selected = new Set(request.tasks.filter((task) => names.includes(task)));
  if (request.downstream) for (const name of downstreamOf(pods, selected)) selected.add(name);
  return selected;
}

/** Kubernetes' memory quantity as docker's --memory: binary units map to docker's (also binary), decimal ones to bytes. */
export function dockerMemory(quantity: string): string {
  const match = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(quantity);
  if (!match) return '';
  const [, number, unit = ''] = match;
  const binary: Record<string, string> = { Ki: 'k', Mi: 'm', Gi: 'g', Ti: 't' };
  if (unit in binary && /^\d+$/.test(number!)) return `${number}${binary[unit]}`;
  const factor: Record<string, number> = {
    '': 1,
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
  };
  return String(Math.round(Number(number) * factor[unit]!));
}

/** Kubernetes' CPU quantity (500m, 1, 1.5) as docker's --cpus. */
export function dockerCpus(quantity: string): string {
  const match = /^([0-9.]+)(m)?$/.exec(quantity);
  if (!match) return '';
  return String(match[2] ? Number(match[1]) / 1000 : Number(match[1]));
}

/** Decides the whole run, or throws RunRefusedError listing every problem; `folderExists` answers for secret folders. */
export function planRun(config: ProjectConfig, request: RunRequest, folderExists: (path: string) => boolean): RunPlan {
  const errors: FieldError[] = [...checkLogicalDate(request.logicalDate)];
  const conf = parseConf(request.confText, request.confField, errors);
  const selected = selectTasks(config.pods, request, errors);
  const sets = request.sets.map((item) => parseSet(item, errors)).filter((item) => item !== undefined);
  const mounts = request.mounts.map((item) => parseMount(item, request.projectDir, errors)).filter((item) => item !== undefined);
  const pods = topologicalOrder(config.pods).filter((pod) => selected.has(pod.name));

  for (const set of sets) {
    if (set.task !== undefined && !config.pods.some((pod) => pod.name === set.task)) {
      errors.push({
        field: 'set',
        value: `${set.task}:${set.key}=${set.value}`,
        rule: t('run.setNoTask', { task: set.task, names: config.pods.map((pod) => pod.name).join(', ') }),
      });
    } else if (
      !pods.some(
        (pod) =>
          (set.task === undefined || pod.name === set.task) &&
          podEnvironment(pod).some((source) => source.name === set.key && source.name !== 'PRG_NAME'),
      )
    ) {
      errors.push({
        field: 'set',
        value: `${set.task ? `${set.task}:` : ''}${set.key}=${set.value}`,
        rule: t('run.setNoVar', { key: set.key }),
      });
    }
  }

  // The DAG's params, by the DAG's own rule (dag-params.ts): a conf value wins, else the default; a param
  // without either is required; a conf value that is not a string is refused, as Airflow refuses it.
  const resolved = resolveParams(config, conf);
  for (const name of resolved.invalid) {
    errors.push({
      field: request.confField,
      value: `${name}: ${JSON.stringify(conf[name])}`,
      rule: t('run.paramString', { name }),
      suggestion: `{"${name}": "${jinjaText(conf[name])}"}`,
    });
  }
  const params = new Map<string, string | undefined>(dagParams(config).map((param) => [param.name, resolved.values[param.name]]));
  const context: TemplateContext = { logicalDate: request.logicalDate, runId: request.runId, conf, params };

  const tasks = pods.map((pod): PlannedTask => {
    const setFor = (key: string) =>
      [...sets].reverse().find((set) => set.key === key && (set.task === undefined || set.task === pod.name))?.value;
    // What the DAG's task puts in the pod's environment, item by item (dag-params.ts), rendered for this run.
    const env: [string, string][] = [];
    for (const source of podEnvironment(pod)) {
      const given = source.name === 'PRG_NAME' ? undefined : setFor(source.name);
      if (given !== undefined) env.push([source.name, given]);
      else if (source.kind === 'logical-date') env.push([source.name, request.logicalDate]);
      else if (source.kind === 'constant') {
        const rendered = renderTemplate(source.value, context);
        for (const problem of rendered.problems) {
          // A constant of the pod's settings: .yo-rc.json holds it (run has no --env).
          const at = `pods[${config.pods.indexOf(pod)}].env[${pod.env.findIndex((item) => item.name === source.name)}]`;
          errors.push({
            field: 'env',
            origin: { from: 'project-config', key: at },
            value: `${taskId(pod)}:${source.name}=${source.value}`,
            rule: t('run.orSet', { problem, task: taskId(pod), name: source.name }),
          });
        }
        env.push([source.name, rendered.value]);
      } else {
        const value = params.get(source.param);
        if (value === undefined && !resolved.invalid.includes(source.param)) {
          errors.push({
            field: request.confField,
            value: request.confText,
            rule: t('run.needsParam', { task: taskId(pod), name: source.param, example: `{"${source.param}": "..."}` }),
          });
        }
        env.push([source.name, value ?? '']);
      }
    }
    const secrets = pod.secrets.map(({ secret, mountPath }) => {
      const source = `${request.secretsDir}/${secret}`;
      if (!request.secretsDir) {
        errors.push({ field: 'secrets-dir', value: '', rule: t('run.needsSecretsDir', { task: taskId(pod), secret, path: mountPath }) });
      } else if (!folderExists(source)) {
        errors.push({
          field: 'secrets-dir',
          value: request.secretsDir,
          rule: t('run.noSecretFolder', { task: taskId(pod), secret, folder: source }),
        });
      }
      return { source, target: mountPath };
    });
    return {
      id: taskId(pod),
      upstream: pod.after.filter((name) => selected.has(name)),
      env,
      secrets,
      retries: request.retries ? config.kubernetes.retries : 0,
    };
  });
  if (errors.length > 0) throw new RunRefusedError(errors);
  return {
    runId: request.runId,
    logicalDate: request.logicalDate,
    tasks,
    mounts,
    memory: config.kubernetes.memoryLimit ? dockerMemory(config.kubernetes.memoryLimit) : '',
    cpus: config.kubernetes.cpuLimit ? dockerCpus(config.kubernetes.cpuLimit) : '',
  };
}
