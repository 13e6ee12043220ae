// The questions of `pod-ingestion pod NAME` (NAME itself is the positional argument). Each checks its
// answer with the same parser the pipeline uses (pod-settings.ts), so a prompt asks a bad answer again
// at once; given the project, the upstream names are checked against its pods too.
import type { FieldError } from './field-error.js';
import { checkUpstreams } from './pipeline.js';
import { parseAfter, parseDescription, parseEnv, parseParam, parseSecret, parseTaskId, podSettingsAnswers } from './pod-settings.js';
import type { PodSpec } from './project-config.js';
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

/** The pod questions; with `project` (its pods and the new pod's name), --after names only pods it has. */
export function podQuestions(project?: { pods: readonly PodSpec[]; name: string }): readonly Question[] {
  return [
    {
      name: 'after',
      kind: 'string',
      ask: 'always',
      message: 'Runs after which pods (names separated by commas; empty for none)',
      help: 'upstream pods, separated by commas (fan-in: --after a,b)',
      default: () => '',
      check: (value) => (project ? checkUpstreams(project.pods, project.name, parseAfter(value)) : []),
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
      check: parsed(parseParam),
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
export function podUpdateQuestions(pod: PodSpec, pods?: readonly PodSpec[]): Question[] {
  const current = podSettingsAnswers(pod);
  return podQuestions(pods ? { pods, name: pod.name } : undefined).map((question) =>
    question.name in current ? { ...question, default: () => current[question.name] ?? '' } : question,
  );
}
