// `yo pod-ingestion` / `pod-ingestion [destination]`: asks, hands the answers to the core, writes the project,
// then builds and pushes the image when asked. Files stay written if Docker fails.
import { activeLanguage, t, useLanguage } from '../../core/i18n/translate.js';
import { enclosingProjectLanguage, languageOfFolder } from '../saved-language.js';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { currentAnswers, resolveAppAnswers, savedOrigin, type AppPlan } from '../../core/app-answers.js';
import { APP_QUESTIONS } from '../../core/app-questions.js';
import { checkProjectPlace, nestedProjectQuestion, nestedProjectRefusal } from '../../core/destination.js';
import { shellWord } from '../../core/escape.js';
import { InvalidAnswersError } from '../../core/field-error.js';
import { isLanguage } from '../../core/i18n/language.js';
import { PROJECT_LANGUAGE_QUESTION } from '../../core/language-questions.js';
import { pythonEndOfLifeWarning } from '../../core/python-version.js';
import type { ProjectConfig } from '../../core/project-config.js';
import type { RawAnswers } from '../../core/questions.js';
import { podsDirOf } from '../../core/pods-dir.js';
import { EXECUTABLE_FILES, renderProject, type FileSet } from '../../core/render-project.js';
import { formatSummary, publishImage } from '../../docker/publish-image.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { askQuestions, declareOptions, givenOptions, readAnswersFile } from '../question-options.js';
import { checkDestination } from '../destination-check.js';
import { refuseEditedManagedBlocks } from '../managed-block-guard.js';
import { writeNewProject } from '../new-project.js';
import { writePolicy } from '../write-policy.js';
import { baseFiles, GENERATED_DIR } from '../file-merge.js';
import {
  findEnclosingProject,
  keepsBase,
  projectConfigFile,
  readProjectConfig,
  saveProjectConfig,
  writeProjectFiles,
} from '../project-files.js';

