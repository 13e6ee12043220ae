// `adopt`, part two: the whole plan for bringing a hand-made PRG_NAME project under the generator: its
// configuration (from the old DAG read by adopt-dag.ts, the scripts and the user's options), the requirements
// (reported, pruned on request) and the migration report. Pure: the generator reads and writes the files.
import { adoptDag, type AdoptedDag, type ReportLine } from './adopt-dag.js';
import { resolveAppAnswers } from './app-answers.js';
import type { DagReading } from './dag-reading.js';
import { PodIngestionError } from './errors.js';
import { InvalidAnswersError, type FieldError, type Origins } from './field-error.js';
import { tAdopt } from './i18n/adopt-translate.js';
import { dagIdFor } from './names.js';
import { findCycle } from './pipeline.js';
import { describeMisplaced, misplacedPackages, pruneMisplacedPackages } from './pod-image-packages.js';
import { parseParam } from './pod-settings.js';
import { newPod, type ProjectConfig } from './project-config.js';
import { checkPython, DEFAULT_PYTHON, pythonEndOfLifeWarning } from './python-version.js';
import { repeatedValues, type RawAnswers } from './questions.js';
import { checkRequirementsFile } from './requirements.js';
import { suggestImageName } from './image-reference.js';

export interface AdoptInput {
  /** The project folder's name (a default image name when there is no DAG). */
  folderName: string;
  /** The old DAG, relative to the project, and what read_dag.py read from it. */
  dag?: { path: string; reading: DagReading };
  /** The folder the scripts are in (checked, and found in the project), relative to the project. */
  podsDir: string;
  /** The pod scripts: name (without .py) -> source. */
  scripts: Record<string, string>;
  dockerfile?: string;
  runScript?: string;
  requirements?: string;
  /** .yo-rc.json of an earlier adoption: a second run reproduces it. */
  existing?: ProjectConfig;
  answers: RawAnswers;
  today: Date;
}

export interface AdoptPlan {
  config: ProjectConfig;
  /** requirements.txt rewritten by --prune; undefined: left as it is. */
  requirements?: string;
  /** The migration report, one finding per line. */
  report: string[];
}

/** The old DAG has parts adopt cannot carry; nothing was written. */
export class UnsupportedDagError extends PodIngestionError {
  /** The parts, one line each with file and line: what a terminal run lists before asking. */
  readonly listing: string;

  constructor(path: string, lines: readonly ReportLine[]) {
    const listing =
      `${lines.length === 1 ? tAdopt('adopt.unsupported.one', { path }) : tAdopt('adopt.unsupported.many', { path, count: lines.length })}\n` +
      lines.map((item) => `  - ${path}:${item.line}: ${item.text}`).join('\n');
    super('invalid-answers', tAdopt('adopt.unsupported.refusal', { listing }));
    this.listing = listing;
  }
}

const MAIN_GUARD = /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/m;

export function hasMainGuard(source: string): boolean {
  return MAIN_GUARD.test(source);
}

/** Lines of the user's run_in_docker.sh that do more than name and run the script. */
export function extraRunScriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !line.startsWith('#') &&
        !/^(?:echo|printf)\b/.test(line) &&
        !/^set\s+-/.test(line) &&
        !/^(?:exec\s+)?python[0-9.]*\s/.test(line) &&
        !/^cd\s/.test(line),
    );
}

function splitImage(image: string): { repository: string; container: string; tag: string } {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const name = colon > slash ? image.slice(0, colon) : image;
  const tag = colon > slash ? image.slice(colon + 1) : 'latest';
  const cut = name.lastIndexOf('/');
  return { repository: cut === -1 ? '' : name.slice(0, cut), container: name.slice(cut + 1), tag };
}

function given(answers: RawAnswers, name: string): string | undefined {
  const value = answers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The settings adoption reads from the old DAG (the operator's image and Kubernetes arguments, the DAG's own). */
const READ_FROM_DAG = new Set([
  'repository',
  'container',
  'tag',
  'dag-id',
  'schedule',
  'namespace',
  'image-pull-policy',
  'image-pull-secret',
  'on-finish-action',
  'retries',
  'retry-delay',
  'cpu-request',
  'memory-request',
  'cpu-limit',
  'memory-limit',
  'kubernetes-conn-id',
]);

/**
 * Runs `resolve` (the new project's settings checked as a new project's are) and, when it refuses a value the
 * user did not give, names the old DAG it was read from instead of an option the user never typed.
 */
function fromOldDag<T>(answers: RawAnswers, dagPath: string | undefined, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof InvalidAnswersError) || dagPath === undefined) throw error;
    const origins = Object.fromEntries(
      error.errors
        .filter((item) => READ_FROM_DAG.has(item.field) && given(answers, item.field) === undefined)
        .map((item) => [item.field, { from: 'file', path: dagPath }]),
    ) as Origins;
    throw error.withOrigins(origins);
  }
}

