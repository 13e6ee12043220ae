// The answers of `pod-ingestion` / `yo pod-ingestion` and the project they make: every check at once
// (each question's own, then the rules between answers), the configuration saved in .yo-rc.json, and
// back again, the answers that reproduce a saved configuration on a re-run.
import type { Language } from './i18n/language.js';
import { t } from './i18n/translate.js';
import { APP_QUESTIONS, checkPodList } from './app-questions.js';
import { checkDagParams, DEFAULT_OUTPUT_DIR } from './dag-params.js';
import { check, InvalidAnswersError, type FieldError, type Origin } from './field-error.js';
import { checkImageReference } from './image-reference.js';
import { splitNames, stripPodName } from './names.js';
import { checkPodsAgainstPackages } from './package-imports.js';
import { describeMisplaced, misplacedPackages } from './pod-image-packages.js';
import { withPodNames } from './pipeline.js';
import { checkPodsDir, DEFAULT_PODS_DIR, normalizePodsDir, podsDirOf } from './pods-dir.js';
import type { KubernetesSettings, ProjectConfig } from './project-config.js';
import { checkPython, pythonEndOfLifeWarning } from './python-version.js';
import { answerOf, questionNamed, type RawAnswers } from './questions.js';
import { checkResourcePairs } from './resources.js';
import { checkRequirementsFile, renderRequirements, requirementsOfFile, splitPackages } from './requirements.js';

/** Where one answer is saved: a key of the configuration, or of its `kubernetes` settings. */
interface SavedAnswer {
  question: string;
  key: Exclude<keyof ProjectConfig, 'kubernetes' | 'pods'> | `kubernetes.${keyof KubernetesSettings}`;
  /** The saved value made from the answer's text (the text itself when absent); undefined: not saved. */
  toConfig?: (text: string) => string | number | undefined;
  /** The answer when the key is missing: a setting that projects made before it existed do not have. */
  absent?: string;
}

/**
 * The answers a project saves, and where. Both directions read this one table: resolveAppAnswers writes the
 * configuration from it, answersFromConfig reads the answers back. The pod names are the pipeline's (a re-run
 * keeps the pods a project has, with their settings), so they are mapped by pipeline.withPodNames.
 */
const SAVED_ANSWERS: readonly SavedAnswer[] = [
  { question: 'repository', key: 'repository' },
  { question: 'container', key: 'container' },
  { question: 'tag', key: 'tag' },
  { question: 'python', key: 'python' },
  { question: 'dag-id', key: 'dagId' },
  // Airflow's own spelling of "no schedule" means the same as an empty answer.
  { question: 'schedule', key: 'schedule', toConfig: (text) => (text === 'None' ? '' : text) },
  { question: 'output-dir', key: 'outputDir', absent: DEFAULT_OUTPUT_DIR },
  // Saved only when it is not pods/, so a generated project's .yo-rc.json stays as it always was.
  {
    question: 'pods-dir',
    key: 'podsDir',
    absent: DEFAULT_PODS_DIR,
    toConfig: (text) => (normalizePodsDir(text) === DEFAULT_PODS_DIR ? undefined : normalizePodsDir(text)),
  },
  { question: 'namespace', key: 'kubernetes.namespace' },
  { question: 'image-pull-policy', key: 'kubernetes.imagePullPolicy' },
  { question: 'image-pull-secret', key: 'kubernetes.imagePullSecret' },
  { question: 'on-finish-action', key: 'kubernetes.onFinishAction' },
  { question: 'retries', key: 'kubernetes.retries', toConfig: Number },
  { question: 'retry-delay', key: 'kubernetes.retryDelayMinutes', toConfig: Number },
  { question: 'cpu-request', key: 'kubernetes.cpuRequest' },
  { question: 'memory-request', key: 'kubernetes.memoryRequest' },
  { question: 'cpu-limit', key: 'kubernetes.cpuLimit' },
  { question: 'memory-limit', key: 'kubernetes.memoryLimit' },
  { question: 'kubernetes-conn-id', key: 'kubernetes.kubernetesConnId' },
];

