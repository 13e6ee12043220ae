// `yo pod-ingestion:publish` / `pod-ingestion publish`: optionally changes the version everywhere the image is
// named, then builds and (with --push) pushes the image of the project.
import { t } from '../../core/i18n/translate.js';
import { InvalidAnswersError } from '../../core/field-error.js';
import { imageReference } from '../../core/image-reference.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { resolveNewTag } from '../../core/image-version.js';
import { PUBLISH_QUESTIONS } from '../../core/publish-questions.js';
import { dagPath, renderDag } from '../../core/render-project.js';
import { formatSummary, publishImage, type PublishSummary } from '../../docker/publish-image.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { refuseEditedManagedBlocks } from '../managed-block-guard.js';
import { changeBase } from '../file-merge.js';
import { requireProject } from '../project-context.js';
import { writePolicy } from '../write-policy.js';
import { saveProjectConfig, writeDeliberateEdit, writeProjectFiles } from '../project-files.js';
import { declareOptions, givenOptions } from '../question-options.js';

export default class PublishGenerator extends PodIngestionGenerator {
  /** The project as it was, and as it will be published (with the new tag, if any). */
  private before?: ProjectConfig;
  private project?: ProjectConfig;
  private summary?: PublishSummary;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    declareOptions(this, PUBLISH_QUESTIONS);
  }

  initializing(): void {
    this.before = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.before.lang);
  }

  configuring(): void {
    const { tag, errors } = resolveNewTag(this.before!.tag, givenOptions(this, PUBLISH_QUESTIONS));
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    this.project = { ...this.before!, tag };
    // A new tag rewrites the DAG's settings block.
    if (tag !== this.before!.tag) refuseEditedManagedBlocks(this, this.before!);
  }

  // Docker runs here, between validating and writing, unlike the other generators: files change only after the
  // build (and the push) succeeded, so a failure leaves the project as it was and the same command is the retry.
  async default(): Promise<void> {
    const push = this.options.push === true;
    const platform = String(this.options.platform ?? '');
    const latest = this.options.latest === true;
    const bump = givenOptions(this, PUBLISH_QUESTIONS);
    const retry = `pod-ingestion publish${bump.bump ? ` --bump ${String(bump.bump)}` : ''}${bump.tag ? ` --tag ${String(bump.tag)}` : ''}${push ? ' --push' : ''}${latest ? ' --latest' : ''}${platform ? ` --platform ${platform}` : ''}`;
    this.summary = await publishImage({ context: this.destinationRoot(), config: this.project!, push, platform, latest, retry }, (line) =>
      this.log(line),
    );
  }

  async writing(): Promise<void> {
    const before = this.before!;
    const project = this.project!;
    if (project.tag === before.tag) return;
    // A new version: the config, the DAG and the README all name the image; change them together.
    const path = dagPath(project);
    await writeProjectFiles(this, { [path]: renderDag(project) }, project, writePolicy(this));
    const readme = this.destinationPath('README.md');
    const renamed = (text: string) => text.replaceAll(imageReference(before), imageReference(project));
    if (this.fs.exists(readme)) writeDeliberateEdit(this, readme, renamed(this.fs.read(readme) ?? ''));
    changeBase(this, 'README.md', renamed);
    saveProjectConfig(this, project);
    this.log(t('publish.bumped', { before: before.tag, after: project.tag, dag: path }));
  }

  end(): void {
    this.log(`\n${formatSummary(this.summary!, this.options.push === true)}`);
  }
}
