import { check, InvalidAnswersError, type FieldError } from './field-error.js';
import { checkEnvName, checkPodName, checkSecretName, splitNames, stripPodName } from './names.js';
import type { PodSpec, ProjectConfig } from './project-config.js';
import type { Question, RawAnswers } from './questions.js';

/** The questions of `pod-ingestion pod NAME`; NAME itself is the positional argument. */
export const POD_QUESTIONS: readonly Question[] = [
  { name: 'after', kind: 'string', ask: 'always', message: 'Runs after which pods (names separated by commas; empty for none)', help: 'upstream pods, separated by commas (fan-in: --after a,b)', default: () => '' },
  { name: 'env', kind: 'repeatable', ask: 'always', message: 'Constant environment variables (KEY=VALUE, separated by spaces)', help: 'a constant environment variable KEY=VALUE (Airflow renders {{ ... }} in it)', default: () => '' },
  { name: 'param', kind: 'repeatable', ask: 'always', message: 'Run-time parameters from the DAG run conf (NAME or NAME=DEFAULT, separated by spaces)', help: 'an environment variable filled from the DAG run conf: NAME (required) or NAME=DEFAULT', default: () => '' },
  { name: 'secret', kind: 'repeatable', ask: 'always', message: 'Secrets to mount (SECRET:/mount/path, separated by spaces)', help: 'a Kubernetes secret mounted read-only: SECRET:/mount/path', default: () => '' },
  { name: 'description', kind: 'string', ask: 'always', message: 'What does this pod do (one line)', help: "one line: the task's doc and the script's docstring", default: () => '' },
];

/** Repeatable values arrive as one string (a prompt), several strings (a repeated option) or an array (answers file). */
export function repeatedValues(value: unknown): string[] {
  if (value === undefined || value === null || value === false) return [];
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return items.flatMap((item) => item.split(/\s+(?=[A-Za-z_][A-Za-z0-9_.-]*[=:])|\n/)).map((item) => item.trim()).filter(Boolean);
}

const MOUNT_PATH = /^\/(?:[A-Za-z0-9._-]+\/?)*$/;

function parseEnv(item: string, errors: FieldError[]): PodSpec['env'][number] | undefined {
  const equals = item.indexOf('=');
  const name = equals === -1 ? item : item.slice(0, equals);
  const value = equals === -1 ? '' : item.slice(equals + 1);
  if (equals === -1) errors.push({ field: 'env', value: item, rule: 'an --env value is KEY=VALUE', suggestion: `${item}=value` });
  else errors.push(...check('env', item, checkEnvName(name)));
  if (/[\u0000-\u001f\u007f]/.test(value)) errors.push({ field: 'env', value: item, rule: 'a value is one line without control characters' });
  return { name, value };
}

function parseParam(item: string, errors: FieldError[]): PodSpec['params'][number] {
  const equals = item.indexOf('=');
  const name = equals === -1 ? item : item.slice(0, equals);
  errors.push(...check('param', item, checkEnvName(name)));
  const fallback = equals === -1 ? null : item.slice(equals + 1);
  if (fallback !== null && /[\u0000-\u001f\u007f]/.test(fallback)) errors.push({ field: 'param', value: item, rule: 'a default is one line without control characters' });
  return { name, default: fallback };
}

function parseSecret(item: string, errors: FieldError[]): PodSpec['secrets'][number] {
  const colon = item.indexOf(':');
  const secret = colon === -1 ? item : item.slice(0, colon);
  const mountPath = colon === -1 ? '' : item.slice(colon + 1);
  if (colon === -1) errors.push({ field: 'secret', value: item, rule: 'a --secret value is SECRET:/mount/path', suggestion: `${item}:/var/secrets/${item}` });
  else {
    errors.push(...check('secret', item, checkSecretName(secret)));
    if (!MOUNT_PATH.test(mountPath) || mountPath.split('/').includes('..') || mountPath === '/') {
      errors.push({ field: 'secret', value: item, rule: 'the mount path is an absolute path of letters, digits, ".", "_", "-" and "/", without ".."', suggestion: `${secret}:/var/secrets/${secret}` });
    }
  }
  return { secret, mountPath };
}

/** Whether the upstream relation has a cycle; returns one cycle's names when it has. */
export function findCycle(pods: readonly PodSpec[]): string[] | undefined {
  const upstream = new Map(pods.map((pod) => [pod.name, pod.after]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of upstream.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const pod of pods) {
    const cycle = visit(pod.name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Validates a new pod against the project and returns the project with it added; throws
 * InvalidAnswersError listing every problem, so nothing is written.
 */
export function addPod(config: ProjectConfig, rawName: string, answers: RawAnswers): ProjectConfig {
  const errors: FieldError[] = [];
  const name = stripPodName(rawName);
  errors.push(...check('name', rawName, checkPodName(rawName)));
  if (config.pods.some((pod) => pod.name === name)) {
    errors.push({ field: 'name', value: name, rule: `the project already has a pod "${name}" (pods/${name}.py); pod names are unique` });
  }
  const after = splitNames(String(answers.after ?? '')).map(stripPodName);
  for (const upstream of after) {
    if (upstream === name) errors.push({ field: 'after', value: upstream, rule: 'a pod cannot run after itself (that is a cycle)' });
    else if (!config.pods.some((pod) => pod.name === upstream)) {
      errors.push({ field: 'after', value: upstream, rule: `no pod of that name; the project has: ${config.pods.map((pod) => pod.name).join(', ')}` });
    }
  }
  const env = repeatedValues(answers.env).map((item) => parseEnv(item, errors)).filter((item) => item !== undefined);
  const params = repeatedValues(answers.param).map((item) => parseParam(item, errors));
  const secrets = repeatedValues(answers.secret).map((item) => parseSecret(item, errors));
  const keys = [...env.map((item) => item.name), ...params.map((item) => item.name)];
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) errors.push({ field: 'env', value: key, rule: 'each variable is set once, by --env or by --param' });
  });
  const mounts = secrets.map((item) => item.mountPath);
  mounts.forEach((mount, index) => {
    if (mounts.indexOf(mount) !== index) errors.push({ field: 'secret', value: mount, rule: 'each mount path is used once' });
  });
  const description = String(answers.description ?? '').trim();
  if (/[\u0000-\u001f\u007f]/.test(description) || description.length > 300) {
    errors.push({ field: 'description', value: description, rule: 'a description is one line of at most 300 characters' });
  }
  const pod: PodSpec = { name, description, after: [...new Set(after)], env, params, secrets };
  const pods = [...config.pods, pod];
  const cycle = findCycle(pods);
  if (cycle && errors.length === 0) errors.push({ field: 'after', value: after.join(','), rule: `the dependencies form a cycle: ${cycle.join(' -> ')}` });
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  return { ...config, pods };
}
