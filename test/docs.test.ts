// docs/options.md is produced from the option declarations; this test fails when they drift apart.
// Refresh it with: UPDATE_DOCS=1 npx vitest run test/docs.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADOPT_QUESTIONS } from '../src/core/adopt-questions.js';
import { APP_QUESTIONS } from '../src/core/app-questions.js';
import { GRAPH_QUESTIONS } from '../src/core/graph-questions.js';
import { PACKAGE_QUESTIONS } from '../src/core/package-questions.js';
import { POD_QUESTIONS } from '../src/core/pod-questions.js';
import { PUBLISH_QUESTIONS } from '../src/core/publish-questions.js';
import { RUN_QUESTIONS } from '../src/core/run-questions.js';
import { renderOptionsTable } from '../src/core/questions.js';
import { REMOVE_QUESTIONS } from '../src/core/remove-questions.js';
import { EVERY_COMMAND_QUESTION } from './support/every-question.js';
import { MESSAGES_LANGUAGE_QUESTION } from '../src/core/language-questions.js';

const DOC = new URL('../docs/options.md', import.meta.url);

function optionsDoc(): string {
  return [
    '# Options',
    '',
    '<!-- Produced from the option declarations in src/core/*-questions.ts by test/docs.test.ts; do not edit by hand. -->',
    '',
    'Every option is also a key of an `--answers` file and, where marked, a prompt. "advanced" prompts are asked only',
    'after answering yes to "Adjust the Kubernetes settings".',
    '',
    'Every command takes `--lang en|pt-BR`: a new project saves it in `.yo-rc.json` and its files and messages are in',
    "that language; inside a project it changes only the messages of that run (see the project command's table and",
    'the last one).',
    '',
    '## `pod-ingestion [destination]` / `yo pod-ingestion`',
    '',
    renderOptionsTable(APP_QUESTIONS),
    '',
    '## `pod-ingestion pod NAME` / `yo pod-ingestion:pod NAME`',
    '',
    'With `--update`, NAME is an existing pod and only the options given change it.',
    '',
    renderOptionsTable(POD_QUESTIONS),
    '',
    '## `pod-ingestion remove NAME` / `yo pod-ingestion:remove NAME`',
    '',
    renderOptionsTable(REMOVE_QUESTIONS),
    '',
    '## `pod-ingestion package SPEC...` / `yo pod-ingestion:package SPEC...`',
    '',
    'Each SPEC is a PEP 508 requirement; a package already listed has its line replaced.',
    '',
    renderOptionsTable(PACKAGE_QUESTIONS),
    '',
    '## `pod-ingestion publish` / `yo pod-ingestion:publish`',
    '',
    renderOptionsTable(PUBLISH_QUESTIONS),
    '',
    '## `pod-ingestion run [TASK...]` / `yo pod-ingestion:run [TASK...]`',
    '',
    renderOptionsTable(RUN_QUESTIONS),
    '',
    '## `pod-ingestion graph` / `yo pod-ingestion:graph`',
    '',
    renderOptionsTable(GRAPH_QUESTIONS),
    '',
    '## `pod-ingestion adopt` / `yo pod-ingestion:adopt`',
    '',
    renderOptionsTable(ADOPT_QUESTIONS),
    '',
    '## `pod-ingestion doctor` / `yo pod-ingestion:doctor`',
    '',
    'No options: reports known flaws of the project in the current folder; changes nothing.',
    '',
    '## `--lang` inside a project (`pod`, `remove`, `package`, `publish`, `run`, `graph`, `adopt`, `doctor`)',
    '',
    renderOptionsTable([MESSAGES_LANGUAGE_QUESTION]),
    '',
  ].join('\n');
}

describe('docs/options.md', () => {
  it('matches the option declarations', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, optionsDoc());
    expect(readFileSync(DOC, 'utf8')).toBe(optionsDoc());
  });

  it('lists every option of every generator', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const question of EVERY_COMMAND_QUESTION) expect(doc).toContain(`\`--${question.name}\``);
  });
});