export default class AppGenerator extends PodIngestionGenerator {
  static override languageQuestion = PROJECT_LANGUAGE_QUESTION;
  // The folder it runs in may be another project, whose language a new project does not inherit.
  static override speaksProjectLanguage = false;
  private answers: RawAnswers = {};
  private existing?: ProjectConfig;
  private plan?: AppPlan;
  private target = '';
  private files: FileSet = {};
  /** A new project is written whole, into a folder of its own; a re-run merges into the project in place. */
  private fresh = false;
  /** A re-run's current answers: the project's settings and package list. */
  private current: RawAnswers = {};
  /** Warnings already shown while asking (the end-of-life one comes when Python is answered, once). */
  private shownWarnings = new Set<string>();

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('destination', {
      type: String,
      required: false,
      description: 'folder of the project [default: ./<container>, or here when this folder is a project]',
    });
    this.origins.destination = { from: 'argument', name: 'destination' };
    declareOptions(this, APP_QUESTIONS);
  }

  async initializing(): Promise<void> {
    const destination = this.options.destination as string | undefined;
    if (destination !== undefined && destination.trim() === '') {
      throw new InvalidAnswersError([{ field: 'destination', value: destination, rule: t('app.emptyDestination') }]);
    }
    // A re-run inside (or on) an existing project starts from its saved answers, and speaks its language
    // from here on, the refusals of a bad .yo-rc.json included.
    this.useProjectLanguage(languageOfFolder(resolve(this.env.cwd, destination ?? '.')));
    // What no answer can mend is refused before any question: a file as the destination, a folder that cannot
    // be written. Where each file goes is checked again in configuring, once the files are known.
    checkDestination(resolve(this.env.cwd, destination ?? '.'), []);
    this.existing = readProjectConfig(resolve(this.env.cwd, destination ?? '.'));
    const given = givenOptions(this, APP_QUESTIONS);
    if (!this.existing) await checkNotInsideAProject(this, destination, given.defaults === true);
    // A re-run over a hand edit inside the DAG's managed blocks is refused before any question, too.
    else refuseEditedManagedBlocks(this, this.existing, resolve(this.env.cwd, destination ?? '.'));
    const { answers: fromFile, origins } = given.answers
      ? readAnswersFile(String(given.answers), APP_QUESTIONS)
      : { answers: {}, origins: {} };
    // An option given wins over the file, and is named as the option.
    Object.assign(this.origins, origins);
    for (const name of Object.keys(given)) delete this.origins[name];
    // The messages speak the project's language from here on: the answers file's, else the project's saved one.
    const lang = fromFile.lang ?? this.existing?.lang;
    if (isLanguage(lang)) this.useProjectLanguage(lang);
    // Its values are the defaults of the questions (asked in a terminal; taken as they are under --defaults).
    this.current = this.existing
      ? currentAnswers(this.existing, readIfPresent(join(resolve(this.env.cwd, destination ?? '.'), 'requirements.txt')))
      : {};
    this.answers = {
      ...fromFile,
      ...given,
      destination: destination ?? (this.existing ? basename(this.env.cwd) : undefined),
    };
  }

  async prompting(): Promise<void> {
    if (this.answers.defaults === true) return;
    this.answers = await askQuestions(
      this,
      APP_QUESTIONS,
      this.answers,
      t('prompt.advancedKubernetes'),
      (question, value) => {
        const warning = question.name === 'python' ? pythonEndOfLifeWarning(String(value).trim()) : undefined;
        if (warning && !this.shownWarnings.has(warning)) {
          this.shownWarnings.add(warning);
          this.warning(warning);
        }
      },
      this.current,
    );
  }

  configuring(): void {
    // What was neither given nor asked keeps the project's current value; the current package list given back
    // unchanged (Enter at its prompt) is not a new list: requirements.txt stays the user's, comments included.
    for (const name of Object.keys(this.current)) if (this.answers[name] === undefined) this.origins[name] = savedOrigin(name);
    this.answers = { ...this.current, ...this.answers };
    if (this.current.packages !== undefined && this.answers.packages === this.current.packages) delete this.answers.packages;
    const requirementsFile = String(this.answers.requirements ?? '');
    let requirementsText: string | undefined;
    if (requirementsFile) {
      try {
        requirementsText = readFileSync(resolve(this.env.cwd, requirementsFile), 'utf8');
      } catch (error) {
        throw new InvalidAnswersError([
          {
            field: 'requirements',
            value: requirementsFile,
            rule: t('app.requirementsUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }),
          },
        ]);
      }
    }
    this.plan = resolveAppAnswers(this.answers, requirementsText, this.existing);
    for (const warning of this.plan.warnings.filter((text) => !this.shownWarnings.has(text))) this.warning(warning);
    const destination = (this.options.destination as string | undefined) ?? (this.existing ? '.' : this.plan.config.container);
    this.target = resolve(this.env.cwd, destination);
    this.files = renderProject(this.plan.config, this.plan.requirementsText);
    // On a re-run, requirements.txt is the user's unless new packages were named.
    const packagesGiven = (this.answers.packages !== undefined && this.answers.packages !== '') || Boolean(this.answers.requirements);
    if (this.existing && !packagesGiven) delete this.files['requirements.txt'];
    checkDestination(this.target, [...Object.keys(this.files), '.yo-rc.json']);
    this.fresh = !existsSync(this.target) || readdirSync(this.target).length === 0;
    // Only now, with every answer valid and the destination checked, may a folder be created.
    if (!this.fresh) this.destinationRoot(this.target);
  }

  async writing(): Promise<void> {
    const { config } = this.plan!;
    if (this.fresh) {
      const files = {
        ...this.files,
        ...baseFiles(this.files, (path) => keepsBase(path, podsDirOf(config))),
        '.yo-rc.json': projectConfigFile(config),
      };
      await writeNewProject(this.target, files);
      for (const path of Object.keys(files).filter((path) => !path.startsWith(GENERATED_DIR)))
        this.log.create(relative(this.env.cwd, join(this.target, path)));
      this.destinationRoot(this.target);
      return;
    }
    await writeProjectFiles(this, this.files, config, writePolicy(this, this.answers.defaults === true));
    saveProjectConfig(this, config);
  }

  async end(): Promise<void> {
    for (const file of EXECUTABLE_FILES) chmodSync(this.destinationPath(file), 0o755);
    const { config, build, push, platform } = this.plan!;
    this.log(`\n${t('app.written', { folder: this.destinationRoot() })}`);
    if (!build) {
      this.log(
        t('app.next', { command: `cd ${shellWord(this.destinationRoot())} && pod-ingestion publish${config.repository ? ' --push' : ''}` }),
      );
      return;
    }
    const retry = `cd ${shellWord(this.destinationRoot())} && pod-ingestion publish${push ? ' --push' : ''}${platform ? ` --platform ${platform}` : ''}`;
    const summary = await publishImage({ context: this.destinationRoot(), config, push, platform, latest: false, retry }, (line) =>
      this.log(line),
    );
    this.log(`\n${formatSummary(summary, push)}`);
  }
}

function readIfPresent(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A mistyped command is refused; a new project inside another project's folder needs the user's yes. */
async function checkNotInsideAProject(generator: PodIngestionGenerator, destination: string | undefined, defaults: boolean): Promise<void> {
  const target = resolve(generator.env.cwd, destination ?? '.');
  const above = destination === undefined ? target : dirname(target);
  // The refusals (of the place, or of a bad .yo-rc.json above) and the question speak the enclosing project's
  // language; the new project still gets its own.
  const before = activeLanguage();
  generator.useProjectLanguage(enclosingProjectLanguage(above));
  const enclosingProject = findEnclosingProject(above);
  const facts = { destination: destination ?? '.', exists: existsSync(target), enclosingProject };
  if (!checkProjectPlace(facts).confirmNested) return useLanguage(before);
  if (defaults) throw nestedProjectRefusal(facts);
  const reply = await generator.prompt<{ nested: boolean }>([
    { type: 'confirm', name: 'nested', message: nestedProjectQuestion(facts), default: false },
  ]);
  if (!reply.nested) throw nestedProjectRefusal(facts);
  useLanguage(before);
}
