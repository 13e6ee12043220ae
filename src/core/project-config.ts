import type { ImageName } from './image-reference.js';

/** One pod script of the image and its task in the DAG. */
export interface PodSpec {
  name: string;
  description: string;
  /** Upstream pods: this task runs after all of them. */
  after: string[];
  /** Constant environment variables. */
  env: { name: string; value: string }[];
  /** Environment variables filled from the DAG run's conf; a null default makes the key required. */
  params: { name: string; default: string | null }[];
  /** Kubernetes secrets mounted read-only. */
  secrets: { secret: string; mountPath: string }[];
}

/** Settings every KubernetesPodOperator task of the DAG shares. */
export interface KubernetesSettings {
  namespace: string;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  /** Name of a docker-registry secret for private registries; empty for none. */
  imagePullSecret: string;
  onFinishAction: 'delete_pod' | 'delete_succeeded_pod' | 'keep_pod';
  retries: number;
  retryDelayMinutes: number;
  cpuRequest: string;
  memoryRequest: string;
  cpuLimit: string;
  memoryLimit: string;
  /** Empty: the pods start in the cluster Airflow runs in (in_cluster=True). */
  kubernetesConnId: string;
}

/** Everything the generated files are made from; kept in .yo-rc.json so subgenerators can regenerate the DAG. */
export interface ProjectConfig extends ImageName {
  python: string;
  dagId: string;
  schedule: string;
  kubernetes: KubernetesSettings;
  pods: PodSpec[];
}

export const CONFIG_KEY = 'generator-pod-ingestion';

export function newPod(name: string, description = ''): PodSpec {
  return { name, description, after: [], env: [], params: [], secrets: [] };
}
