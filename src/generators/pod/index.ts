// `yo pod-ingestion:pod NAME` / `pod-ingestion pod NAME`: adds a pod script and its task to the DAG.
import { addPod } from '../../core/pipeline.js';
import { POD_QUESTIONS } from '../../core/pod-questions.js';
import type { PodSpec, ProjectConfig } from '../../core/project-config.js';
import type { RawAnswers } from '../../core/questions.js';
import { dagPath, renderDag, renderPodFiles } from '../../core/render-project.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { requireProject } from '../project-context.js';
import { saveProjectConfig, writeProjectFiles } from '../project-files.js';
import { askQuestions, declareOptions, givenOptions } from '../question-options.js';

export default class PodGenerator extends PodIngestionGenerator {
  private project?: ProjectConfig;
  private answers: RawAnswers = {};
  private config_?: ProjectConfig;
  private pod?: PodSpec;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: true, description: 'the pod script name (a Python module name)' });
    declareOptions(this, POD_QUESTIONS);
    this.option('defaults', { type: Boolean, description: 'ask nothing: use the given options' });
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.answers = givenOptions(this, POD_QUESTIONS);
  }

  async prompting(): Promise<void> {
    if (!this.options.defaults) this.answers = await askQuestions(this, POD_QUESTIONS, this.answers);
  }

  configuring(): void {
    ({ config: this.config_, pod: this.pod } = addPod(this.project!, String(this.options.name), this.answers));
  }

  writing(): void {
    const config = this.config_!;
    const pod = this.pod!;
    const path = dagPath(config);
    writeProjectFiles(this, { ...renderPodFiles(pod), [path]: renderDag(config) }, path, !this.options.defaults);
    saveProjectConfig(this, config);
  }

  end(): void {
    const pod = this.pod!;
    this.log(`Added pods/${pod.name}.py and the task ${pod.name}${pod.after.length ? ` after ${pod.after.join(', ')}` : ''} to ${dagPath(this.config_!)}.`);
  }
}
