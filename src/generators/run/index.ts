// `yo pod-ingestion:run` / `pod-ingestion run [TASK...]`: runs the pipeline locally, each task a container of
// the project's image, as Airflow would run it on Kubernetes.
import { t } from '../../core/i18n/translate.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { InvalidAnswersError } from '../../core/field-error.js';
import type { ProjectConfig } from '../../core/project-config.js';
import { answerOf, checkAnswer, questionNamed, repeatedValues, type RawAnswers } from '../../core/questions.js';
import { planRun, type RunPlan } from '../../core/run-plan.js';
import { RUN_QUESTIONS } from '../../core/run-questions.js';
import { formatRunTable, runPipeline } from '../../docker/run-pipeline.js';
import { ensureImage, prepareMounts } from '../../docker/run-preparation.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { requireProject } from '../project-context.js';
import { declareOptions, givenOptions } from '../question-options.js';

/** A run id that sorts by time and is safe in a folder name, a container name and a label. */
function newRunId(): string {
  return `local_${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}_${randomBytes(2).toString('hex')}`;
}

export default class RunGenerator extends PodIngestionGenerator {
  private project?: ProjectConfig;
  private answers: RawAnswers = {};
  private plan?: RunPlan;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('tasks', {
      type: Array,
      required: false,
      description: 'the tasks to run (their upstream tasks are taken as done); all when none',
    });
    this.origins.task = { from: 'argument', name: 'TASK' };
    declareOptions(this, RUN_QUESTIONS);
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.project.lang);
    this.answers = givenOptions(this, RUN_QUESTIONS);
  }

  configuring(): void {
    const value = (name: string) => answerOf(questionNamed(RUN_QUESTIONS, name), this.answers);
    const errors = RUN_QUESTIONS.flatMap((question) => checkAnswer(question, this.answers[question.name]));
    const conf = String(value('conf'));
    const confFile = String(value('conf-file'));
    if (conf && confFile) errors.push({ field: 'conf-file', value: confFile, rule: t('run.confBoth') });
    let confText = conf;
    if (confFile) {
      try {
        confText = readFileSync(resolve(this.destinationRoot(), confFile), 'utf8');
      } catch (error) {
        errors.push({
          field: 'conf-file',
          value: confFile,
          rule: t('run.confUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }),
        });
      }
    }
    if (errors.length > 0) throw new InvalidAnswersError(errors);
    const secretsDir = String(value('secrets-dir'));
    const tasks = ((this.options.tasks as string[] | undefined) ?? []).map(String);
    this.plan = planRun(
      this.project!,
      {
        tasks,
        downstream: value('downstream') === true,
        confText,
        confField: confFile ? 'conf-file' : 'conf',
        logicalDate: String(value('logical-date')),
        runId: newRunId(),
        sets: repeatedValues(this.answers.set),
        secretsDir: secretsDir ? resolve(this.destinationRoot(), secretsDir) : '',
        mounts: repeatedValues(this.answers.mount),
        retries: value('retries') !== false,
        projectDir: this.destinationRoot(),
      },
      (path) => existsSync(path) && statSync(path).isDirectory(),
    );
  }

  async end(): Promise<void> {
    const plan = this.plan!;
    const projectDir = this.destinationRoot();
    const print = (line: string) => process.stdout.write(`${line}\n`);
    const image = await ensureImage(projectDir, this.project!, this.answers.build !== false, print);
    const groupAdd = prepareMounts(plan.mounts);
    print(t('run.started', { run: plan.runId, tasks: plan.tasks.map((task) => task.id).join(', '), image, date: plan.logicalDate }));
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    // In a terminal, the task states are a frame redrawn under the containers' lines; elsewhere (logs, CI) a line
    // per state change. Loaded only here, so other commands never read it.
    const view =
      color && process.env.TERM !== 'dumb'
        ? (await import('../../docker/run-status-view.js')).startStatusView(process.stdout, color)
        : undefined;
    let record;
    try {
      record = await runPipeline({
        plan,
        image,
        projectDir,
        parallel: Number(answerOf(questionNamed(RUN_QUESTIONS, 'parallel'), this.answers)),
        groupAdd,
        print: view?.print ?? print,
        color,
        onChange: view?.update,
      });
    } finally {
      view?.close();
    }
    print(`\n${formatRunTable(record)}`);
    const succeeded = record.tasks.every((task) => task.state === 'success');
    if (record.interrupted) {
      print(t('run.interrupted'));
      process.exitCode = 130;
    } else if (!succeeded) {
      print(t('run.notAllSucceeded', { run: plan.runId }));
      process.exitCode = 1;
    }
  }
}