/** The section (the configuration itself or its kubernetes settings) and field a saved answer lives in. */
function place(key: SavedAnswer['key']): { section: 'config' | 'kubernetes'; field: string } {
  return key.startsWith('kubernetes.')
    ? { section: 'kubernetes', field: key.slice('kubernetes.'.length) }
    : { section: 'config', field: key };
}

/**
 * The saved keys of one section with the option each stands for, and whether it is saved as a number: a
 * hand-edited .yo-rc.json is checked through these options (project-config-schema.ts).
 */
export function savedOptions(section: 'config' | 'kubernetes'): { key: string; option: string; number: boolean; optional: boolean }[] {
  return SAVED_ANSWERS.filter((saved) => place(saved.key).section === section).map((saved) => ({
    key: place(saved.key).field,
    option: saved.question,
    number: saved.toConfig === Number,
    optional: saved.absent !== undefined,
  }));
}

/** Where a re-run's current answer is kept: its key in .yo-rc.json (the package list: requirements.txt). */
export function savedOrigin(question: string): Origin {
  if (question === 'packages') return { from: 'file', path: 'requirements.txt' };
  return { from: 'project-config', key: SAVED_ANSWERS.find((saved) => saved.question === question)?.key ?? question };
}

export interface AppPlan {
  config: ProjectConfig;
  /** requirements.txt as it will be written. */
  requirementsText: string;
  build: boolean;
  push: boolean;
  platform: string;
  warnings: string[];
}

