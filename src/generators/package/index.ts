// `yo pod-ingestion:package SPEC...` / `pod-ingestion package SPEC...`: adds requirements, replacing a package already listed.
import { InvalidAnswersError } from '../../core/field-error.js';
import { addRequirements, checkPackages, type RequirementChange } from '../../core/requirements.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { requireProject } from '../project-context.js';
import { writeDeliberateEdit } from '../project-files.js';

export default class PackageGenerator extends PodIngestionGenerator {
  private change?: RequirementChange;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('specs', { type: Array, required: true, description: 'PEP 508 requirements (pandas==2.2.3 "pyarrow>=14,<20")' });
    this.option('defaults', { type: Boolean, description: 'accepted for symmetry; this command asks nothing' });
  }

  initializing(): void {
    requireProject(this.destinationRoot());
  }

  configuring(): void {
    const specs = ([] as string[]).concat(this.options.specs as string[] | string);
    const errors = checkPackages('package', specs);
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    this.change = addRequirements(this.fs.read(this.destinationPath('requirements.txt'), { defaults: '' }) ?? '', specs);
  }

  writing(): void {
    const change = this.change!;
    for (const { before, after } of change.replaced) this.log(`replaced ${before} with ${after} in requirements.txt`);
    for (const spec of change.added) this.log(`added ${spec} to requirements.txt`);
    if (change.added.length === 0 && change.replaced.length === 0) this.log('requirements.txt already lists these; nothing changed');
    else writeDeliberateEdit(this, this.destinationPath('requirements.txt'), change.text);
  }
}
