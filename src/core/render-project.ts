import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import { dagParams, outputDirOf, podEnvironment } from './dag-params.js';
import { jinjaString, markdownCode, markdownText, pythonDocstringText, pythonLiteral, pythonString, shellWord } from './escape.js';
import { imageReference, registryHost } from './image-reference.js';
import { kubernetesName } from './names.js';
import { renderReadmePipelineBlock } from './pipeline-graph.js';
import { taskId } from './pipeline.js';
import type { DagSettings, PodSpec, ProjectConfig } from './project-config.js';

/** The templates folder of the package (dist/core/ -> ../../templates). */
export const TEMPLATES_DIR = new URL('../../templates/', import.meta.url);

/** Files to write, by path relative to the project; the scaffold itself never touches the disk. */
export type FileSet = Record<string, string>;

/** Files that must be executable once written. */
export const EXECUTABLE_FILES: ReadonlySet<string> = new Set(['run_in_docker.sh']);

// Helpers every template may use; each escapes for the place its output lands.
const helpers = { py: pythonString, doc: pythonDocstringText, md: markdownText, code: markdownCode, sh: shellWord };

function render(template: string, data: Record<string, unknown>): string {
  const path = new URL(template, TEMPLATES_DIR);
  return ejs.render(readFileSync(path, 'utf8'), { ...helpers, ...data }, { filename: path.pathname });
}

/** The variable of a pod's task in the DAG; the suffix keeps it clear of Python keywords and the DAG's own names. */
export function taskVariable(podName: string): string {
  return `${podName}_task`;
}

// Attributes of a Python dict: `params.items` would be the method, so such names are read with brackets.
const DICT_ATTRIBUTES = new Set(['clear', 'copy', 'fromkeys', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values']);

function paramReference(name: string): string {
  return DICT_ATTRIBUTES.has(name) ? `{{ params[${jinjaString(name)}] }}` : `{{ params.${name} }}`;
}

/** The env_vars of a pod's task: constants as given, params as `{{ params.X }}`, RUN_DATE as `{{ ds }}`. */
function taskEnvironment(pod: PodSpec): [string, string][] {
  return podEnvironment(pod).map((source): [string, string] => [
    source.name,
    source.kind === 'constant' ? source.value : source.kind === 'param' ? paramReference(source.param) : '{{ ds }}',
  ]);
}

function resourceArguments(config: ProjectConfig): string {
  const { cpuRequest, memoryRequest, cpuLimit, memoryLimit } = config.kubernetes;
  const block = (cpu: string, memory: string) => {
    const entries = [cpu ? `"cpu": ${pythonString(cpu)}` : '', memory ? `"memory": ${pythonString(memory)}` : ''].filter(Boolean);
    return entries.length > 0 ? `{${entries.join(', ')}}` : '';
  };
  const requests = block(cpuRequest, memoryRequest);
  const limits = block(cpuLimit, memoryLimit);
  return [requests ? `requests=${requests}` : '', limits ? `limits=${limits}` : ''].filter(Boolean).join(', ');
}

export function dagPath(config: ProjectConfig): string {
  return `dags/${config.dagId}.py`;
}

/** A generated project's DAG arguments; an adopted one keeps its own (config.airflow). */
const GENERATED_DAG_SETTINGS: DagSettings = { description: '', tags: ['pod-ingestion'], catchup: false, startDate: '2026-01-01', defaultArgs: {} };

function dagArguments(config: ProjectConfig) {
  const settings = config.airflow ?? GENERATED_DAG_SETTINGS;
  return {
    startDate: settings.startDate.split('-').map(Number).join(', '),
    catchup: settings.catchup ? 'True' : 'False',
    tags: pythonLiteral(settings.tags),
    description: settings.description,
    defaultArgs: Object.entries(settings.defaultArgs).map(([key, value]) => `${pythonString(key)}: ${pythonLiteral(value)}, `).join(''),
  };
}

export function renderDag(config: ProjectConfig): string {
  const resources = resourceArguments(config);
  const tasks = config.pods.map((pod) => ({
    pod,
    taskId: taskId(pod),
    variable: taskVariable(pod.name),
    podName: kubernetesName(pod.name),
    env: taskEnvironment(pod),
    upstream: pod.after.map(taskVariable),
  }));
  return render('app/dag.py.ejs', {
    config,
    k: config.kubernetes,
    image: imageReference(config),
    resources,
    tasks,
    dag: dagArguments(config),
    params: dagParams(config),
    usesSecrets: config.pods.some((pod) => pod.secrets.length > 0),
    usesK8sModels: Boolean(resources || config.kubernetes.imagePullSecret),
  });
}

function testClassName(pod: PodSpec): string {
  return `${pod.name.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}Test`;
}

/** The test of a script the user wrote (adopted, or named by `pod` when it exists): it compiles and has a main guard. */
export function renderAdoptedPodTest(pod: PodSpec): FileSet {
  return { [`tests/test_${pod.name}.py`]: render('adopt/test_adopted_pod.py.ejs', { pod, className: testClassName(pod) }) };
}

/** A pod script and its unit test. */
export function renderPodFiles(pod: PodSpec): FileSet {
  const className = testClassName(pod);
  return {
    [`pods/${pod.name}.py`]: render('pod/pod.py.ejs', { pod }),
    [`tests/test_${pod.name}.py`]: render('pod/test_pod.py.ejs', { pod, className }),
  };
}

/** The pod the README's "grow the pipeline" example adds: never one the project already has. */
export function examplePod(config: ProjectConfig): { name: string; description: string } {
  const taken = new Set(config.pods.map((pod) => pod.name));
  const examples = [
    { name: 'clean_orders', description: 'Cleans the orders export' },
    { name: 'load_warehouse', description: 'Loads the cleaned rows into the warehouse' },
    { name: 'daily_report', description: 'Writes the daily report' },
  ];
  const free = examples.find((example) => !taken.has(example.name));
  if (free) return free;
  let number = 2;
  while (taken.has(`next_step_${number}`)) number++;
  return { name: `next_step_${number}`, description: 'The next step of the pipeline' };
}

/** The project README, which names the image (publish rewrites it when the tag changes). */
export function renderProjectReadme(config: ProjectConfig): string {
  return render('app/README.md.ejs', {
    config,
    image: imageReference(config),
    registry: registryHost(config.repository),
    pipelineBlock: renderReadmePipelineBlock(config.pods),
    example: examplePod(config),
    outputDir: outputDirOf(config),
  });
}

/** Every file of a new project. */
export function renderProject(config: ProjectConfig, requirementsText: string): FileSet {
  const data = { config, image: imageReference(config) };
  return {
    Dockerfile: render('app/Dockerfile.ejs', data),
    'requirements.txt': requirementsText,
    'run_in_docker.sh': render('app/run_in_docker.sh.ejs', data),
    '.dockerignore': render('app/dockerignore.ejs', data),
    '.gitattributes': render('app/gitattributes.ejs', data),
    '.gitignore': render('app/gitignore.ejs', data),
    'README.md': renderProjectReadme(config),
    [dagPath(config)]: renderDag(config),
    'tests/test_dag_integrity.py': render('app/test_dag_integrity.py.ejs', data),
    // An adopted script is the user's own: it keeps its interface, and its test only compiles it and checks its main guard.
    ...Object.assign({}, ...config.pods.map((pod) => (pod.adopted ? renderAdoptedPodTest(pod) : renderPodFiles(pod)))),
  };
}
