import { t } from './i18n/translate.js';
import { single, type Question } from './questions.js';
import { DEFAULTS } from './shared-questions.js';

/** The options of `pod-ingestion run [TASK...]`; the TASKs are the positional arguments. */
export const RUN_QUESTIONS: readonly Question[] = [
  {
    name: 'parallel',
    kind: 'string',
    help: 'how many tasks may run at the same time (independent tasks only)',
    default: () => '2',
    check: single((value) =>
      /^[1-9][0-9]{0,2}$/.test(value) ? undefined : { rule: t('rule.wholeNumber', { min: 1, max: 999 }), suggestion: '2' },
    ),
  },
  {
    name: 'conf',
    kind: 'string',
    help: "the DAG run's conf as a JSON object: values for the params (as when triggering the DAG)",
    default: () => '',
  },
  { name: 'conf-file', kind: 'string', help: 'a JSON file holding the conf (instead of --conf)', default: () => '' },
  {
    name: 'logical-date',
    kind: 'string',
    help: 'the logical date YYYY-MM-DD that {{ ds }}, {{ ds_nodash }} and {{ logical_date }} render to',
    default: () => new Date().toISOString().slice(0, 10),
    defaultHelp: 'today (UTC)',
  },
  {
    name: 'set',
    kind: 'repeatable',
    help: 'the value of an env var: TASK:KEY=VALUE for one task, KEY=VALUE for every task that has KEY',
    default: () => '',
  },
  {
    name: 'secrets-dir',
    kind: 'string',
    help: "a folder holding one folder per secret: DIR/<secret>/ is mounted read-only at the secret's mount path",
    default: () => '',
  },
  {
    name: 'mount',
    kind: 'repeatable',
    help: 'a host folder mounted into every task, HOST:CONTAINER (a stand-in for the bucket the pods share)',
    default: () => '',
  },
  {
    name: 'build',
    kind: 'boolean',
    help: 'build the image first when it is missing or older than the project files (--no-build uses it as it is)',
    default: () => true,
  },
  {
    name: 'retries',
    kind: 'boolean',
    help: "retry a failed task as the project's --retries says, without the delay (--no-retries: never)",
    default: () => true,
  },
  { name: 'downstream', kind: 'boolean', help: 'also run every task downstream of the named TASKs', default: () => false },
  DEFAULTS,
];
