// A pod's settings as the user gives them (--after, --env, --param, --secret, --description), parsed and
// checked one value at a time. Adding and updating pods (pipeline.ts) both go through here.
import { t } from './i18n/translate.js';
import { check, type FieldError } from './field-error.js';
import { checkJinjaTemplate } from './jinja-template.js';
import { checkEnvName, checkSecretName, splitNames, stripPodName } from './names.js';
import type { PodSpec } from './project-config.js';
import { repeatedValues, type RawAnswers } from './questions.js';

// Linear: each segment is one or more allowed characters after a "/", with no nested quantifier.
const MOUNT_PATH = /^(?:\/[A-Za-z0-9._-]+)+\/?$/;

// A secret mounted over these would hide the image's own files: the scripts, the run script, the system.
const SYSTEM_FOLDERS = [
  '/app',
  '/run_in_docker.sh',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/root',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/tmp',
  '/home',
  '/opt',
  '/run',
  '/srv',
  '/mnt',
  '/media',
];
// Folders whose whole tree belongs to the image (a mount anywhere under them replaces files it needs).
const SYSTEM_TREES = [
  '/app',
  '/run_in_docker.sh',
  '/bin',
  '/boot',
  '/dev',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/sbin',
  '/sys',
  '/usr',
  '/home/appuser',
];

/** Why a secret may not be mounted at `mountPath` (it would cover files the image needs), or undefined. */
export function coveredByMount(mountPath: string): string | undefined {
  const path = mountPath.replace(/\/+$/, '') || '/';
  if (SYSTEM_FOLDERS.includes(path)) return path;
  return (
    SYSTEM_TREES.find((tree) => path.startsWith(`${tree}/`)) ??
    (SYSTEM_TREES.some((tree) => tree.startsWith(`${path}/`)) ? path : undefined)
  );
}

export function parseEnv(item: string, errors: FieldError[]): PodSpec['env'][number] | undefined {
  const equals = item.indexOf('=');
  const name = equals === -1 ? item : item.slice(0, equals);
  const value = equals === -1 ? '' : item.slice(equals + 1);
  if (equals === -1) errors.push({ field: 'env', value: item, rule: t('settings.envForm'), suggestion: `${item}=value` });
  else errors.push(...check('env', item, checkEnvName(name)));
  if (/[\u0000-\u001f\u007f]/.test(value)) errors.push({ field: 'env', value: item, rule: t('settings.oneLine') });
  else errors.push(...check('env', item, checkJinjaTemplate(value)));
  return { name, value };
}

export function parseParam(item: string, errors: FieldError[]): PodSpec['params'][number] {
  const equals = item.indexOf('=');
  const name = equals === -1 ? item : item.slice(0, equals);
  errors.push(...check('param', item, checkEnvName(name)));
  const fallback = equals === -1 ? null : item.slice(equals + 1);
  if (fallback !== null && /[\u0000-\u001f\u007f]/.test(fallback))
    errors.push({ field: 'param', value: item, rule: t('settings.defaultOneLine') });
  return { name, default: fallback };
}

export function parseSecret(item: string, errors: FieldError[]): PodSpec['secrets'][number] {
  const colon = item.indexOf(':');
  const secret = colon === -1 ? item : item.slice(0, colon);
  const mountPath = colon === -1 ? '' : item.slice(colon + 1);
  if (colon === -1)
    errors.push({ field: 'secret', value: item, rule: t('settings.secretForm'), suggestion: `${item}:/var/secrets/${item}` });
  else {
    errors.push(...check('secret', item, checkSecretName(secret)));
    if (!MOUNT_PATH.test(mountPath) || mountPath.split('/').some((part) => part === '..' || part === '.') || mountPath.length > 1024) {
      errors.push({ field: 'secret', value: item, rule: t('settings.mountPath'), suggestion: `${secret}:/var/secrets/${secret}` });
    } else if (coveredByMount(mountPath)) {
      errors.push({
        field: 'secret',
        value: item,
        rule: t('settings.mountCovers', { path: mountPath, covered: coveredByMount(mountPath) ?? '' }),
        suggestion: `${secret}:/var/secrets/${secret}`,
      });
    }
  }
  return { secret, mountPath };
}

