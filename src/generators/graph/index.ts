// `yo pod-ingestion:graph` / `pod-ingestion graph`: prints the pipeline of .yo-rc.json, to stdout so it can be piped.
import { InvalidAnswersError } from '../../core/field-error.js';
import { GRAPH_QUESTIONS } from '../../core/graph-questions.js';
import { renderGraph, type GraphFormat } from '../../core/pipeline-graph.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { answerOf, questionNamed } from '../../core/questions.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { requireProject } from '../project-context.js';
import { declareOptions, givenOptions } from '../question-options.js';

export default class GraphGenerator extends PodIngestionGenerator {
  private project?: ProjectConfig;
  private format: GraphFormat = 'mermaid';

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    declareOptions(this, GRAPH_QUESTIONS);
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.project.lang);
  }

  configuring(): void {
    const question = questionNamed(GRAPH_QUESTIONS, 'format');
    const format = String(answerOf(question, givenOptions(this, GRAPH_QUESTIONS)));
    const errors = question.check!(format, question.name);
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    this.format = format as GraphFormat;
  }

  end(): void {
    process.stdout.write(renderGraph(this.project!.pods, this.format));
  }
}
