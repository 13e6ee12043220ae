// Helpers for tests that grow a generated project with the compiled bin: run it like a user would (an
// argument array, no terminal), snapshot the project's files, and read its DAG through Python's ast.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { PYTHON } from '../checkers/python.js';
import { BIN } from './run-generator.js';

export { PYTHON };

export interface BinResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/** Runs `pod-ingestion ARGS...` in `cwd` with stdin closed (so the bin asks nothing, as in CI). */
export async function runBin(args: readonly string[], cwd: string): Promise<BinResult> {
  const result = await execa(process.execPath, [BIN, ...args], {
    cwd,
    stdin: 'ignore',
    reject: false,
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return {
    exitCode: result.exitCode ?? -1,
    stdout: plain(String(result.stdout)),
    stderr: plain(String(result.stderr)),
    output: plain(`${String(result.stdout)}\n${String(result.stderr)}`),
  };
}

const made: string[] = [];

/** A new temporary folder, removed by cleanupTempDirs() (kept when KEEP_TEST_DIRS is set, to look at). */
export function tempDir(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `pod-ingestion-${prefix}-`));
  made.push(folder);
  return folder;
}

export function cleanupTempDirs(): void {
  if (process.env.KEEP_TEST_DIRS) return;
  // yeoman-test's cd() moved this process into a project: leave it before removing it.
  if (made.some((folder) => process.cwd().startsWith(folder))) process.chdir(tmpdir());
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Every file under `root` (relative path -> bytes), to prove that a refused command wrote nothing. */
export function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/** The differences between two snapshots, as readable lines (empty when byte-identical). */
export function snapshotDiff(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const lines: string[] = [];
  for (const [path, bytes] of before) {
    const now = after.get(path);
    if (!now) lines.push(`removed ${path}`);
    else if (!now.equals(bytes)) lines.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added ${path}`);
  return lines;
}

export interface DagTask {
  variable?: string;
  operator: string | null;
  keywords: string[];
  splat: boolean;
  positional: number;
  image: unknown;
  image_source: string | null;
  env_vars: Record<string, string> | null;
  line: number;
}

export interface DagGraph {
  tasks: Record<string, DagTask>;
  nodes: string[];
  edges: [string, string][];
  imports: string[];
  constants: Record<string, unknown>;
  problems: string[];
  syntax_error?: string;
}

const DAG_GRAPH = fileURLToPath(new URL('../checkers/dag_graph.py', import.meta.url));

/** What a DAG file declares, read with Python's ast (test/checkers/dag_graph.py). */
export function dagGraph(dagFile: string): DagGraph {
  const result = spawnSync(PYTHON, ['-B', DAG_GRAPH, dagFile], { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`dag_graph.py failed (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as DagGraph;
}

/** Edges as sorted "a -> b" strings, for readable equality checks. */
export function edgeSet(edges: readonly (readonly [string, string])[]): string[] {
  return [...new Set(edges.map(([a, b]) => `${a} -> ${b}`))].sort();
}

// KubernetesPodOperator.__init__ keywords of the current cncf.kubernetes provider, as listed in
// shared/reference/airflow-kubernetes-pod-operator.md; ignored/removed ones (is_delete_operator_pod,
// progress_callback) are deliberately absent.
export const KPO_KEYWORDS: ReadonlySet<string> = new Set(
  `kubernetes_conn_id namespace image name random_name_suffix cmds arguments ports volume_mounts
  volumes env_vars env_from secrets in_cluster cluster_context labels reattach_on_restart
  startup_timeout_seconds startup_check_interval_seconds schedule_timeout_seconds get_logs
  base_container_name base_container_status_polling_interval init_container_logs container_logs
  image_pull_policy annotations container_resources affinity config_file node_selector
  image_pull_secrets service_account_name automount_service_account_token hostnetwork host_aliases
  tolerations security_context container_security_context dnspolicy dns_config hostname subdomain
  schedulername full_pod_spec init_containers log_events_on_failure do_xcom_push pod_template_file
  pod_template_dict priority_class_name pod_runtime_info_envs termination_grace_period configmaps
  skip_on_exit_code deferrable poll_interval log_pod_spec_on_failure on_finish_action
  termination_message_policy active_deadline_seconds callbacks logging_interval trigger_kwargs
  container_name_log_prefix_enabled log_formatter`.split(/\s+/),
);

// BaseOperator's keywords (Airflow 2.9+ and 3.x) that a KubernetesPodOperator call may also pass.
export const BASE_OPERATOR_KEYWORDS: ReadonlySet<string> = new Set(
  `task_id owner email email_on_retry email_on_failure retries retry_delay retry_exponential_backoff
  max_retry_delay start_date end_date depends_on_past wait_for_downstream dag params default_args
  priority_weight weight_rule queue pool pool_slots execution_timeout on_execute_callback
  on_failure_callback on_success_callback on_retry_callback on_skipped_callback trigger_rule resources
  run_as_user max_active_tis_per_dag max_active_tis_per_dagrun executor executor_config inlets outlets
  task_group doc doc_md doc_json doc_yaml doc_rst map_index_template`.split(/\s+/),
);

export const KPO_MODULE = 'airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator';

/**
 * Everything wrong with the KubernetesPodOperator tasks of a DAG: unknown keywords, positional
 * arguments, an image other than `image`, the wrong import. Empty when the DAG is fine.
 */
export function operatorProblems(graph: DagGraph, image: string): string[] {
  const problems: string[] = [...graph.problems];
  if (graph.syntax_error) return [`syntax error: ${graph.syntax_error}`];
  if (!graph.imports.includes(KPO_MODULE)) problems.push(`KubernetesPodOperator is not imported from ${KPO_MODULE}`);
  for (const module of graph.imports) {
    if (/operators\.kubernetes_pod\b|airflow\.kubernetes\.secret|days_ago|DummyOperator/.test(module)) problems.push(`removed API imported: ${module}`);
  }
  if (graph.imports.some((module) => module.endsWith('.Secret')) && !graph.imports.includes('airflow.providers.cncf.kubernetes.secret.Secret')) {
    problems.push('Secret is not imported from airflow.providers.cncf.kubernetes.secret');
  }
  for (const [taskId, task] of Object.entries(graph.tasks)) {
    if (task.operator !== 'KubernetesPodOperator') problems.push(`${taskId}: operator ${task.operator}`);
    if (task.positional > 0 || task.splat) problems.push(`${taskId}: positional or ** arguments`);
    for (const keyword of task.keywords) {
      if (!KPO_KEYWORDS.has(keyword) && !BASE_OPERATOR_KEYWORDS.has(keyword)) problems.push(`${taskId}: unknown keyword ${keyword}`);
    }
    if (task.image !== image) problems.push(`${taskId}: image ${JSON.stringify(task.image)} (${task.image_source}), expected ${image}`);
  }
  return problems;
}
