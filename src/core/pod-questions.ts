import { podSettingsAnswers } from './pod-settings.js';
import type { PodSpec } from './project-config.js';
import type { Question } from './questions.js';

/** The questions of `pod-ingestion pod NAME`; NAME itself is the positional argument. */
export const POD_QUESTIONS: readonly Question[] = [
  { name: 'after', kind: 'string', ask: 'always', message: 'Runs after which pods (names separated by commas; empty for none)', help: 'upstream pods, separated by commas (fan-in: --after a,b)', default: () => '' },
  { name: 'env', kind: 'repeatable', ask: 'always', message: 'Constant environment variable KEY=VALUE', help: 'a constant environment variable KEY=VALUE (Airflow renders {{ ... }} in it)', default: () => '' },
  { name: 'param', kind: 'repeatable', ask: 'always', message: 'Run-time parameter from the DAG run conf, NAME or NAME=DEFAULT', help: 'an environment variable filled from the DAG run conf: NAME (required) or NAME=DEFAULT', default: () => '' },
  { name: 'secret', kind: 'repeatable', ask: 'always', message: 'Secret to mount, SECRET:/mount/path', help: 'a Kubernetes secret mounted read-only: SECRET:/mount/path', default: () => '' },
  { name: 'description', kind: 'string', ask: 'always', message: 'What does this pod do (one line)', help: "one line: the task's doc and the script's docstring", default: () => '' },
  { name: 'update', kind: 'boolean', help: 'change an existing pod: each option given replaces that setting (--after "" clears it), the others keep their values; alone in a terminal, asks each setting', default: () => false },
];

/** The questions of `pod NAME --update`: the same, with the pod's current settings as their defaults. */
export function podUpdateQuestions(pod: PodSpec): Question[] {
  const current = podSettingsAnswers(pod);
  return POD_QUESTIONS.map((question) => (question.name in current ? { ...question, default: () => current[question.name] ?? '' } : question));
}
