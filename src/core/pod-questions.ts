// The questions of `pod-ingestion pod NAME` (NAME itself is the positional argument). Each checks its
// answer with the same parser the pipeline uses (pod-settings.ts), so a prompt asks a bad answer again
// at once; given the project, the upstream names are checked against its pods too.
import type { FieldError } from './field-error.js';
import { checkUpstreams } from './pipeline.js';
import { parseAfter, parseDescription, parseEnv, parseParam, parseSecret, parseTaskId, podSettingsAnswers } from './pod-settings.js';
import { checkDagParams } from './dag-params.js';
import { newPod, type PodSpec, type ProjectConfig } from './project-config.js';
import { DEFAULTS } from './shared-questions.js';
import type { Question } from './questions.js';

/** A Question.check made from a pod-settings parser of one value, which reports into a list. */
function parsed(parse: (value: string, errors: FieldError[]) => unknown): (value: string) => FieldError[] {
  return (value) => {
    const errors: FieldError[] = [];
    parse(value, errors);
    return errors;
  };
}

/** A param of the pod `name` measured against the DAG: one default per name, none missing on a schedule. */
function checkParamInDag(project: { config: ProjectConfig; name: string }, value: string): FieldError[] {
  const errors = parsed(parseParam)(value);
  if (errors.length > 0) return errors;
  const { config, name } = project;
  const pod = { ...newPod(name), params: [parseParam(value, [])] };
  return checkDagParams({ ...config, pods: [...config.pods.filter((other) => other.name !== name), pod] }, 'param');
}

/**
 * The pod questions; with `project` (its settings and the pod's name), --after names only pods it has and a
 * param is checked against the DAG's schedule and other params, so that a prompt asks again at once.
 */
export function podQuestions(project?: { config: ProjectConfig; name: string }): readonly Question[] {
  return [
    {
      name: 'after',
      kind: 'string',
      ask: 'always',
      message: 'Runs after which pods (names separated by commas; empty for none)',
      help: 'upstream pods, separated by commas (fan-in: --after a,b)',
      default: () => '',
      check: (value) => (project ? checkUpstreams(project.config.pods, project.name, parseAfter(value)) : []),
    },
    {
      name: 'env',
      kind: 'repeatable',
      ask: 'always',
      message: 'Constant environment variable KEY=VALUE',
      help: 'a constant environment variable KEY=VALUE (Airflow renders {{ ... }} in it)',
      default: () => '',
      check: parsed(parseEnv),
    },
    {
      name: 'param',
      kind: 'repeatable',
      ask: 'always',
      message: 'DAG param passed as an environment variable, NAME or NAME=DEFAULT',
      help: 'an Airflow DAG param passed to the pod as an environment variable ({{ params.NAME }}; a run conf overrides it): NAME (required, not on a scheduled DAG) or NAME=DEFAULT',
      default: () => '',
      check: (value) => (project ? checkParamInDag(project, value) : parsed(parseParam)(value)),
    },
    {
      name: 'secret',
      kind: 'repeatable',
      ask: 'always',
      message: 'Secret to mount, SECRET:/mount/path',
      help: 'a Kubernetes secret mounted read-only: SECRET:/mount/path',
      default: () => '',
      check: parsed(parseSecret),
    },
    {
      name: 'task-id',
      kind: 'string',
      default: () => '',
      check: parsed(parseTaskId),
      help: 'the task id in the DAG when it is not the script name (an adopted task keeps its id)',
    },
    {
      name: 'description',
      kind: 'string',
      ask: 'always',
      message: 'What does this pod do (one line)',
      help: "one line: the task's doc and the script's docstring",
      default: () => '',
      check: parsed(parseDescription),
    },
    {
      name: 'update',
      kind: 'boolean',
      default: () => false,
      help: 'change an existing pod: each option given replaces that setting (--after "" clears it), the others keep their values; alone in a terminal, asks each setting',
    },
    DEFAULTS,
  ];
}

/** The pod questions as --help and docs/options.md show them (no project at hand). */
export const POD_QUESTIONS = podQuestions();

/** The questions of `pod NAME --update`: the same, with the pod's current settings as their defaults. */
export function podUpdateQuestions(pod: PodSpec, config?: ProjectConfig): Question[] {
  const current = podSettingsAnswers(pod);
  return podQuestions(config ? { config, name: pod.name } : undefined).map((question) =>
    question.name in current ? { ...question, default: () => current[question.name] ?? '' } : question,
  );
}
