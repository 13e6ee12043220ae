// `yo pod-ingestion:adopt` / `pod-ingestion adopt [--dag FILE]`: brings a hand-made PRG_NAME project under the
// generator. Reads the old DAG (python/read_dag.py), the scripts and the build files; the core plans the
// configuration and the report; this writes .yo-rc.json, the new DAG and the generated files around the user's
// own. Scripts and the old DAG are never modified; the user's Dockerfile, run_in_docker.sh and README go
// through the usual conflict question (kept under --defaults).
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { planAdoption, UnsupportedDagError, type AdoptInput, type AdoptPlan } from '../../core/adopt-project.js';
import { ADOPT_QUESTIONS } from '../../core/adopt-questions.js';
import { isDagFile } from '../../core/doctor-checks.js';
import { PodIngestionError } from '../../core/errors.js';
import { InvalidAnswersError } from '../../core/field-error.js';
import { tAdopt } from '../../core/i18n/adopt-translate.js';
import { DEFAULT_PODS_DIR, normalizePodsDir, podsDirOf } from '../../core/pods-dir.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { checkAnswer, questionNamed, type RawAnswers } from '../../core/questions.js';
import { dagPath, renderProject } from '../../core/render-project.js';
import { savedLanguage } from '../../core/saved-language.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { refuseEditedManagedBlocks } from '../managed-block-guard.js';
import { readProjectConfig, saveProjectConfig, writeDeliberateEdit, writeProjectFiles } from '../project-files.js';
import { readProjectTexts } from '../project-texts.js';
import { writePolicy } from '../write-policy.js';
import { declareOptions, givenOptions } from '../question-options.js';
import { readDag } from '../read-dag.js';

export default class AdoptGenerator extends PodIngestionGenerator {
  private answers: RawAnswers = {};
  private plan?: AdoptPlan;
  private oldDag?: string;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    declareOptions(this, ADOPT_QUESTIONS);
  }

  initializing(): void {
    this.answers = givenOptions(this, ADOPT_QUESTIONS);
  }

  async configuring(): Promise<void> {
    const root = this.destinationRoot();
    const texts = readProjectTexts(root);
    // An adopted project's saved language speaks for it (unless --lang); a hand-made folder has none: the locale.
    this.useProjectLanguage(savedLanguage(texts['.yo-rc.json']));
    this.oldDag = findOldDag(root, this.answers, texts);
    const existing = readProjectConfig(root);
    const podsDir = findPodsDir(root, this.answers, existing);
    const scripts: Record<string, string> = {};
    if (existsSync(join(root, podsDir))) {
      for (const file of readdirSync(join(root, podsDir))
        .filter((name) => name.endsWith('.py'))
        .sort())
        scripts[file.slice(0, -3)] = readFileSync(join(root, podsDir, file), 'utf8');
    }
    this.plan = await planConfirmed(this, this.answers.defaults === true, {
      folderName: basename(root),
      dag: this.oldDag ? { path: this.oldDag, reading: await readDag(join(root, this.oldDag)) } : undefined,
      podsDir,
      scripts,
      dockerfile: texts.Dockerfile,
      runScript: texts['run_in_docker.sh'],
      requirements: texts['requirements.txt'],
      existing,
      answers: this.answers,
      today: new Date(),
    });
    // A second adoption rewrites the managed blocks: a hand edit inside them is refused, as by pod and a re-run.
    if (existing) refuseEditedManagedBlocks(this, existing);
    if (this.oldDag === dagPath(this.plan.config)) {
      throw new InvalidAnswersError([
        {
          field: 'dag',
          value: this.oldDag,
          rule: tAdopt('adopt.dagInPlace', { path: this.oldDag }),
        },
      ]);
    }
  }

  async writing(): Promise<void> {
    const { config, requirements } = this.plan!;
    const files = renderProject(config, '');
    // The user's requirements stay theirs (pruned only on request); the adopted scripts get smoke tests (renderProject).
    delete files['requirements.txt'];
    await writeProjectFiles(this, files, config, writePolicy(this, this.answers.defaults === true));
    if (requirements !== undefined) writeDeliberateEdit(this, this.destinationPath('requirements.txt'), requirements);
    saveProjectConfig(this, config);
  }

  end(): void {
    const generated = renderProject(this.plan!.config, '')['run_in_docker.sh'];
    const script = this.destinationPath('run_in_docker.sh');
    if (existsSync(script) && readFileSync(script, 'utf8') === generated) chmodSync(script, 0o755);
    this.log(`\n${tAdopt('adopt.adopted', { count: this.plan!.config.pods.length, dag: dagPath(this.plan!.config) })}`);
    if (this.plan!.report.length > 0) this.log(`${tAdopt('adopt.report')}\n${this.plan!.report.map((line) => `  - ${line}`).join('\n')}`);
  }
}

/**
 * The scripts folder: --pods-dir (checked, and it must be a folder of the project), else the one an earlier
 * adoption saved, else pods/. Refused before anything is read or written.
 */
function findPodsDir(root: string, answers: RawAnswers, existing: ProjectConfig | undefined): string {
  const given = typeof answers['pods-dir'] === 'string' && answers['pods-dir'].trim() !== '' ? answers['pods-dir'] : undefined;
  if (given === undefined) return existing ? podsDirOf(existing) : DEFAULT_PODS_DIR;
  const errors = checkAnswer(questionNamed(ADOPT_QUESTIONS, 'pods-dir'), given);
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  const folder = normalizePodsDir(given);
  if (!existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory())
    throw new InvalidAnswersError([{ field: 'pods-dir', value: given, rule: tAdopt('adopt.podsDirMissing') }]);
  return folder;
}

/** --dag, or the one DAG file that is not already the generator's. */
function findOldDag(root: string, answers: RawAnswers, texts: Record<string, string>): string | undefined {
  const given = typeof answers.dag === 'string' && answers.dag.trim() !== '' ? answers.dag.trim() : undefined;
  if (given) {
    const path = resolve(root, given);
    if (!existsSync(path)) throw new InvalidAnswersError([{ field: 'dag', value: given, rule: tAdopt('adopt.dagNotFound') }]);
    return relative(root, path).split('\\').join('/');
  }
  const candidates = Object.entries(texts)
    .filter(([path, text]) => path.endsWith('.py') && isDagFile(text) && !text.includes('# >>> pod-ingestion managed:'))
    .map(([path]) => path);
  if (candidates.length > 1)
    throw new InvalidAnswersError([{ field: 'dag', value: candidates.join(', '), rule: tAdopt('adopt.severalDags') }]);
  return candidates[0];
}

/**
 * The plan. Parts of the old DAG that adopt cannot carry stop it, nothing written, unless --skip-unsupported; in
 * a terminal they are listed and the user is asked (the answer defaults to no). --defaults, and a run without a
 * terminal (the bin passes --defaults), asks nothing and refuses. (A function: Yeoman runs methods as tasks.)
 */
async function planConfirmed(generator: PodIngestionGenerator, defaults: boolean, input: AdoptInput): Promise<AdoptPlan> {
  try {
    return planAdoption(input);
  } catch (error) {
    if (!(error instanceof UnsupportedDagError) || defaults) throw error;
    generator.log(error.listing);
    const question = [
      {
        type: 'confirm',
        name: 'skip',
        default: false,
        message: tAdopt('adopt.askSkip'),
      },
    ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
    const { skip } = (await generator.prompt(question)) as { skip: boolean };
    if (!skip) throw new PodIngestionError('invalid-answers', tAdopt('adopt.declined'));
    return planAdoption({ ...input, answers: { ...input.answers, 'skip-unsupported': true } });
  }
}
