import type { Language } from './i18n/language.js';
import type { ImageName } from './image-reference.js';

/** One pod script of the image and its task in the DAG. */
export interface PodSpec {
  /** The script, <podsDir>/<name>.py. */
  name: string;
  /** The task id when it is not the script name: an adopted DAG keeps its ids (Airflow's history, links and retries are keyed on them). */
  taskId?: string;
  /** A script that existed before `adopt`: its task's env is exactly the old DAG's, nothing added by the generator. */
  adopted?: boolean;
  description: string;
  /** Upstream pods: this task runs after all of them. */
  after: string[];
  /** Constant environment variables. */
  env: { name: string; value: string }[];
  /** DAG params (Airflow's Param) passed to the pod as environment variables; a null default makes the param required. */
  params: { name: string; default: string | null }[];
  /** Kubernetes secrets mounted read-only. */
  secrets: { secret: string; mountPath: string }[];
}

/** Kubernetes' image pull policies; the `image-pull-policy` question offers these, the type is made from them. */
export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
/** The operator's on_finish_action values; the `on-finish-action` question offers these. */
export const FINISH_ACTIONS = ['delete_pod', 'delete_succeeded_pod', 'keep_pod'] as const;

/** Settings every KubernetesPodOperator task of the DAG shares. */
export interface KubernetesSettings {
  namespace: string;
  imagePullPolicy: (typeof PULL_POLICIES)[number];
  /** Name of a docker-registry secret for private registries; empty for none. */
  imagePullSecret: string;
  onFinishAction: (typeof FINISH_ACTIONS)[number];
  retries: number;
  retryDelayMinutes: number;
  cpuRequest: string;
  memoryRequest: string;
  cpuLimit: string;
  memoryLimit: string;
  /** Empty: the pods start in the cluster Airflow runs in (in_cluster=True). */
  kubernetesConnId: string;
}

/** DAG arguments an adopted DAG brings along; a generated project uses the defaults (see render-project.ts). */
export interface DagSettings {
  description: string;
  tags: string[];
  catchup: boolean;
  /** YYYY-MM-DD. */
  startDate: string;
  /** default_args other than retries and retry_delay (owner, email...), as JSON values. */
  defaultArgs: Record<string, JsonValue>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Everything the generated files are made from; kept in .yo-rc.json so subgenerators can regenerate the DAG. */
export interface ProjectConfig extends ImageName {
  python: string;
  dagId: string;
  schedule: string;
  /** Default of the DAG param OUTPUT_DIR the example pods write to; absent in projects made before it existed. */
  outputDir?: string;
  kubernetes: KubernetesSettings;
  /** The folder of the pod scripts (pods-dir.ts); absent: pods, as every generated project has it. */
  podsDir?: string;
  pods: PodSpec[];
  /** Set by `adopt`: the old DAG's own arguments. */
  airflow?: DagSettings;
  /**
   * The language of the project's files and of the messages about it, whatever the shell's locale says.
   * Absent in projects made before it was saved: their files are English, the messages follow the locale.
   */
  lang?: Language;
}

export const CONFIG_KEY = 'generator-pod-ingestion';

export function newPod(name: string, description = ''): PodSpec {
  return { name, description, after: [], env: [], params: [], secrets: [] };
}
