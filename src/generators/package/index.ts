// `yo pod-ingestion:package SPEC...` / `pod-ingestion package SPEC...`: adds requirements, replacing a package already listed.
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InvalidAnswersError } from '../../core/field-error.js';
import { addRequirements, checkPackages } from '../../core/requirements.js';
import { requireProject } from '../project-context.js';
import { writeDeliberateEdit } from '../project-files.js';

export default class PackageGenerator extends Generator<Record<string, unknown>, BaseOptions & Record<string, unknown>> {
  constructor(args: string[], options: BaseOptions & Record<string, unknown>) {
    // The projects are Python: there is never an npm install to run.
    super(args, options, { customInstallTask: true });
    this.argument('specs', { type: Array, required: true, description: 'PEP 508 requirements (pandas==2.2.3 "pyarrow>=14,<20")' });
    this.option('defaults', { type: Boolean, description: 'accepted for symmetry; this command asks nothing' });
  }

  writing(): void {
    requireProject(this.destinationRoot());
    const specs = ([] as string[]).concat(this.options.specs as string[] | string);
    const errors = checkPackages('package', specs);
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    const target = this.destinationPath('requirements.txt');
    const change = addRequirements(this.fs.read(target, { defaults: '' }) ?? '', specs);
    for (const { before, after } of change.replaced) this.log(`replaced ${before} with ${after} in requirements.txt`);
    for (const spec of change.added) this.log(`added ${spec} to requirements.txt`);
    if (change.added.length === 0 && change.replaced.length === 0) this.log('requirements.txt already lists these; nothing changed');
    else writeDeliberateEdit(this, target, change.text);
  }
}
