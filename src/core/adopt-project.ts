// `adopt`, part two: the whole plan for bringing a hand-made PRG_NAME project under the generator: its
// configuration (from the old DAG read by adopt-dag.ts, the scripts and the user's options), the requirements
// (reported, pruned on request) and the migration report. Pure: the generator reads and writes the files.
import { adoptDag, type AdoptedDag, type ReportLine } from './adopt-dag.js';
import { resolveAppAnswers } from './app-answers.js';
import type { DagReading } from './dag-reading.js';
import { PodIngestionError } from './errors.js';
import { InvalidAnswersError, type FieldError } from './field-error.js';
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
      `${path} has ${lines.length === 1 ? 'a part' : `${lines.length} parts`} that adopt cannot carry into the new DAG:\n` +
      lines.map((item) => `  - ${path}:${item.line}: ${item.text}`).join('\n');
    super(
      'invalid-answers',
      `Nothing was written: ${listing}\nChange the old DAG, or run again with --skip-unsupported to adopt without them (they are listed in the report; add them back outside the managed blocks).`,
    );
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

export function planAdoption(input: AdoptInput): AdoptPlan {
  const { answers } = input;
  const report: string[] = [];
  const errors: FieldError[] = [];
  const dagPathText = input.dag?.path ?? '';
  const folder = input.podsDir;
  let adopted: AdoptedDag | undefined;
  if (input.dag) {
    if (input.dag.reading.error) throw new InvalidAnswersError([{ field: 'dag', value: dagPathText, rule: input.dag.reading.error }]);
    adopted = adoptDag(input.dag.reading, input.today, input.existing?.airflow?.startDate);
    errors.push(...adopted.errors);
    if (adopted.unsupported.length > 0) {
      if (answers['skip-unsupported'] !== true) throw new UnsupportedDagError(dagPathText, adopted.unsupported);
      for (const item of adopted.unsupported) report.push(`not carried: ${dagPathText}:${item.line}: ${item.text}`);
    }
    for (const pod of adopted.pods) {
      if (!(pod.name in input.scripts)) {
        errors.push({
          field: 'dag',
          value: `${dagPathText}: task ${pod.taskId ?? pod.name}`,
          rule: `PRG_NAME names ${pod.name}.py, which is not in ${folder}/ (scripts: ${Object.keys(input.scripts).join(', ') || 'none'})`,
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
      rule: `no pod script found: the old DAG names none, and no script in ${folder}/ has an \`if __name__ == "__main__":\` guard`,
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
      `the generated Dockerfile uses Python ${python} (yours uses ${fromDockerfile}${pythonEndOfLifeWarning(fromDockerfile, input.today) ? ', end-of-life' : ''}); check that the scripts run on it`,
    );

  const image = adopted?.image
    ? splitImage(adopted.image)
    : { repository: '', container: suggestImageName(input.folderName), tag: '1.0.0' };
  const k = adopted?.kubernetes ?? {};
  const tag = given(answers, 'tag') ?? image.tag;
  const resolved = resolveAppAnswers({
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
    defaults: true,
  });
  let config: ProjectConfig = { ...resolved.config, pods };
  if (adopted) config.airflow = adopted.settings;
  if (adopted && !k.namespace && !given(answers, 'namespace'))
    report.push(`the old DAG names no namespace; the new one runs the pods in ${config.kubernetes.namespace} (--namespace to change)`);

  // Params the DAG requires (dag_run.conf["X"]) against its schedule.
  const defaults = new Map<string, string | null>();
  for (const item of repeatedValues(answers['param-default'])) {
    const param = parseParam(item, errors);
    if (param.default === null) errors.push({ field: 'param-default', value: item, rule: 'a --param-default is NAME=VALUE' });
    else if (!pods.some((pod) => pod.params.some((candidate) => candidate.name === param.name))) {
      errors.push({ field: 'param-default', value: item, rule: `no task reads a param ${param.name} from dag_run.conf` });
    } else defaults.set(param.name, param.default);
  }
  config = {
    ...config,
    pods: pods.map((pod) => ({
      ...pod,
      params: pod.params.map((param) => (defaults.has(param.name) ? { ...param, default: defaults.get(param.name)! } : param)),
    })),
  };
  for (const [name, value] of defaults)
    report.push(`param ${name} gets the default ${JSON.stringify(value)} (--param-default): a run without it in its conf uses that`);
  const required = [
    ...new Set(config.pods.flatMap((pod) => pod.params.filter((param) => param.default === null).map((param) => param.name))),
  ];
  if (config.schedule && required.length > 0) {
    if (answers.triggered === true) {
      report.push(
        `schedule ${config.schedule} dropped (--triggered): the params ${required.join(', ')} have no default, and a scheduled run has an empty conf; trigger runs with a conf`,
      );
      config = { ...config, schedule: '' };
    } else {
      errors.push({
        field: 'schedule',
        value: config.schedule,
        rule: `the old DAG runs on a schedule, but ${required.join(', ')} ${required.length === 1 ? 'is a param' : 'are params'} with no default (dag_run.conf["X"]): a scheduled run has an empty conf, so that run fails, and Airflow refuses a scheduled DAG with required params`,
        suggestion: `${required.map((name) => `--param-default ${name}=...`).join(' ')} (a default for scheduled runs), or --triggered (runs only when triggered with a conf)`,
      });
    }
  }

  const cycle = findCycle(config.pods);
  if (cycle) errors.push({ field: 'dag', value: dagPathText, rule: `the dependencies form a cycle: ${cycle.join(' -> ')}` });

  // requirements.txt: validated as on a new project; what does not belong in a pod image is reported.
  let requirements: string | undefined;
  if (input.requirements !== undefined) {
    errors.push(...checkRequirementsFile('requirements', input.requirements));
    const misplaced = misplacedPackages(input.requirements);
    for (const item of misplaced)
      report.push(
        `${answers.prune === true ? 'removed: ' : ''}${describeMisplaced(item)}${answers.prune === true ? '' : ' (--prune removes it)'}`,
      );
    if (answers.prune === true && misplaced.length > 0) requirements = pruneMisplacedPackages(input.requirements);
  }
  if (errors.length > 0) throw new InvalidAnswersError(errors);

  if (adopted) {
    for (const item of adopted.migrations) report.push(`migrated: ${dagPathText}:${item.line}: ${item.text}`);
    report.push(
      `${dagPathText} is superseded by dags/${config.dagId}.py: take it out of Airflow's DAG folder (two DAGs with the id ${config.dagId} clash). adopt left it untouched.`,
    );
  }
  for (const pod of config.pods) if (pod.taskId) report.push(`task ${pod.taskId} keeps its id and runs ${folder}/${pod.name}.py`);
  const helpers = Object.entries(input.scripts)
    .filter(([name]) => !config.pods.some((pod) => pod.name === name))
    .map(([name]) => `${folder}/${name}.py`);
  if (helpers.length > 0) report.push(`not tasks (helpers or unused scripts, still copied into the image): ${helpers.join(', ')}`);
  const extra = input.runScript ? extraRunScriptLines(input.runScript) : [];
  if (extra.length > 0)
    report.push(
      `your run_in_docker.sh does extra work the generated one does not; move it into the scripts (or an init step) before replacing it:\n${extra.map((line) => `      ${line}`).join('\n')}`,
    );
  return { config, requirements, report };
}
