// `yo pod-ingestion:doctor` / `pod-ingestion doctor`: reports the known flaws of a project folder (generated,
// adopted or hand-made) with file, line, why and fix. Changes nothing; exit code 1 when something was found.
import { doctorProject, formatFinding, type Finding } from '../../core/doctor-checks.js';
import type { AdoptMessageKey } from '../../core/i18n/adopt-en.js';
import { tAdopt } from '../../core/i18n/adopt-translate.js';
import { savedLanguage } from '../../core/saved-language.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { readProjectTexts, readScriptsFolder } from '../project-texts.js';

export default class DoctorGenerator extends PodIngestionGenerator {
  private findings: Finding[] = [];

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.option('defaults', { type: Boolean, description: 'accepted for symmetry; this command asks nothing' });
  }

  configuring(): void {
    const root = this.destinationRoot();
    const texts = readProjectTexts(root);
    // A project's saved language speaks for it (unless --lang); a hand-made folder has none: the locale decides.
    this.useProjectLanguage(savedLanguage(texts['.yo-rc.json']));
    this.findings = doctorProject(texts, new Date(), readScriptsFolder(root, texts));
  }

  end(): void {
    if (this.findings.length === 0) {
      this.log(tAdopt('doctor.none'));
      return;
    }
    for (const finding of this.findings) this.log(formatFinding(finding));
    const files = new Set(this.findings.map((finding) => finding.file));
    this.log(
      `\n${tAdopt('doctor.summary', {
        findings: counted(this.findings.length, 'doctor.findings.one', 'doctor.findings.many'),
        files: counted(files.size, 'doctor.files.one', 'doctor.files.many'),
      })}`,
    );
    // The bin's exit status tells scripts and CI that something was found.
    process.exitCode = 1;
  }
}

/** "1 finding" or "3 findings", in the run's language. */
function counted(count: number, one: AdoptMessageKey, many: AdoptMessageKey): string {
  return count === 1 ? tAdopt(one) : tAdopt(many, { count });
}
