// Structural checks of a generated Airflow DAG. Airflow cannot be installed on this machine (not in
// Debian, no PyPI), so the DAG is never imported: inspect_dag.py reads it with Python's `ast` and reports
// imports, constants, DAG(...) and KubernetesPodOperator(...) calls and the dependency edges; this module
// holds those facts against docs/reference facts of the cncf.kubernetes provider (10+) and Airflow 3.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PYTHON } from './python.js';

export const INSPECT_DAG = fileURLToPath(new URL('./inspect_dag.py', import.meta.url));

export const KPO_MODULE = 'airflow.providers.cncf.kubernetes.operators.pod';
export const SECRET_MODULE = 'airflow.providers.cncf.kubernetes.secret';

/** KubernetesPodOperator.__init__ keywords (current provider), from airflow-kubernetes-pod-operator.md. */
export const KPO_KEYWORDS: readonly string[] = (
  'kubernetes_conn_id namespace image name random_name_suffix cmds arguments ports volume_mounts volumes env_vars env_from ' +
  'secrets in_cluster cluster_context labels reattach_on_restart startup_timeout_seconds startup_check_interval_seconds ' +
  'schedule_timeout_seconds get_logs base_container_name base_container_status_polling_interval init_container_logs ' +
  'container_logs image_pull_policy annotations container_resources affinity config_file node_selector image_pull_secrets ' +
  'service_account_name automount_service_account_token hostnetwork host_aliases tolerations security_context ' +
  'container_security_context dnspolicy dns_config hostname subdomain schedulername full_pod_spec init_containers ' +
  'log_events_on_failure do_xcom_push pod_template_file pod_template_dict priority_class_name pod_runtime_info_envs ' +
  'termination_grace_period configmaps skip_on_exit_code deferrable poll_interval log_pod_spec_on_failure on_finish_action ' +
  'termination_message_policy active_deadline_seconds callbacks logging_interval trigger_kwargs ' +
  'container_name_log_prefix_enabled log_formatter'
).split(' ');

/**
 * BaseOperator keywords every operator takes (Airflow 2.9+/3 task SDK; the reference names task_id, retries,
 * retry_delay, dag, doc_md, pool, execution_timeout "..."; the rest are BaseOperator's documented parameters
 * that Airflow 3 still has, so not `sla` or `task_concurrency`).
 */
export const BASE_OPERATOR_KEYWORDS: readonly string[] = (
  'task_id owner email email_on_retry email_on_failure retries retry_delay retry_exponential_backoff max_retry_delay ' +
  'start_date end_date depends_on_past ignore_first_depends_on_past wait_for_past_depends_before_skipping wait_for_downstream ' +
  'dag params default_args priority_weight weight_rule queue pool pool_slots execution_timeout on_execute_callback ' +
  'on_failure_callback on_success_callback on_retry_callback on_skipped_callback pre_execute post_execute trigger_rule ' +
  'resources run_as_user max_active_tis_per_dag max_active_tis_per_dagrun executor executor_config multiple_outputs ' +
  'inlets outlets task_group doc doc_md doc_json doc_yaml doc_rst task_display_name logger_name allow_nested_operators'
).split(' ');

export const ALLOWED_OPERATOR_KEYWORDS: ReadonlySet<string> = new Set([...KPO_KEYWORDS, ...BASE_OPERATOR_KEYWORDS]);

/** Accepted by some signature but removed or ignored: a generated DAG must not use them. */
export const REMOVED_OPERATOR_KEYWORDS: Readonly<Record<string, string>> = {
  is_delete_operator_pod: 'ignored since provider 10.0.0; use on_finish_action',
  progress_callback: 'replaced by callbacks',
};
export const REMOVED_DAG_KEYWORDS: Readonly<Record<string, string>> = {
  schedule_interval: 'removed in Airflow 3.0; use schedule',
  timetable: 'removed in Airflow 3.0; use schedule',
};
export const REMOVED_NAMES: Readonly<Record<string, string>> = {
  days_ago: 'airflow.utils.dates.days_ago was removed in Airflow 3.0; use a fixed datetime',
  DummyOperator: 'removed; use EmptyOperator',
};

export interface KeywordReport {
  name: string | null;
  source: string;
  literal: boolean;
  value: unknown;
  ref: string | null;
  line: number;
}

export interface DagReport {
  imports: { module: string; name: string | null; alias: string | null; line: number }[];
  kpo_imports: string[];
  constants: Record<string, unknown>;
  dict_keys: Record<string, string[]>;
  /** params: NAME -> whether it is required (a Param without a default) and its default; null without params=. */
  dags: {
    line: number;
    keywords: KeywordReport[];
    start_date_fixed: boolean;
    params: Record<string, { required: boolean; default: unknown }> | null;
  }[];
  operators: { line: number; variable: string | null; positional: number; keywords: KeywordReport[] }[];
  /** Task variable -> task_id. */
  task_ids: Record<string, string>;
  /** [upstream task_id, downstream task_id]. */
  edges: [string, string][];
  unresolved: string[];
  identifiers: string[];
  error?: string;
}