export function planAdoption(input: AdoptInput): AdoptPlan {
  const { answers } = input;
  const report: string[] = [];
  const errors: FieldError[] = [];
  const dagPathText = input.dag?.path ?? '';
  const folder = input.podsDir;
  let adopted: AdoptedDag | undefined;
  if (input.dag) {
    const unread = input.dag.reading.error;
    if (unread) throw new InvalidAnswersError([{ field: 'dag', value: dagPathText, rule: tAdopt(`read.${unread.reason}`, unread.values) }]);
    adopted = adoptDag(input.dag.reading, input.today, input.existing?.airflow?.startDate);
    errors.push(...adopted.errors);
    if (adopted.unsupported.length > 0) {
      if (answers['skip-unsupported'] !== true) throw new UnsupportedDagError(dagPathText, adopted.unsupported);
      for (const item of adopted.unsupported)
        report.push(tAdopt('adopt.notCarried', { where: `${dagPathText}:${item.line}`, text: item.text }));
    }
    for (const pod of adopted.pods) {
      if (!(pod.name in input.scripts)) {
        errors.push({
          field: 'dag',
          value: `${dagPathText}: ${tAdopt('adopt.task', { taskId: pod.taskId ?? pod.name })}`,
          rule: tAdopt('adopt.scriptMissing', {
            script: pod.name,
            folder,
            scripts: Object.keys(input.scripts).join(', ') || tAdopt('adopt.noScripts'),
          }),
        });
      }
    }
  }
  const pods =
    adopted?.pods ??
    Object.entries(input.scripts)
      .filter(([, source]) => hasMainGuard(source))
      .map(([name]) => ({ ...newPod(name), adopted: true }));
  if (pods.length === 0)
    errors.push({
      field: 'dag',
      value: dagPathText || `${folder}/`,
      rule: tAdopt('adopt.noPodScript', { folder }),
    });

  // Python of the image: the Dockerfile's while it is supported, else the default, said in the report.
  // A second adoption keeps the first one's choice (by then the Dockerfile may be the generated one).
  const fromDockerfile = /^\s*FROM\s+python:(\d+\.\d+)/im.exec(input.dockerfile ?? '')?.[1];
  const python =
    given(answers, 'python') ??
    input.existing?.python ??
    (fromDockerfile && !checkPython(fromDockerfile) && !pythonEndOfLifeWarning(fromDockerfile, input.today)
      ? fromDockerfile
      : DEFAULT_PYTHON);
  if (fromDockerfile && python !== fromDockerfile)
    report.push(
      tAdopt(pythonEndOfLifeWarning(fromDockerfile, input.today) ? 'adopt.pythonChangedEndOfLife' : 'adopt.pythonChanged', {
        python,
        yours: fromDockerfile,
      }),
    );

  const image = adopted?.image
    ? splitImage(adopted.image)
    : { repository: '', container: suggestImageName(input.folderName), tag: '1.0.0' };
  const k = adopted?.kubernetes ?? {};
  const tag = given(answers, 'tag') ?? image.tag;
  const resolved = fromOldDag(answers, adopted ? dagPathText : undefined, () =>
    resolveAppAnswers({
      repository: given(answers, 'repository') ?? image.repository,
      container: given(answers, 'container') ?? image.container,
      tag,
      python,
      pods: pods.map((pod) => pod.name).join(' '),
      'pods-dir': folder,
      'dag-id': given(answers, 'dag-id') ?? (adopted?.dagId || dagIdFor(given(answers, 'container') ?? image.container)),
      schedule: adopted?.schedule ?? '',
      namespace: given(answers, 'namespace') ?? k.namespace ?? 'airflow',
      // Kubernetes' own default when the DAG says nothing: Always for :latest, IfNotPresent otherwise.
      'image-pull-policy': k.imagePullPolicy ?? (tag === 'latest' ? 'Always' : 'IfNotPresent'),
      'image-pull-secret': k.imagePullSecret ?? '',
      'on-finish-action': k.onFinishAction ?? 'delete_pod',
      retries: String(k.retries ?? 0),
      'retry-delay': String(k.retryDelayMinutes ?? 5),
      'cpu-request': k.cpuRequest ?? '',
      'memory-request': k.memoryRequest ?? '',
      'cpu-limit': k.cpuLimit ?? '',
      'memory-limit': k.memoryLimit ?? '',
      'kubernetes-conn-id': k.kubernetesConnId ?? '',
      // A second adoption keeps the project's language (a --lang for this run changes only its messages).
      ...(input.existing?.lang ? { lang: input.existing.lang } : {}),
      defaults: true,
    }),
  );
  let config: ProjectConfig = { ...resolved.config, pods };
  if (adopted) config.airflow = adopted.settings;
  if (adopted && !k.namespace && !given(answers, 'namespace'))
    report.push(tAdopt('adopt.noNamespace', { namespace: config.kubernetes.namespace }));

  // Params the DAG requires (dag_run.conf["X"]) against its schedule.
  const defaults = new Map<string, string | null>();
  for (const item of repeatedValues(answers['param-default'])) {
    const param = parseParam(item, errors);
    if (param.default === null) errors.push({ field: 'param-default', value: item, rule: tAdopt('adopt.paramDefaultForm') });
    else if (!pods.some((pod) => pod.params.some((candidate) => candidate.name === param.name))) {
      errors.push({ field: 'param-default', value: item, rule: tAdopt('adopt.paramDefaultUnknown', { name: param.name }) });
    } else defaults.set(param.name, param.default);
  }
  config = {
    ...config,
    pods: pods.map((pod) => ({
      ...pod,
      params: pod.params.map((param) => (defaults.has(param.name) ? { ...param, default: defaults.get(param.name)! } : param)),
    })),
  };
  for (const [name, value] of defaults) report.push(tAdopt('adopt.paramDefault', { name, value: JSON.stringify(value) }));
  const required = [
    ...new Set(config.pods.flatMap((pod) => pod.params.filter((param) => param.default === null).map((param) => param.name))),
  ];
  if (config.schedule && required.length > 0) {
    if (answers.triggered === true) {
      report.push(tAdopt('adopt.triggered', { schedule: config.schedule, names: required.join(', ') }));
      config = { ...config, schedule: '' };
    } else {
      errors.push({
        field: 'schedule',
        value: config.schedule,
        origin: { from: 'file', path: dagPathText },
        rule: tAdopt(required.length === 1 ? 'adopt.requiredParams.one' : 'adopt.requiredParams.many', { names: required.join(', ') }),
        suggestion: tAdopt('adopt.requiredParams.try', { defaults: required.map((name) => `--param-default ${name}=...`).join(' ') }),
      });
    }
  }

  const cycle = findCycle(config.pods);
  if (cycle) errors.push({ field: 'dag', value: dagPathText, rule: tAdopt('adopt.cycle', { cycle: cycle.join(' -> ') }) });

  // requirements.txt: validated as on a new project; what does not belong in a pod image is reported.
  let requirements: string | undefined;
  if (input.requirements !== undefined) {
    const origin = { from: 'file', path: 'requirements.txt' } as const;
    errors.push(...checkRequirementsFile('requirements', input.requirements).map((error) => ({ ...error, origin })));
    const misplaced = misplacedPackages(input.requirements);
    for (const item of misplaced)
      report.push(tAdopt(answers.prune === true ? 'adopt.pruned' : 'adopt.prunable', { item: describeMisplaced(item) }));
    if (answers.prune === true && misplaced.length > 0) requirements = pruneMisplacedPackages(input.requirements);
  }
  if (errors.length > 0) throw new InvalidAnswersError(errors);

  if (adopted) {
    for (const item of adopted.migrations) report.push(tAdopt('adopt.migrated', { where: `${dagPathText}:${item.line}`, text: item.text }));
    report.push(tAdopt('adopt.superseded', { old: dagPathText, dagId: config.dagId }));
  }
  for (const pod of config.pods) if (pod.taskId) report.push(tAdopt('adopt.keepsTaskId', { taskId: pod.taskId, folder, name: pod.name }));
  const helpers = Object.entries(input.scripts)
    .filter(([name]) => !config.pods.some((pod) => pod.name === name))
    .map(([name]) => `${folder}/${name}.py`);
  if (helpers.length > 0) report.push(tAdopt('adopt.helpers', { files: helpers.join(', ') }));
  const extra = input.runScript ? extraRunScriptLines(input.runScript) : [];
  if (extra.length > 0) report.push(tAdopt('adopt.runScriptExtra', { lines: extra.map((line) => `      ${line}`).join('\n') }));
  return { config, requirements, report };
}
