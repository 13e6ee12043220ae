// `yo pod-ingestion:pod NAME` / `pod-ingestion pod NAME`: adds a pod script and its task to the DAG; with
// --update, changes the settings of an existing pod's task (its script and test are the user's, and stay).
import { t } from '../../core/i18n/translate.js';
import { addPod, updatePod } from '../../core/pipeline.js';
import { check } from '../../core/field-error.js';
import { checkPodName, stripPodName } from '../../core/names.js';
import { podQuestions, podUpdateQuestions, POD_QUESTIONS } from '../../core/pod-questions.js';
import { changedSettings } from '../../core/pod-settings.js';
import { requirementsOfFile } from '../../core/requirements.js';
import type { PodSpec, ProjectConfig } from '../../core/project-config.js';
import type { RawAnswers } from '../../core/questions.js';
import { podScriptPath } from '../../core/pods-dir.js';
import { dagPath, renderAdoptedPodTest, renderDag, renderPodFiles, type FileSet } from '../../core/render-project.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { refuseEditedManagedBlocks } from '../managed-block-guard.js';
import { requireProject } from '../project-context.js';
import { writePolicy } from '../write-policy.js';
import { saveProjectConfig, updateReadmePipeline, writeProjectFiles } from '../project-files.js';
import { askForArgument, askQuestions, declareOptions, givenOptions } from '../question-options.js';

export default class PodGenerator extends PodIngestionGenerator {
  private project?: ProjectConfig;
  private answers: RawAnswers = {};
  private config_?: ProjectConfig;
  private pod?: PodSpec;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', {
      type: String,
      required: false,
      description: 'the pod script name (a Python module name); asked when left out',
    });
    this.origins.name = { from: 'argument', name: 'NAME' };
    declareOptions(this, POD_QUESTIONS);
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.project.lang);
    this.answers = givenOptions(this, POD_QUESTIONS);
    // A hand edit inside the DAG's managed blocks is refused before any question: no answer would mend it.
    refuseEditedManagedBlocks(this, this.project);
  }

  async prompting(): Promise<void> {
    // A name left out is asked for (and refused under --defaults, saying how to give it).
    if (!this.options.name) {
      this.options.name = await askForArgument(this, {
        field: 'name',
        message: t('prompt.podName'),
        usage: 'pod-ingestion pod NAME',
        check: (value, field) => check(field, value, checkPodName(value, this.project!.python)),
      });
    }
    if (this.options.defaults) return;
    const project = this.project!;
    if (!this.options.update) {
      // A name the project cannot take (it has that pod, or that task id) is refused before any question:
      // no answer would mend it. Only the name (and --task-id, never asked) is judged here; a bad value of
      // another option is asked again below.
      const taskId = this.answers['task-id'];
      withNewPod(this, project, taskId === undefined ? {} : { 'task-id': taskId });
      // Checked against the project as they are answered, so a bad answer is asked again at once.
      this.answers = await askQuestions(
        this,
        podQuestions({ config: project, name: stripPodName(String(this.options.name)) }),
        this.answers,
      );
      return;
    }
    // An update with options changes exactly those settings; `--update` alone walks through all of them,
    // each with its current value as the default; a default accepted is no change, so that setting is kept
    // exactly. An unknown pod is refused in configuring, unasked.
    const givenSetting = POD_QUESTIONS.some((question) => question.message && this.answers[question.name] !== undefined);
    const current = project.pods.find((pod) => pod.name === String(this.options.name));
    if (!givenSetting && current)
      this.answers = changedSettings(await askQuestions(this, podUpdateQuestions(current, project), this.answers), current);
  }

  configuring(): void {
    if (this.options.update) ({ config: this.config_, pod: this.pod } = updatePod(this.project!, String(this.options.name), this.answers));
    else ({ config: this.config_, pod: this.pod } = withNewPod(this, this.project!, this.answers));
  }

  async writing(): Promise<void> {
    const config = this.config_!;
    const path = dagPath(config);
    // An update changes the task only. A new pod's script the user already wrote keeps its own interface: its
    // test only compiles it and checks its main guard.
    const pod = this.pod!;
    const ownScript = this.fs.exists(this.destinationPath(podScriptPath(config, pod.name)));
    const files: FileSet = this.options.update
      ? {}
      : { ...renderPodFiles(pod, config), ...(ownScript ? renderAdoptedPodTest(pod, config) : {}) };
    await writeProjectFiles(this, { ...files, [path]: renderDag(config) }, config, writePolicy(this));
    updateReadmePipeline(this, config);
    saveProjectConfig(this, config);
  }

  end(): void {
    const pod = this.pod!;
    const names = pod.after.join(', ');
    const dag = dagPath(this.config_!);
    const script = podScriptPath(this.config_!, pod.name);
    if (this.options.update) {
      this.log(t('pod.updated', { name: pod.name, script, when: names ? t('pod.runsAfter', { names }) : t('pod.runsFirst'), dag }));
    } else {
      this.log(t('pod.added', { name: pod.name, script, after: names ? t('pod.after', { names }) : '', dag }));
    }
  }
}

/** The project with the pod the command names added, or the refusal of every problem in its name and `answers`. */
function withNewPod(generator: PodIngestionGenerator, project: ProjectConfig, answers: RawAnswers): ReturnType<typeof addPod> {
  // A new pod may not hide a module the image's requirements install.
  const requirements = requirementsOfFile(generator.fs.read(generator.destinationPath('requirements.txt'), { defaults: '' }) ?? '');
  return addPod(project, String(generator.options.name), answers, requirements);
}
