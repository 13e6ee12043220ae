import { t } from './i18n/translate.js';
import { CronExpressionParser } from 'cron-parser';
import type { Verdict } from './field-error.js';
import { stdlibModules } from './python-stdlib-modules.js';
import { suggestQuantity } from './resources.js';

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if ' +
    'import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

// The pod name is a Python module, a task id, and (with "-" for "_") part of a Kubernetes pod name;
// 50 characters leave room for the random suffix the operator appends within the 63 of a DNS label.
const POD_NAME = /^[a-z][a-z0-9_]{0,49}$/;

/** `value` without trailing `character`s, in linear time. */
function trimEnd(value: string, character: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === character) end -= 1;
  return value.slice(0, end);
}

export function suggestIdentifier(value: string): string {
  const name = value
    .replace(/\.py$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '');
  return trimEnd(name.slice(0, 50), '_') || 'ingest';
}

/** `collect.py` and `./collect.py` are accepted where a pod name is expected, and mean `collect`. */
export function stripPodName(value: string): string {
  return value.trim().replace(/^\.\//, '').replace(/\.py$/, '');
}

/** `python` is the image's Python version: the standard library it checks against is that version's. */
export function checkPodName(value: string, python?: string): Verdict {
  const name = stripPodName(value);
  if (name.includes('/')) return { rule: t('names.podFolder'), suggestion: suggestIdentifier(name.split('/').pop() ?? '') };
  if (!POD_NAME.test(name)) {
    return { rule: t('names.podModule'), suggestion: suggestIdentifier(name) };
  }
  if (PYTHON_KEYWORDS.has(name)) return { rule: t('names.keyword'), suggestion: `${name}_job` };
  if (stdlibModules(python).has(name)) {
    return { rule: t('names.stdlib', { name, version: python ? ` ${python}` : '' }), suggestion: `${name}_job` };
  }
  if (name.startsWith('test')) return { rule: t('names.test'), suggestion: `job_${name}` };
  return undefined;
}

/** The list form used by --pods and --after: whitespace or commas separate names. */
export function splitNames(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** Kubernetes wants DNS-1123 names: the pod `clean_orders` runs as `clean-orders-<suffix>`. */
export function kubernetesName(podName: string): string {
  return podName.replace(/_+/g, '-').replace(/-+$/, '');
}

// Airflow's KEY_REGEX for dag and task ids.
export function checkDagId(value: string): Verdict {
  if (/^[A-Za-z0-9_.-]{1,250}$/.test(value)) return undefined;
  return { rule: t('names.dagId'), suggestion: suggestIdentifier(value) };
}

export function dagIdFor(container: string): string {
  return `${container.replace(/[^A-Za-z0-9_]+/g, '_')}_pipeline`;
}

// DNS-1123 label, as for every Kubernetes namespace.
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** Leading and trailing "-" removed, in linear time (a /-+$/ search is quadratic on a long run of "-"). */
function trimDashes(value: string): string {
  let start = 0;
  while (start < value.length && value[start] === '-') start += 1;
  return trimEnd(value.slice(start), '-');
}

function suggestDnsLabel(value: string): string {
  return trimDashes(value.toLowerCase().replace(/[^a-z0-9-]+/g, '-')).slice(0, 63) || 'airflow';
}

export function checkNamespace(value: string): Verdict {
  if (DNS_LABEL.test(value)) return undefined;
  return { rule: t('names.namespace'), suggestion: suggestDnsLabel(value) };
}

export function checkSecretName(value: string): Verdict {
  if (DNS_SUBDOMAIN.test(value)) return undefined;
  return { rule: t('names.secret'), suggestion: suggestDnsLabel(value) };
}

// Airflow's Variable-free schedules: none, a preset, or a cron line as croniter (which Airflow uses) reads it.
const PRESETS = ['@once', '@continuous', '@hourly', '@daily', '@weekly', '@monthly', '@quarterly', '@yearly', '@annually'];
const scheduleRule = () => t('names.schedule', { presets: PRESETS.join(', ') });

export function checkSchedule(value: string): Verdict {
  if (value === '' || value === 'None' || PRESETS.includes(value)) return undefined;
  if (value.length > 200 || value !== value.trim()) return { rule: scheduleRule(), suggestion: '@daily' };
  const fields = value.split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return { rule: scheduleRule(), suggestion: '@daily' };
  // Jenkins-style "H" needs a hash id that Airflow does not give croniter.
  if (/(?:^|[^a-z])h(?:[^a-z]|$)/i.test(value)) return { rule: t('names.scheduleNoH', { rule: scheduleRule() }), suggestion: '@daily' };
  // croniter puts seconds last, cron-parser first.
  const expression = fields.length === 6 ? [fields[5], ...fields.slice(0, 5)].join(' ') : fields.join(' ');
  try {
    CronExpressionParser.parse(expression);
  } catch (error) {
    return { rule: `${scheduleRule()}: ${(error as Error).message}`, suggestion: '@daily' };
  }
  return undefined;
}

/** An environment variable name as POSIX shells and Kubernetes accept it. */
// Variables the image itself relies on: a task that set them would break run_in_docker.sh or Python.
const RESERVED_ENV = new Set([
  'PRG_NAME',
  'APP_DIR',
  'PATH',
  'HOME',
  'PYTHONPATH',
  'PYTHONHOME',
  'PYTHONDONTWRITEBYTECODE',
  'PYTHONUNBUFFERED',
]);

export function checkEnvName(value: string): Verdict {
  if (RESERVED_ENV.has(value)) return { rule: t('names.envReserved', { name: value }), suggestion: `MY_${value}` };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return undefined;
  return { rule: t('names.envName'), suggestion: suggestIdentifier(value).toUpperCase() };
}

// Kubernetes resource quantities: 250m, 0.5, 1, 512Mi, 1Gi, 1e3.
export function checkQuantity(value: string): Verdict {
  if (value === '' || /^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][0-9]+)?$/.test(value)) return undefined;
  const suggestion = suggestQuantity(value);
  return { rule: t('names.quantity'), ...(suggestion ? { suggestion } : {}) };
}

// The example pods write with pathlib; a bucket mounted by a CSI driver or gcsfuse is a folder too.
export function checkOutputDir(value: string): Verdict {
  if (/^\/(?:[A-Za-z0-9._@+=-]+\/?)*$/.test(value) && !value.split('/').includes('..')) return undefined;
  return {
    rule: t('names.outputDir'),
    suggestion: '/data/output',
  };
}
