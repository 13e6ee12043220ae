// .yo-rc.json is a file anyone can edit (or hand out): every value read from it goes through the same checks
// as the option it stands for before anything is written, and a bad file is refused naming the key and the
// rule. Shapes first (an object, a list, a string, a whole number), then the options' own validators.
import { savedOptions } from './app-answers.js';
import { APP_QUESTIONS } from './app-questions.js';
import { checkDagParams } from './dag-params.js';
import { InvalidAnswersError, withOrigin, type FieldError } from './field-error.js';
import { t } from './i18n/translate.js';
import { checkImageReference, imageReference } from './image-reference.js';
import { checkPodName } from './names.js';
import { normalizePodsDir } from './pods-dir.js';
import { findCycle, taskId } from './pipeline.js';
import { checkPodConsistency, parseDescription, parseEnv, parseParam, parseSecret, parseTaskId } from './pod-settings.js';
import { checkPython } from './python-version.js';
import { type KubernetesSettings, type PodSpec, type ProjectConfig } from './project-config.js';
import { questionNamed } from './questions.js';
import { checkResourcePairs } from './resources.js';

// Config key -> the option whose checks it goes through: the table the generator saves answers by.
const TOP_LEVEL = savedOptions('config');
const KUBERNETES = savedOptions('kubernetes');
// lang may be absent: projects made before it was saved (their files are English).
const OPTIONAL_TOP_LEVEL = ['lang'];
const POD_KEYS = ['name', 'description', 'after', 'env', 'params', 'secrets'];
/** Kept by `adopt` only: a task id other than the script name, and the mark of a script the user wrote. */
const ADOPTED_POD_KEYS = ['taskId', 'adopted'];
const DAG_SETTINGS_KEYS = ['description', 'tags', 'catchup', 'startDate', 'defaultArgs'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  readonly errors: FieldError[] = [];

  add(key: string, value: unknown, rule: string, suggestion?: string): void {
    this.errors.push({
      field: 'project',
      origin: { from: 'project-config', key },
      value: typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'),
      rule,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  /** Errors of a shared validator, re-labelled with the key they came from. */
  addAll(key: string, errors: readonly FieldError[]): void {
    for (const error of errors) this.errors.push({ ...error, field: 'project', origin: { from: 'project-config', key } });
  }

  string(key: string, value: unknown): value is string {
    if (typeof value === 'string') return true;
    this.add(key, value, t('config.string'));
    return false;
  }

  keys(key: string, value: Record<string, unknown>, known: readonly string[], optional: readonly string[] = []): void {
    const all = [...known, ...optional];
    for (const name of Object.keys(value))
      if (!all.includes(name)) this.add(`${key}${key ? '.' : ''}${name}`, value[name], t('config.unknownKey', { keys: all.join(', ') }));
    for (const name of known) if (!(name in value)) this.add(`${key}${key ? '.' : ''}${name}`, undefined, t('config.missingKey'));
  }
}

function checkOption(collector: Collector, key: string, optionName: string, value: string): void {
  const question = questionNamed(APP_QUESTIONS, optionName);
  if (question.check) collector.addAll(key, question.check(value, optionName));
  if (question.choices && !question.choices.includes(value))
    collector.add(key, value, t('rule.oneOf', { choices: question.choices.join(', ') }));
}

function stringList(collector: Collector, key: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    collector.add(key, value, t('config.stringList'));
    return [];
  }
  return value.filter((item, index) => collector.string(`${key}[${index}]`, item)) as string[];
}

function objectList(
  collector: Collector,
  key: string,
  value: unknown,
  keys: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown>[] {
  if (!Array.isArray(value)) {
    collector.add(key, value, t('config.list'));
    return [];
  }
  return value.filter((item, index) => {
    if (!isObject(item)) collector.add(`${key}[${index}]`, item, t('config.objectWith', { keys: keys.join(', ') }));
    else collector.keys(`${key}[${index}]`, item, keys, optional);
    return isObject(item);
  }) as Record<string, unknown>[];
}

function checkPod(collector: Collector, key: string, raw: Record<string, unknown>, python: string | undefined): PodSpec {
  const errors: FieldError[] = [];
  const name = collector.string(`${key}.name`, raw.name) ? raw.name : '';
  if (name)
    collector.addAll(`${key}.name`, checkPodName(name, python) ? [{ field: 'name', value: name, ...checkPodName(name, python)! }] : []);
  if (name !== name.trim() || name.endsWith('.py')) collector.add(`${key}.name`, name, t('config.podNameStored'));
  const description = collector.string(`${key}.description`, raw.description) ? parseDescription(raw.description, errors) : '';
  if (description !== raw.description && typeof raw.description === 'string')
    collector.add(`${key}.description`, raw.description, t('config.descriptionTrimmed'));
  collector.addAll(`${key}.description`, errors.splice(0));
  const after = stringList(collector, `${key}.after`, raw.after);
  const env = objectList(collector, `${key}.env`, raw.env, ['name', 'value']).map((item, index) => {
    const itemKey = `${key}.env[${index}]`;
    if (!collector.string(`${itemKey}.name`, item.name) || !collector.string(`${itemKey}.value`, item.value))
      return { name: '', value: '' };
    const parsed = parseEnv(`${item.name}=${item.value}`, errors) ?? { name: '', value: '' };
    if (item.name.includes('=')) collector.add(`${itemKey}.name`, item.name, t('config.envNameEquals'));
    collector.addAll(itemKey, errors.splice(0));
    return parsed;
  });
  const params = objectList(collector, `${key}.params`, raw.params, ['name', 'default']).map((item, index) => {
    const itemKey = `${key}.params[${index}]`;
    if (!collector.string(`${itemKey}.name`, item.name)) return { name: '', default: null };
    if (item.default !== null && !collector.string(`${itemKey}.default`, item.default)) return { name: '', default: null };
    const parsed = parseParam(item.default === null ? item.name : `${item.name}=${item.default as string}`, errors);
    if (item.name.includes('=')) collector.add(`${itemKey}.name`, item.name, t('config.paramNameEquals'));
    collector.addAll(itemKey, errors.splice(0));
    return parsed;
  });
  const secrets = objectList(collector, `${key}.secrets`, raw.secrets, ['secret', 'mountPath']).map((item, index) => {
    const itemKey = `${key}.secrets[${index}]`;
    if (!collector.string(`${itemKey}.secret`, item.secret) || !collector.string(`${itemKey}.mountPath`, item.mountPath))
      return { secret: '', mountPath: '' };
    if (item.secret.includes(':')) collector.add(`${itemKey}.secret`, item.secret, t('config.secretNameColon'));
    const parsed = parseSecret(`${item.secret}:${item.mountPath}`, errors);
    collector.addAll(itemKey, errors.splice(0));
    return parsed;
  });
  const pod: PodSpec = { name, description, after, env, params, secrets };
  if (raw.taskId !== undefined) {
    const given = collector.string(`${key}.taskId`, raw.taskId) ? raw.taskId : '';
    if (given.trim() === '' || parseTaskId(given, errors) !== given) collector.add(`${key}.taskId`, raw.taskId, t('config.taskId'));
    errors.splice(0);
    pod.taskId = given;
  }
  if (raw.adopted !== undefined) {
    if (typeof raw.adopted !== 'boolean') collector.add(`${key}.adopted`, raw.adopted, t('config.boolean'));
    else pod.adopted = raw.adopted;
  }
  collector.addAll(key, checkPodConsistency(pod));
  return pod;
}

/** The DAG arguments `adopt` kept from the old DAG; each lands in Python text, so each is checked for its shape. */
function checkDagSettings(collector: Collector, raw: unknown): void {
  if (!isObject(raw)) {
    collector.add('airflow', raw, t('config.objectWith', { keys: DAG_SETTINGS_KEYS.join(', ') }));
    return;
  }
  collector.keys('airflow', raw, DAG_SETTINGS_KEYS);
  collector.string('airflow.description', raw.description);
  stringList(collector, 'airflow.tags', raw.tags);
  if (typeof raw.catchup !== 'boolean') collector.add('airflow.catchup', raw.catchup, t('config.boolean'));
  if (collector.string('airflow.startDate', raw.startDate)) {
    const date = new Date(`${raw.startDate}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.startDate) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw.startDate) {
      collector.add('airflow.startDate', raw.startDate, t('config.date'), '2026-01-01');
    }
  }
  if (!isObject(raw.defaultArgs)) collector.add('airflow.defaultArgs', raw.defaultArgs, t('config.defaultArgs'));
  else {
    for (const name of Object.keys(raw.defaultArgs)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) collector.add(`airflow.defaultArgs.${name}`, name, t('config.defaultArgsKey'));
      if (['retries', 'retry_delay'].includes(name))
        collector.add(
          `airflow.defaultArgs.${name}`,
          raw.defaultArgs[name],
          t('config.defaultArgsFrom', { name, key: `kubernetes.${name === 'retries' ? 'retries' : 'retryDelayMinutes'}` }),
        );
    }
  }
}

/**
 * The project configuration stored under CONFIG_KEY in .yo-rc.json, checked value by value; throws
 * InvalidAnswersError naming each bad key and its rule.
 */
export function parseProjectConfig(stored: unknown): ProjectConfig {
  const collector = new Collector();
  if (!isObject(stored)) {
    collector.add('', stored, t('config.notObject'));
    throw new InvalidAnswersError(collector.errors);
  }
  const optionalTopLevel = TOP_LEVEL.filter((saved) => saved.optional).map((saved) => saved.key);
  collector.keys(
    '',
    stored,
    [...TOP_LEVEL.filter((saved) => !saved.optional).map((saved) => saved.key), 'kubernetes', 'pods'],
    ['airflow', ...optionalTopLevel, ...OPTIONAL_TOP_LEVEL],
  );
  for (const { key, option, optional } of TOP_LEVEL) {
    if (optional && stored[key] === undefined) continue;
    if (collector.string(key, stored[key])) checkOption(collector, key, option, stored[key]);
  }
  if ('lang' in stored && collector.string('lang', stored.lang)) checkOption(collector, 'lang', 'lang', stored.lang);
  if (typeof stored.podsDir === 'string' && stored.podsDir !== normalizePodsDir(stored.podsDir))
    collector.add('podsDir', stored.podsDir, t('config.podsDirStored'), normalizePodsDir(stored.podsDir));
  const python = typeof stored.python === 'string' && !checkPython(stored.python) ? stored.python : undefined;
  if (collector.errors.length === 0) {
    const image = { repository: stored.repository as string, container: stored.container as string, tag: stored.tag as string };
    const verdict = checkImageReference(image);
    if (verdict) collector.add('container', imageReference(image), verdict.rule);
  }

  const kubernetes = isObject(stored.kubernetes) ? stored.kubernetes : undefined;
  if (!kubernetes) collector.add('kubernetes', stored.kubernetes, t('config.kubernetes'));
  else {
    collector.keys(
      'kubernetes',
      kubernetes,
      KUBERNETES.map((saved) => saved.key),
    );
    for (const { key, option, number } of KUBERNETES) {
      const value = kubernetes[key];
      if (number) {
        if (typeof value !== 'number' || !Number.isInteger(value)) collector.add(`kubernetes.${key}`, value, t('config.wholeNumber'));
        else checkOption(collector, `kubernetes.${key}`, option, String(value));
      } else if (collector.string(`kubernetes.${key}`, value)) checkOption(collector, `kubernetes.${key}`, option, value);
    }
    // A request above its limit names both by their keys here: neither came from an option.
    const savedIn = Object.fromEntries(
      KUBERNETES.map(({ key, option }) => [option, { from: 'project-config', key: `kubernetes.${key}` } as const]),
    );
    for (const error of checkResourcePairs(kubernetes as unknown as KubernetesSettings)) collector.errors.push(withOrigin(error, savedIn));
  }

  if (stored.airflow !== undefined) checkDagSettings(collector, stored.airflow);

  const pods = objectList(collector, 'pods', stored.pods, POD_KEYS, ADOPTED_POD_KEYS).map((pod, index) =>
    checkPod(collector, `pods[${index}]`, pod, python),
  );
  if (Array.isArray(stored.pods) && stored.pods.length === 0) collector.add('pods', stored.pods, t('config.noPods'));
  pods.forEach((pod, index) => {
    if (pods.findIndex((other) => other.name === pod.name) !== index) collector.add(`pods[${index}].name`, pod.name, t('pods.once'));
    if (pods.findIndex((other) => taskId(other) === taskId(pod)) !== index)
      collector.add(`pods[${index}].taskId`, taskId(pod), t('config.taskIdOnce'));
    pod.after.forEach((upstream, position) => {
      if (upstream === pod.name) collector.add(`pods[${index}].after[${position}]`, upstream, t('config.afterItself'));
      else if (!pods.some((other) => other.name === upstream))
        collector.add(
          `pods[${index}].after[${position}]`,
          upstream,
          t('pipeline.unknownUpstream', { names: pods.map((other) => other.name).join(', ') }),
        );
    });
  });
  if (collector.errors.length === 0) {
    const cycle = findCycle(pods);
    if (cycle) collector.add('pods', cycle.join(' -> '), t('config.cycle'));
    // What pod and a re-run refuse: a required param on a scheduled DAG, one param with two defaults.
    else collector.addAll('pods', checkDagParams(stored as unknown as ProjectConfig, 'project'));
  }
  if (collector.errors.length > 0) throw new InvalidAnswersError(collector.errors);
  return stored as unknown as ProjectConfig;
}
