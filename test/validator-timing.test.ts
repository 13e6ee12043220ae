// Every check of user input runs in linear time (issue 12, item 3: a mount-path pattern backtracked
// exponentially). Each validator gets 10 KB adversarial strings (long runs of the characters its patterns
// repeat, then a character that makes the match fail); the bound is a blow-up bound, not a speed target:
// a linear check takes milliseconds, a backtracking one minutes.
import { describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { checkContainer, checkRepository, checkTag, suggestImageName } from '../src/core/image-reference.js';
import { checkJinjaTemplate } from '../src/core/jinja-template.js';
import {
  checkDagId,
  checkEnvName,
  checkNamespace,
  checkPodName,
  checkQuantity,
  checkSchedule,
  checkSecretName,
  suggestIdentifier,
} from '../src/core/names.js';
import { splitPackages } from '../src/core/package-list.js';
import { addPod } from '../src/core/pipeline.js';
import { checkPython } from '../src/core/python-version.js';
import { checkPackages, checkRequirementsFile } from '../src/core/requirements.js';
import { suggestQuantity } from '../src/core/resources.js';

const SIZE = 10_000;
const BOUND_MS = 1_000;
const PIECES = [
  'a',
  'A',
  '0',
  '-',
  '.',
  '_',
  '/',
  ':',
  ' ',
  '#',
  '=',
  '@',
  '[',
  '(',
  '{{',
  '{%',
  '{#',
  '\\',
  "'",
  ',',
  ';',
  'a-',
  'a.',
  '/a',
  'a/',
  '-a',
  '1.',
  '==',
  'a:',
  '/-',
  'aA',
  '{{ a',
  "'a' ",
  'and ',
  ' #',
  'a a',
];
const ENDINGS = ['', '!', '\u0000', ' x'];

/** 10 KB strings: a piece repeated, then an ending that breaks the pattern; also behind a valid prefix. */
function adversarial(): string[] {
  const values: string[] = [];
  for (const piece of PIECES) {
    for (const ending of ENDINGS) {
      const run = piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE);
      values.push(`${run}${ending}`, `${['x=', 's:/', 'a'][values.length % 3]}${run}${ending}`);
    }
  }
  return values;
}

/** Milliseconds of one call; a slow call is timed again (a busy machine pauses a process; a blow-up repeats). */
function timeOf(run: () => unknown): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > BOUND_MS / 4; attempt += 1) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const project = resolveAppAnswers({ pods: 'collect', defaults: true }).config;
const VALIDATORS: Record<string, (value: string) => unknown> = {
  checkContainer,
  checkRepository,
  checkTag,
  suggestImageName,
  checkDagId,
  checkEnvName,
  checkNamespace,
  checkPodName,
  checkQuantity,
  suggestQuantity,
  checkSchedule,
  checkSecretName,
  suggestIdentifier,
  checkPython,
  checkJinjaTemplate,
  splitPackages,
  checkPackages: (value) => checkPackages('packages', splitPackages(value)),
  package: (value) => checkPackages('package', [value]),
  checkRequirementsFile: (value) => checkRequirementsFile('requirements', value),
  requirementsFileLines: (value) => checkRequirementsFile('requirements', `${value}\n${value}\\\n${value}`),
  '--env': (value) => safely(() => addPod(project, 'load', { env: value })),
  '--param': (value) => safely(() => addPod(project, 'load', { param: value })),
  '--secret': (value) => safely(() => addPod(project, 'load', { secret: value })),
  '--description': (value) => safely(() => addPod(project, 'load', { description: value })),
  '--after': (value) => safely(() => addPod(project, 'load', { after: value })),
  app: (value) =>
    safely(() =>
      resolveAppAnswers({
        repository: value,
        container: value,
        tag: value,
        pods: value,
        'dag-id': value,
        schedule: value,
        namespace: value,
        'cpu-request': value,
        defaults: true,
      }),
    ),
};

function safely(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

describe('validators run in linear time on 10 KB adversarial strings', () => {
  const values = adversarial();

  it('the mount path of the issue returns at once', () => {
    const started = performance.now();
    safely(() => addPod(project, 'sec', { secret: 'db:/var/secrets/database-credentials-prod:ro' }));
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });

  it.each(Object.keys(VALIDATORS))('%s', (name) => {
    const validator = VALIDATORS[name]!;
    let slowest = { ms: 0, value: '' };
    for (const value of values) {
      const ms = timeOf(() => validator(value));
      if (ms > slowest.ms) slowest = { ms, value };
    }
    expect(slowest.ms, `slowest input: ${JSON.stringify(slowest.value.slice(0, 40))}... (${slowest.value.length} chars)`).toBeLessThan(
      BOUND_MS,
    );
    console.log(`${name}: slowest of ${values.length} inputs ${slowest.ms.toFixed(1)} ms`);
  });
});
