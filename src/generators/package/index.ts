// `yo pod-ingestion:package SPEC...` / `pod-ingestion package SPEC...`: adds requirements, replacing a package already listed.
import { t } from '../../core/i18n/translate.js';
import { InvalidAnswersError } from '../../core/field-error.js';
import { checkPodsAgainstPackages } from '../../core/package-imports.js';
import { PACKAGE_QUESTIONS } from '../../core/package-questions.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { addRequirements, checkPackages, checkRequirementsFile, splitPackages, type RequirementChange } from '../../core/requirements.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { requireProject } from '../project-context.js';
import { changeBase } from '../file-merge.js';
import { writeDeliberateEdit } from '../project-files.js';
import { askForArgument, declareOptions } from '../question-options.js';

export default class PackageGenerator extends PodIngestionGenerator {
  private change?: RequirementChange;
  private specs: string[] = [];
  private project?: ProjectConfig;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('specs', {
      type: Array,
      required: false,
      description: 'PEP 508 requirements (pandas==2.2.3 "pyarrow>=14,<20"); asked when left out',
    });
    this.origins.package = { from: 'argument', name: 'SPEC' };
    declareOptions(this, PACKAGE_QUESTIONS);
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.project.lang);
  }

  async prompting(): Promise<void> {
    if (givenSpecs(this).length > 0) return;
    const answer = await askForArgument(this, {
      field: 'package',
      message: t('prompt.packagesToAdd'),
      usage: 'pod-ingestion package SPEC...',
      check: (value, field) => checkPackages(field, splitPackages(value)),
    });
    this.options.specs = splitPackages(answer);
  }

  configuring(): void {
    const project = this.project!;
    const specs = givenSpecs(this);
    const errors = checkPackages('package', specs);
    errors.push(
      ...checkPodsAgainstPackages(
        project.pods.map((pod) => pod.name),
        specs,
        'package',
      ),
    );
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    const change = addRequirements(this.fs.read(this.destinationPath('requirements.txt'), { defaults: '' }) ?? '', specs);
    // The file as pip will read it, the user's own lines included.
    const fileErrors = checkRequirementsFile('package', change.text).map((error) => ({
      ...error,
      origin: { from: 'file', path: 'requirements.txt' } as const,
    }));
    if (fileErrors.length > 0) throw new InvalidAnswersError(fileErrors);
    this.change = change;
    this.specs = specs;
  }

  writing(): void {
    const change = this.change!;
    for (const { before, after } of change.replaced) this.log(t('package.replaced', { before, after }));
    for (const spec of change.added) this.log(t('package.added', { spec }));
    if (change.added.length === 0 && change.replaced.length === 0) this.log(t('package.unchanged'));
    else {
      writeDeliberateEdit(this, this.destinationPath('requirements.txt'), change.text);
      changeBase(this, 'requirements.txt', (text) => addRequirements(text, this.specs).text);
    }
  }
}

// Not a method: Yeoman runs every method of a generator as a task.
function givenSpecs(generator: PodIngestionGenerator): string[] {
  return ([] as string[]).concat((generator.options.specs as string[] | string | undefined) ?? []);
}
