import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import { dagParams, outputDirOf, podEnvironment } from './dag-params.js';
import type { Language } from './i18n/language.js';
import type { ProjectWordKey } from './i18n/project-en.js';
import { projectWords, type Words } from './i18n/project-words.js';
import type { Values } from './i18n/translate.js';
import { jinjaString, markdownCode, markdownText, pythonDocstringText, pythonLiteral, pythonString, shellWord } from './escape.js';
import { imageReference, registryHost } from './image-reference.js';
import { kubernetesName } from './names.js';
import { renderReadmePipelineBlock } from './pipeline-graph.js';
import { taskId } from './pipeline.js';
import { podScriptPath, podsDirOf } from './pods-dir.js';
import type { DagSettings, PodSpec, ProjectConfig } from './project-config.js';

/** The templates folder of the package (dist/core/ -> ../../templates). */
export const TEMPLATES_DIR = new URL('../../templates/', import.meta.url);

/** Files to write, by path relative to the project; the scaffold itself never touches the disk. */
export type FileSet = Record<string, string>;

/** Files that must be executable once written. */
export const EXECUTABLE_FILES: ReadonlySet<string> = new Set(['run_in_docker.sh']);

// Helpers every template may use; each escapes for the place its output lands.
const helpers = { py: pythonString, doc: pythonDocstringText, md: markdownText, code: markdownCode, sh: shellWord, pyConcat };

/** The language a project's files are written in; projects made before it was saved were English. */
export function projectLanguage(config: ProjectConfig): Language {
  return config.lang ?? 'en';
}

/**
 * A Python expression joining text and code: `\0expr\0` segments of `text` are code, the rest string literals
 * (the Dockerfile's build check builds its message this way, in the project's language).
 */
function pyConcat(text: string): string {
  return text
    .split('\0')
    .map((part, index) => (index % 2 === 1 ? part : part ? pythonString(part) : ''))
    .filter(Boolean)
    .join(' + ');
}

function render(template: string, data: Record<string, unknown>, language: Language): string {
  const path = new URL(template, TEMPLATES_DIR);
  const w: Words = projectWords(language);
  // A text of the catalog as `#` comment lines (a multi-line text gives several lines).
  const comment = (key: ProjectWordKey, values?: Values) =>
    w(key, values)
      .split('\n')
      .map((line) => `# ${line}`)
      .join('\n');
  return ejs.render(readFileSync(path, 'utf8'), { ...helpers, w, comment, ...data }, { filename: path.pathname });
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
const GENERATED_DAG_SETTINGS: DagSettings = {
  description: '',
  tags: ['pod-ingestion'],
  catchup: false,
  startDate: '2026-01-01',
  defaultArgs: {},
};

function dagArguments(config: ProjectConfig) {
  const settings = config.airflow ?? GENERATED_DAG_SETTINGS;
  return {
    startDate: settings.startDate.split('-').map(Number).join(', '),
    catchup: settings.catchup ? 'True' : 'False',
    tags: pythonLiteral(settings.tags),
    description: settings.description,
    defaultArgs: Object.entries(settings.defaultArgs)
      .map(([key, value]) => `${pythonString(key)}: ${pythonLiteral(value)}, `)
      .join(''),
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
  return render(
    'app/dag.py.ejs',
    {
      config,
      k: config.kubernetes,
      image: imageReference(config),
      resources,
      tasks,
      dag: dagArguments(config),
      params: dagParams(config),
      usesSecrets: config.pods.some((pod) => pod.secrets.length > 0),
      usesK8sModels: Boolean(resources || config.kubernetes.imagePullSecret),
    },
    projectLanguage(config),
  );
}

function testClassName(pod: PodSpec): string {
  return `${pod.name
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Test`;
}

/** The test of a script the user wrote (adopted, or named by `pod` when it exists): it compiles and has a main guard. */
export function renderAdoptedPodTest(pod: PodSpec, config: ProjectConfig): FileSet {
  const data = { pod, className: testClassName(pod), podsDir: podsDirOf(config) };
  return { [`tests/test_${pod.name}.py`]: render('adopt/test_adopted_pod.py.ejs', data, projectLanguage(config)) };
}

/** A pod script (in the project's scripts folder) and its unit test, in the project's language. */
export function renderPodFiles(pod: PodSpec, config: ProjectConfig): FileSet {
  const data = { pod, className: testClassName(pod), podsDir: podsDirOf(config) };
  const language = projectLanguage(config);
  return {
    [podScriptPath(config, pod.name)]: render('pod/pod.py.ejs', data, language),
    [`tests/test_${pod.name}.py`]: render('pod/test_pod.py.ejs', data, language),
  };
}

/** The pod the README's "grow the pipeline" example adds: never one the project already has. */
export function examplePod(config: ProjectConfig): { name: string; description: string } {
  const w = projectWords(projectLanguage(config));
  const taken = new Set(config.pods.map((pod) => pod.name));
  const examples = [
    { name: 'clean_orders', description: w('readme.example1') },
    { name: 'load_warehouse', description: w('readme.example2') },
    { name: 'daily_report', description: w('readme.example3') },
  ];
  const free = examples.find((example) => !taken.has(example.name));
  if (free) return free;
  let number = 2;
  while (taken.has(`next_step_${number}`)) number++;
  return { name: `next_step_${number}`, description: w('readme.exampleNext') };
}

/** The README's managed picture of the pipeline, with its marker note in the project's language. */
export function renderReadmePipeline(config: ProjectConfig): string {
  return renderReadmePipelineBlock(config.pods, projectWords(projectLanguage(config))('readme.pipelineMarker'));
}

/** The project README, which names the image (publish rewrites it when the tag changes). */
export function renderProjectReadme(config: ProjectConfig): string {
  return render(
    'app/README.md.ejs',
    {
      config,
      image: imageReference(config),
      registry: registryHost(config.repository),
      podsDir: podsDirOf(config),
      pipelineBlock: renderReadmePipeline(config),
      example: examplePod(config),
      outputDir: outputDirOf(config),
    },
    projectLanguage(config),
  );
}

/** Every file of a new project. */
export function renderProject(config: ProjectConfig, requirementsText: string): FileSet {
  const data = { config, image: imageReference(config), podsDir: podsDirOf(config) };
  const language = projectLanguage(config);
  return {
    Dockerfile: render('app/Dockerfile.ejs', data, language),
    'requirements.txt': requirementsText,
    'run_in_docker.sh': render('app/run_in_docker.sh.ejs', data, language),
    '.dockerignore': render('app/dockerignore.ejs', data, language),
    '.gitattributes': render('app/gitattributes.ejs', data, language),
    '.gitignore': render('app/gitignore.ejs', data, language),
    'README.md': renderProjectReadme(config),
    [dagPath(config)]: renderDag(config),
    'tests/test_dag_integrity.py': render('app/test_dag_integrity.py.ejs', data, language),
    // An adopted script is the user's own: it keeps its interface, and its test only compiles it and checks its main guard.
    ...Object.assign({}, ...config.pods.map((pod) => (pod.adopted ? renderAdoptedPodTest(pod, config) : renderPodFiles(pod, config)))),
  };
}
