// `yo pod-ingestion:publish` / `pod-ingestion publish`: optionally changes the version everywhere the image is
// named, then builds and (with --push) pushes the image of the project.
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InvalidAnswersError } from '../../core/field-error.js';
import { imageReference } from '../../core/image-reference.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { PUBLISH_QUESTIONS, resolveNewTag } from '../../core/publish-questions.js';
import { dagPath, renderDag } from '../../core/render-project.js';
import { formatSummary, publishImage } from '../../docker/publish-image.js';
import { requireProject } from '../project-context.js';
import { saveProjectConfig, writeDeliberateEdit, writeProjectFiles } from '../project-files.js';
import { declareOptions, givenOptions } from '../question-options.js';

export default class PublishGenerator extends Generator<Record<string, unknown>, BaseOptions & Record<string, unknown>> {
  private project?: ProjectConfig;

  constructor(args: string[], options: BaseOptions & Record<string, unknown>) {
    // The projects are Python: there is never an npm install to run.
    super(args, options, { customInstallTask: true });
    declareOptions(this, PUBLISH_QUESTIONS);
    this.option('defaults', { type: Boolean, description: 'accepted for symmetry; this command asks nothing' });
  }

  configuring(): void {
    const before = requireProject(this.destinationRoot());
    const answers = givenOptions(this, PUBLISH_QUESTIONS);
    const { tag, errors } = resolveNewTag(before.tag, answers);
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    this.project = { ...before, tag };
    if (tag === before.tag) return;
    // A new version: the config, the DAG and the README all name the image; change them together.
    const path = dagPath(this.project);
    writeProjectFiles(this, { [path]: renderDag(this.project) }, path, true);
    const readme = this.destinationPath('README.md');
    if (this.fs.exists(readme)) writeDeliberateEdit(this, readme, (this.fs.read(readme) ?? '').replaceAll(imageReference(before), imageReference(this.project)));
    saveProjectConfig(this, this.project);
    this.log(`Version ${before.tag} -> ${tag}: updated .yo-rc.json, ${path} and README.md.`);
  }

  async end(): Promise<void> {
    const push = this.options.push === true;
    const platform = String(this.options.platform ?? '');
    const latest = this.options.latest === true;
    const retry = `pod-ingestion publish${push ? ' --push' : ''}${latest ? ' --latest' : ''}${platform ? ` --platform ${platform}` : ''}`;
    const summary = await publishImage({ context: this.destinationRoot(), config: this.project!, push, platform, latest, retry }, (line) => this.log(line));
    this.log(`\n${formatSummary(summary, push)}`);
  }
}