/** Reports of several DAG files from one Python process, by path. */
export function inspectDags(files: readonly string[]): Record<string, DagReport> {
  if (files.length === 0) return {};
  const result = spawnSync(PYTHON, ['-B', INSPECT_DAG, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`inspect_dag.py failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Record<string, DagReport>;
}

/** What a DAG file declares, read with `ast` (no Airflow import), including its dependency edges. */
export function inspectDag(file: string): DagReport {
  const report = inspectDags([file])[file];
  if (!report) throw new Error(`inspect_dag.py reported nothing for ${file}`);
  return report;
}

/** What a DAG file builds when Python runs it (inspect_dag.py --execute): for old DAGs, read by their behaviour. */
export interface ExecutedDag {
  tasks: Record<string, { env_vars: Record<string, string>; mounts: [string, string][]; image: string; namespace: string | null }>;
  /** [upstream, downstream] task ids, Dummy/Empty tasks collapsed. */
  edges: [string, string][];
  /** The DAG-level params: a default, or required. */
  params: Record<string, { default: unknown } | { required: true }>;
}

export function executeDag(file: string): ExecutedDag {
  const result = spawnSync(PYTHON, ['-B', INSPECT_DAG, '--execute', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`inspect_dag.py --execute ${file} failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as ExecutedDag;
}

function keyword(keywords: readonly KeywordReport[], name: string): KeywordReport | undefined {
  return keywords.find((item) => item.name === name);
}

const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const TASK_ID = /^[A-Za-z0-9_.-]{1,250}$/;

/** Problems of an inspected DAG; `expectedImage` is the image every task must run. */
export function checkDagReport(report: DagReport, expectedImage: string): string[] {
  if (report.error) return [report.error];
  const problems: string[] = [];

  // Imports: the provider's current module, no removed ones.
  if (report.kpo_imports.length === 0) problems.push('KubernetesPodOperator is never imported');
  for (const module of report.kpo_imports) {
    if (module !== KPO_MODULE) problems.push(`KubernetesPodOperator is imported from ${module}; it lives in ${KPO_MODULE}`);
  }
  for (const item of report.imports) {
    if (item.name === 'Secret' && item.module !== SECRET_MODULE)
      problems.push(`line ${item.line}: Secret is imported from ${item.module}; it lives in ${SECRET_MODULE}`);
    if (item.module === 'airflow.utils.dates') problems.push(`line ${item.line}: airflow.utils.dates was removed in Airflow 3.0`);
    if (item.module.endsWith('operators.kubernetes_pod')) problems.push(`line ${item.line}: ${item.module} was removed in provider 10.0.0`);
  }
  for (const [name, why] of Object.entries(REMOVED_NAMES)) {
    if (report.identifiers.includes(name)) problems.push(`uses ${name}: ${why}`);
  }

  // The DAG: schedule=, a fixed start_date, nothing removed.
  if (report.dags.length !== 1) problems.push(`${report.dags.length} DAG(...) calls; one is expected`);
  for (const dag of report.dags) {
    const names = dag.keywords.map((item) => item.name);
    if (!names.includes('schedule'))
      problems.push(`line ${dag.line}: the DAG has no schedule= (the only schedule keyword Airflow 3 keeps)`);
    if (!names.includes('dag_id')) problems.push(`line ${dag.line}: the DAG has no dag_id=`);
    else {
      const dagId = keyword(dag.keywords, 'dag_id')!;
      if (!dagId.literal || typeof dagId.value !== 'string' || !TASK_ID.test(dagId.value))
        problems.push(`line ${dag.line}: dag_id ${dagId.source} is not a literal valid DAG id`);
    }
    for (const name of names) {
      if (name && name in REMOVED_DAG_KEYWORDS) problems.push(`line ${dag.line}: DAG(${name}=...) ${REMOVED_DAG_KEYWORDS[name]}`);
    }
    if (!dag.start_date_fixed) problems.push(`line ${dag.line}: the DAG's start_date is not a fixed datetime(...)`);
    const defaultArgs = keyword(dag.keywords, 'default_args');
    for (const key of (defaultArgs?.ref && report.dict_keys[defaultArgs.ref]) || []) {
      if (!ALLOWED_OPERATOR_KEYWORDS.has(key)) problems.push(`default_args key ${key} is not an operator keyword`);
      if (key in REMOVED_OPERATOR_KEYWORDS) problems.push(`default_args key ${key}: ${REMOVED_OPERATOR_KEYWORDS[key]}`);
    }
  }

  // Every task.
  if (report.operators.length === 0) problems.push('no KubernetesPodOperator task');
  const seen = new Set<string>();
  for (const operator of report.operators) {
    const at = `line ${operator.line}`;
    if (operator.positional > 0) problems.push(`${at}: KubernetesPodOperator takes keyword arguments only`);
    for (const item of operator.keywords) {
      if (item.name === null) problems.push(`${at}: **${item.source} hides the keywords from this check`);
      else if (item.name in REMOVED_OPERATOR_KEYWORDS) problems.push(`${at}: ${item.name}: ${REMOVED_OPERATOR_KEYWORDS[item.name]}`);
      else if (!ALLOWED_OPERATOR_KEYWORDS.has(item.name))
        problems.push(`${at}: ${item.name}= is not a KubernetesPodOperator or BaseOperator keyword`);
    }
    const taskId = keyword(operator.keywords, 'task_id');
    const id = taskId?.literal && typeof taskId.value === 'string' ? taskId.value : undefined;
    if (id === undefined) problems.push(`${at}: task_id is not a literal string`);
    else {
      if (!TASK_ID.test(id)) problems.push(`${at}: task_id ${JSON.stringify(id)} is not a valid Airflow task id`);
      if (seen.has(id)) problems.push(`${at}: task_id ${id} is used twice`);
      seen.add(id);
    }
    const image = keyword(operator.keywords, 'image');
    if (!image) problems.push(`${at}: no image=`);
    else if (!image.literal) problems.push(`${at}: image=${image.source} cannot be resolved to a constant`);
    else if (image.value !== expectedImage)
      problems.push(`${at}: image=${image.source} is ${JSON.stringify(image.value)}, expected ${JSON.stringify(expectedImage)}`);
    const name = keyword(operator.keywords, 'name');
    if (name?.literal && (typeof name.value !== 'string' || !DNS_SUBDOMAIN.test(name.value)))
      problems.push(`${at}: name=${name.source} is not a DNS-1123 subdomain`);
    const env = keyword(operator.keywords, 'env_vars');
    const envValue = env?.literal ? env.value : undefined;
    if (!env) problems.push(`${at}: no env_vars= (PRG_NAME selects the script)`);
    else if (typeof envValue !== 'object' || envValue === null || Array.isArray(envValue))
      problems.push(`${at}: env_vars=${env.source} is not a literal dict`);
    else {
      const values = envValue as Record<string, unknown>;
      if (Object.values(values).some((value) => typeof value !== 'string'))
        problems.push(`${at}: env_vars has a value that is not a string`);
      // PRG_NAME names the task's script: <task_id>.py, or, for an adopted task that kept another id, the
      // script its variable is named after (<script>_task).
      const scripts = [id, operator.variable?.replace(/_task$/, '')].filter((name) => name !== undefined).map((name) => `${name}.py`);
      if (id !== undefined && !scripts.includes(String(values.PRG_NAME)))
        problems.push(
          `${at}: env_vars PRG_NAME is ${JSON.stringify(values.PRG_NAME)}, expected ${scripts.map((name) => JSON.stringify(name)).join(' or ')}`,
        );
    }
    if (!operator.variable) problems.push(`${at}: the task is not assigned to a variable`);
  }

  // Dependencies name tasks only.
  for (const operand of report.unresolved) problems.push(`a dependency names ${operand}, which is not a task variable`);
  return problems;
}

/** A report's tasks by task_id: each keyword's literal value (undefined when it is not a literal). */
export function dagTasks(report: DagReport): Record<string, Record<string, unknown>> {
  const tasks: Record<string, Record<string, unknown>> = {};
  for (const operator of report.operators) {
    const id = report.task_ids[operator.variable ?? ''];
    if (id !== undefined)
      tasks[id] = Object.fromEntries(
        operator.keywords.filter((item) => item.name !== null).map((item) => [item.name, item.literal ? item.value : undefined]),
      );
  }
  return tasks;
}

/** Edges as sorted, distinct "a -> b" strings, for readable equality checks. */
export function edgeSet(edges: readonly (readonly [string, string])[]): string[] {
  return [...new Set(edges.map(([a, b]) => `${a} -> ${b}`))].sort();
}

/** Problems of a DAG file; empty when it passes every structural check. */
export function checkDag(file: string, expectedImage: string): string[] {
  return checkDagReport(inspectDag(file), expectedImage);
}

/** checkDag for many files with one Python process. */
export function checkDags(expected: Record<string, string>): Record<string, string[]> {
  const reports = inspectDags(Object.keys(expected));
  return Object.fromEntries(
    Object.entries(expected).map(([file, image]) => [file, reports[file] ? checkDagReport(reports[file], image) : ['no report']]),
  );
}
