// The run-time parameters of a pipeline, as Airflow sees them: DAG-level `params` (shown in the "Trigger DAG"
// form, overridden by a run's conf) and the environment each pod gets from them. The DAG (render-project.ts)
// and the local run (run-plan.ts) read them through this module, so they agree on one rule: a param's value
// is the run's conf value when given, else its default; a param without a default is required, and Airflow
// refuses a schedule on a DAG that has one.
import { t } from './i18n/translate.js';
import type { FieldError } from './field-error.js';
import type { PodSpec, ProjectConfig } from './project-config.js';
import { projectWords } from './i18n/project-words.js';

/** Where the example pods write unless told otherwise; /tmp of a pod is deleted with the pod. */
export const DEFAULT_OUTPUT_DIR = '/tmp/pod-ingestion-output';

/** Variables every pod gets unless it sets them itself (the example scripts read both). */
export const RUN_DATE = 'RUN_DATE';
export const OUTPUT_DIR = 'OUTPUT_DIR';

export interface DagParam {
  name: string;
  /** null: no default, the param is required (a run must give it in its conf). */
  default: string | null;
  description: string;
  /** The pods whose environment reads it. */
  pods: string[];
}

/** One environment entry of a pod's task: a constant (Jinja-rendered by Airflow), a param, or the run's date. */
export type EnvSource =
  | { name: string; kind: 'constant'; value: string }
  | { name: string; kind: 'param'; param: string }
  | { name: string; kind: 'logical-date' };

function declares(pod: PodSpec, name: string): boolean {
  return pod.env.some((item) => item.name === name) || pod.params.some((item) => item.name === name);
}

/**
 * What a pod's task puts in its environment, in order: PRG_NAME, RUN_DATE (the run's logical date, so a retry
 * or backfill of a day processes that day), OUTPUT_DIR (a DAG param), then its constants and its params. An
 * adopted pod gets neither built-in: it keeps exactly the environment its hand-made DAG gave it.
 */
export function podEnvironment(pod: PodSpec): EnvSource[] {
  const builtIn = !pod.adopted;
  return [
    { name: 'PRG_NAME', kind: 'constant', value: `${pod.name}.py` },
    ...(!builtIn || declares(pod, RUN_DATE) ? [] : [{ name: RUN_DATE, kind: 'logical-date' } as const]),
    ...(!builtIn || declares(pod, OUTPUT_DIR) ? [] : [{ name: OUTPUT_DIR, kind: 'param', param: OUTPUT_DIR } as const]),
    ...pod.env.map(({ name, value }): EnvSource => ({ name, kind: 'constant', value })),
    ...pod.params.map(({ name }): EnvSource => ({ name, kind: 'param', param: name })),
  ];
}

export function outputDirOf(config: ProjectConfig): string {
  return config.outputDir || DEFAULT_OUTPUT_DIR;
}

/**
 * The DAG's params: every param a pod declares, once, plus OUTPUT_DIR when a pod relies on the built-in one.
 * Conflicting declarations (one name, two defaults) are reported by checkDagParams; here the first wins.
 */
export function dagParams(config: ProjectConfig): DagParam[] {
  const params = new Map<string, DagParam>();
  for (const pod of config.pods) {
    for (const source of podEnvironment(pod)) {
      if (source.kind !== 'param') continue;
      const known = params.get(source.param);
      if (known) known.pods.push(pod.name);
      else {
        const declared = pod.params.find((item) => item.name === source.param);
        params.set(source.param, {
          name: source.param,
          default: declared ? declared.default : outputDirOf(config),
          description: '',
          pods: [pod.name],
        });
      }
    }
  }
  const builtInOutput = !config.pods.some((pod) => pod.params.some((item) => item.name === OUTPUT_DIR));
  // The descriptions show in Airflow's "Trigger DAG" form: in the project's language.
  const w = projectWords(config.lang ?? 'en');
  for (const param of params.values()) {
    const of = { name: param.name, pods: param.pods.join(', ') };
    param.description =
      param.name === OUTPUT_DIR && builtInOutput
        ? w('dag.paramOutputDir')
        : `${w(param.pods.length > 1 ? 'dag.paramOfPods' : 'dag.paramOfPod', of)}${param.default === null ? w('dag.paramRequired') : ''}`;
  }
  return [...params.values()];
}

/**
 * Rules between the params and the schedule: one default per param name across pods, and no required param
 * on a scheduled DAG (Airflow refuses such a DAG: a scheduled run has no conf to fill it). `field` names what
 * the user just changed, so the message points at it.
 */
export function checkDagParams(config: ProjectConfig, field: 'param' | 'schedule' | 'project' = 'param'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, { pod: string; default: string | null }>();
  for (const pod of config.pods) {
    for (const source of podEnvironment(pod)) {
      if (source.kind !== 'param') continue;
      const declared = pod.params.find((item) => item.name === source.param);
      const param = { name: source.param, default: declared ? declared.default : outputDirOf(config) };
      const first = seen.get(param.name);
      if (!first) seen.set(param.name, { pod: pod.name, default: param.default });
      else if (first.default !== param.default) {
        const show = (value: string | null) =>
          value === null ? t('params.noDefault') : t('params.theDefault', { value: JSON.stringify(value) });
        errors.push({
          field,
          value: `${param.name}${param.default === null ? '' : `=${param.default}`}`,
          rule: t('params.twoDefaults', {
            name: param.name,
            first: first.pod,
            firstDefault: show(first.default),
            pod: pod.name,
            podDefault: show(param.default),
          }),
          suggestion: first.default === null ? param.name : `${param.name}=${first.default}`,
        });
      }
    }
  }
  if (config.schedule) {
    for (const param of dagParams(config).filter((item) => item.default === null)) {
      errors.push({
        field,
        value: field === 'schedule' ? config.schedule : param.name,
        rule: t('params.requiredOnSchedule', { schedule: JSON.stringify(config.schedule), name: param.name, pods: param.pods.join(', ') }),
        // A param's own value (an option's or a prompt's) is a default to add; a schedule's, a param to give.
        suggestion: `${field === 'param' ? '' : '--param '}${param.name}=${t('help.value')}`,
      });
    }
  }
  return errors;
}

/**
 * The value of every DAG param for one run, as Airflow decides it: the run's conf value when given, else the
 * default. Required params the conf lacks are `missing` (Airflow refuses to trigger such a run); a conf value
 * that is not a string is `invalid` (the params are Param(type="string"): Airflow refuses it too).
 */
export function resolveParams(
  config: ProjectConfig,
  conf: Readonly<Record<string, unknown>>,
): { values: Record<string, string>; missing: string[]; invalid: string[] } {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const param of dagParams(config)) {
    const given = conf[param.name];
    if (typeof given === 'string') values[param.name] = given;
    else if (given !== undefined && given !== null) invalid.push(param.name);
    else if (param.default !== null) values[param.name] = param.default;
    else missing.push(param.name);
  }
  return { values, missing, invalid };
}