export function parseDescription(value: unknown, errors: FieldError[]): string {
  const description = String(value ?? '').trim();
  if (/[\u0000-\u001f\u007f]/.test(description) || description.length > 300) {
    errors.push({ field: 'description', value: description, rule: t('settings.description') });
  }
  return description;
}

export function parseAfter(value: unknown): string[] {
  return [...new Set(splitNames(String(value ?? '')).map(stripPodName))];
}

/** The settings given in `answers`, parsed; a setting not given is absent, so an update keeps it. */
/** --task-id: a task id other than the script name (empty: none), as Airflow allows them. */
export function parseTaskId(value: string, errors: FieldError[]): string | undefined {
  const taskId = value.trim();
  if (taskId === '') return undefined;
  if (/^[A-Za-z0-9_.-]{1,250}$/.test(taskId)) return taskId;
  errors.push({ field: 'task-id', value: taskId, rule: t('settings.taskId') });
  return undefined;
}

export function parsePodSettings(answers: RawAnswers, errors: FieldError[]): Partial<Omit<PodSpec, 'name'>> {
  const settings: Partial<Omit<PodSpec, 'name'>> = {};
  if (answers.after !== undefined) settings.after = parseAfter(answers.after);
  if (answers.env !== undefined)
    settings.env = repeatedValues(answers.env)
      .map((item) => parseEnv(item, errors))
      .filter((item) => item !== undefined);
  if (answers.param !== undefined) settings.params = repeatedValues(answers.param).map((item) => parseParam(item, errors));
  if (answers.secret !== undefined) settings.secrets = repeatedValues(answers.secret).map((item) => parseSecret(item, errors));
  if (answers.description !== undefined) settings.description = parseDescription(answers.description, errors);
  const taskId = parseTaskId(String(answers['task-id'] ?? ''), errors);
  if (taskId) settings.taskId = taskId;
  return settings;
}

/**
 * The answers that reproduce a pod's settings: the defaults of `pod NAME --update`'s prompts. Repeatable
 * settings are lists, one value per item (a value may hold spaces, "=" or ":").
 */
export function podSettingsAnswers(pod: PodSpec): RawAnswers {
  return {
    after: pod.after.join(','),
    env: pod.env.map((item) => `${item.name}=${item.value}`) as unknown as string,
    param: pod.params.map((item) => (item.default === null ? item.name : `${item.name}=${item.default}`)) as unknown as string,
    secret: pod.secrets.map((item) => `${item.secret}:${item.mountPath}`) as unknown as string,
    description: pod.description,
  };
}

/** A setting as comparable text: a list's items, one per line (no value holds a line break). */
function settingText(value: unknown): string {
  return Array.isArray(value) ? repeatedValues(value).join('\n') : String(value ?? '').trim();
}

/** The answers that differ from the pod's current settings as podSettingsAnswers writes them: a default accepted at a prompt is no change. */
export function changedSettings(answers: RawAnswers, pod: PodSpec): RawAnswers {
  const current = podSettingsAnswers(pod);
  return Object.fromEntries(
    Object.entries(answers).filter(([name, value]) => !(name in current) || settingText(value) !== settingText(current[name])),
  );
}

/** Rules that hold between the settings of one pod: a variable set once, a mount path used once. */
export function checkPodConsistency(pod: PodSpec): FieldError[] {
  const errors: FieldError[] = [];
  const keys = [...pod.env.map((item) => item.name), ...pod.params.map((item) => item.name)];
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) errors.push({ field: 'env', value: key, rule: t('settings.envOnce') });
  });
  const mounts = pod.secrets.map((item) => item.mountPath);
  mounts.forEach((mount, index) => {
    if (mounts.indexOf(mount) !== index) errors.push({ field: 'secret', value: mount, rule: t('settings.mountOnce') });
  });
  return errors;
}