/** requirements.txt as --requirements gives it: Windows line ends become "\n" (pip reads both the same), nothing else changes. */
function requirementsFileAsWritten(requirementsFileText: string): string {
  const text = requirementsFileText.replace(/\r\n/g, '\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Every problem of the answers: each question's own check, then the rules between answers. `existingPods` are
 * the pod names of the project a re-run starts from (they share /app with the new ones).
 */
function checkAnswers(
  text: (name: string) => string,
  push: boolean,
  requirementsFileText: string | undefined,
  existingPods: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const question of APP_QUESTIONS) {
    // Pod names are checked against the standard library of the chosen Python (binhex is 3.10's, not 3.11's).
    if (question.name === 'pods')
      errors.push(...checkPodList(text('pods'), 'pods', checkPython(text('python')) ? undefined : text('python')));
    else if (question.check) errors.push(...question.check(text(question.name), question.name));
    if (question.choices && !question.choices.includes(text(question.name))) {
      errors.push({ field: question.name, value: text(question.name), rule: t('rule.oneOf', { choices: question.choices.join(', ') }) });
    }
  }
  const image = { repository: text('repository'), container: text('container'), tag: text('tag') };
  if (!errors.some((error) => ['repository', 'container', 'tag'].includes(error.field))) {
    // A reference too long is the repository's fault when it is the longer part.
    const field = image.repository.length > image.container.length ? 'repository' : 'container';
    errors.push(
      ...check(field, `${image.repository ? `${image.repository}/` : ''}${image.container}:${image.tag}`, checkImageReference(image)),
    );
  }
  const packages = splitPackages(text('packages'));
  let installed = packages;
  if (requirementsFileText !== undefined) {
    if (packages.length > 0) errors.push({ field: 'requirements', value: text('requirements'), rule: t('app.packagesOrRequirements') });
    errors.push(...checkRequirementsFile('requirements', requirementsFileText));
    installed = requirementsOfFile(requirementsFileAsWritten(requirementsFileText));
  }
  if (push && !image.repository) {
    errors.push({
      field: 'push',
      value: 'true',
      rule: t('app.pushLocalOnly'),
    });
  }
  errors.push(
    ...checkResourcePairs({
      cpuRequest: text('cpu-request'),
      cpuLimit: text('cpu-limit'),
      memoryRequest: text('memory-request'),
      memoryLimit: text('memory-limit'),
    }),
  );
  // A script /app/pandas.py would be imported instead of the pandas package by every script in /app.
  errors.push(...checkPodsAgainstPackages([...existingPods, ...splitNames(text('pods')).map(stripPodName)], installed, 'pods'));
  return errors;
}

/** A re-run does not move the scripts a project has: another --pods-dir would leave them behind. */
function checkPodsDirKept(given: string, existing: ProjectConfig | undefined): FieldError[] {
  if (!existing || checkPodsDir(given) || normalizePodsDir(given) === podsDirOf(existing)) return [];
  return [
    {
      field: 'pods-dir',
      value: given,
      rule: t('app.podsDirKept', { folder: podsDirOf(existing) }),
      suggestion: podsDirOf(existing),
    },
  ];
}

/**
 * Validates every answer at once and turns them into the project configuration. Throws InvalidAnswersError
 * listing every bad field. `requirementsFileText` is the content of --requirements when one was named;
 * `existing` the configuration of the project a re-run starts from.
 */
export function resolveAppAnswers(answers: RawAnswers, requirementsFileText?: string, existing?: ProjectConfig): AppPlan {
  const value = (name: string) => answerOf(questionNamed(APP_QUESTIONS, name), answers);
  const text = (name: string) => String(value(name)).trim();
  const push = value('push') === true;
  const errors = [
    ...checkAnswers(text, push, requirementsFileText, existing?.pods.map((pod) => pod.name) ?? []),
    ...checkPodsDirKept(text('pods-dir'), existing),
  ];
  if (errors.length > 0) throw new InvalidAnswersError(errors);

  const saved: Record<'config' | 'kubernetes', Record<string, string | number>> = { config: {}, kubernetes: {} };
  for (const { question, key, toConfig } of SAVED_ANSWERS) {
    const { section, field } = place(key);
    const value = toConfig ? toConfig(text(question)) : text(question);
    if (value !== undefined) saved[section][field] = value;
  }
  const podNames = splitNames(text('pods')).map(stripPodName);
  const config = {
    // The project's language, saved so that its later commands and pods keep it (not in SAVED_ANSWERS: older
    // projects have none, and their files are English).
    lang: text('lang') as Language,
    ...saved.config,
    kubernetes: saved.kubernetes,
    // A re-run keeps the pods the project already has, with their settings, and adds the new names.
    pods: withPodNames(existing?.pods ?? [], podNames),
  } as unknown as ProjectConfig;
  // The params the pods declare meet the (maybe new) schedule here: a re-run with --schedule, an answers file.
  const paramErrors = checkDagParams(config, 'schedule');
  if (paramErrors.length > 0) throw new InvalidAnswersError(paramErrors);
  const requirementsText =
    requirementsFileText === undefined
      ? renderRequirements(splitPackages(text('packages')), text('lang') as Language)
      : requirementsFileAsWritten(requirementsFileText);
  const warning = pythonEndOfLifeWarning(config.python);
  // A laptop's requirements file brings packages a pod image has no use for: say which, keep them as given.
  const misplaced =
    requirementsFileText === undefined
      ? []
      : misplacedPackages(requirementsText).map((item) => `${describeMisplaced(item, text('requirements'))} (remove it from the file)`);
  return {
    config,
    requirementsText,
    build: push || value('build') === true,
    push,
    platform: text('platform'),
    warnings: [...(warning ? [warning] : []), ...misplaced],
  };
}

/** The answers that reproduce an existing project's configuration: the defaults of a re-run. */
export function answersFromConfig(config: ProjectConfig): RawAnswers {
  const sections: Record<'config' | 'kubernetes', Record<string, unknown>> = {
    config: config as unknown as Record<string, unknown>,
    kubernetes: config.kubernetes as unknown as Record<string, unknown>,
  };
  const answers: RawAnswers = { pods: config.pods.map((pod) => pod.name).join(' ') };
  for (const { question, key, absent } of SAVED_ANSWERS) {
    const { section, field } = place(key);
    const value = sections[section][field];
    answers[question] = value === undefined ? (absent ?? '') : String(value);
  }
  answers.lang = config.lang ?? 'en';
  return answers;
}

/**
 * A re-run's current answers: the saved settings, and the packages that requirements.txt installs (one
 * requirement after another, as --packages takes them), so its prompt offers the current list.
 */
export function currentAnswers(config: ProjectConfig, requirementsText: string | undefined): RawAnswers {
  const answers = answersFromConfig(config);
  if (requirementsText !== undefined) answers.packages = requirementsOfFile(requirementsText).join(' ');
  return answers;
}
