// `yo pod-ingestion:doctor` / `pod-ingestion doctor`: reports the known flaws of a project folder (generated,
// adopted or hand-made) with file, line, why and fix. Changes nothing; exit code 1 when something was found.
import { doctorProject, formatFinding, type Finding } from '../../core/doctor-checks.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { readProjectTexts } from '../project-texts.js';

export default class DoctorGenerator extends PodIngestionGenerator {
  private findings: Finding[] = [];

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.option('defaults', { type: Boolean, description: 'accepted for symmetry; this command asks nothing' });
  }

  configuring(): void {
    this.findings = doctorProject(readProjectTexts(this.destinationRoot()));
  }

  end(): void {
    if (this.findings.length === 0) {
      this.log('doctor: no known flaw found.');
      return;
    }
    for (const finding of this.findings) this.log(formatFinding(finding));
    const files = new Set(this.findings.map((finding) => finding.file));
    this.log(
      `\ndoctor: ${this.findings.length} finding${this.findings.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}; nothing was changed.`,
    );
    // The bin's exit status tells scripts and CI that something was found.
    process.exitCode = 1;
  }
}
