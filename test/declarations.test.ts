// Declarations truly once: a question several commands share is one object with one help text; the
// answers <-> configuration mapping is one table read both ways; `pod` questions check their answers
// (so a prompt asks a bad one again at once, as the app's prompts do).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFromConfig, resolveAppAnswers } from '../src/core/app-answers.js';
import { APP_QUESTIONS } from '../src/core/app-questions.js';
import { PACKAGE_QUESTIONS } from '../src/core/package-questions.js';
import { podQuestions, POD_QUESTIONS } from '../src/core/pod-questions.js';
import { FINISH_ACTIONS, PULL_POLICIES, type ProjectConfig } from '../src/core/project-config.js';
import { PUBLISH_QUESTIONS } from '../src/core/publish-questions.js';
import { questionNamed, type Question } from '../src/core/questions.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { runGenerator } from './support/run-generator.js';

describe('shared declarations', () => {
  it('push, platform and tag have one help text in the generator and publish; every command takes the same --defaults', () => {
    for (const name of ['push', 'platform', 'tag']) {
      expect(questionNamed(PUBLISH_QUESTIONS, name).help, name).toBe(questionNamed(APP_QUESTIONS, name).help);
      expect(questionNamed(PUBLISH_QUESTIONS, name).check, name).toBe(questionNamed(APP_QUESTIONS, name).check);
    }
    const defaults = questionNamed(APP_QUESTIONS, 'defaults');
    for (const questions of [POD_QUESTIONS, PACKAGE_QUESTIONS, PUBLISH_QUESTIONS])
      expect(questionNamed(questions, 'defaults')).toEqual(defaults);
    // publish asks nothing, so none of its options is a prompt.
    expect(PUBLISH_QUESTIONS.filter((question) => question.message !== undefined)).toEqual([]);
  });

  it('the pull-policy and on-finish-action choices are the lists the configuration types are made from', () => {
    expect(questionNamed(APP_QUESTIONS, 'image-pull-policy').choices).toBe(PULL_POLICIES);
    expect(questionNamed(APP_QUESTIONS, 'on-finish-action').choices).toBe(FINISH_ACTIONS);
  });
});

describe('answers <-> configuration', () => {
  // Every answer differs from its default, so a field missing from the mapping cannot go unnoticed.
  const ANSWERS = {
    repository: 'ghcr.io/acme',
    container: 'line-pods',
    tag: 'v2.1',
    python: '3.11',
    pods: 'collect clean_orders',
    'pods-dir': 'src/jobs',
    'dag-id': 'line.pipeline',
    schedule: '@hourly',
    'output-dir': '/data/line',
    namespace: 'data',
    'image-pull-policy': 'IfNotPresent',
    'image-pull-secret': 'regcred',
    'on-finish-action': 'keep_pod',
    retries: '3',
    'retry-delay': '10',
    'cpu-request': '250m',
    'memory-request': '256Mi',
    'cpu-limit': '1',
    'memory-limit': '1Gi',
    'kubernetes-conn-id': 'k8s_lab',
    lang: 'pt-BR',
  };

  it('a configuration gives back the answers that made it, and those answers make it again', () => {
    const { config } = resolveAppAnswers(ANSWERS);
    expect(config.kubernetes).toMatchObject({ retries: 3, retryDelayMinutes: 10, imagePullPolicy: 'IfNotPresent' });
    expect(answersFromConfig(config)).toEqual(ANSWERS);
    expect(resolveAppAnswers(answersFromConfig(config)).config).toEqual(config);
    for (const question of APP_QUESTIONS.filter((item) => item.name in ANSWERS)) {
      expect(String(question.default({ container: ANSWERS.container })), question.name).not.toBe(
        ANSWERS[question.name as keyof typeof ANSWERS],
      );
    }
  });

  it('a project saved before a setting existed reads back with its default (output-dir)', () => {
    const { config } = resolveAppAnswers(ANSWERS);
    delete config.outputDir;
    expect(answersFromConfig(config)['output-dir']).toBe('/tmp/pod-ingestion-output');
  });

  it('pods-dir is saved only when it is not pods/ (a new project\'s .yo-rc.json stays as it was), "scripts/" as scripts', () => {
    expect('podsDir' in resolveAppAnswers({ ...ANSWERS, 'pods-dir': 'pods' }).config).toBe(false);
    expect(resolveAppAnswers({ ...ANSWERS, 'pods-dir': 'scripts/' }).config.podsDir).toBe('scripts');
    const { config } = resolveAppAnswers({ ...ANSWERS, 'pods-dir': 'pods' });
    expect(answersFromConfig(config)['pods-dir']).toBe('pods');
  });

  it('a re-run keeps the pods of the project with their settings and adds the new names', () => {
    const existing: ProjectConfig = resolveAppAnswers(ANSWERS).config;
    existing.pods[1] = { ...existing.pods[1]!, after: ['collect'], description: 'Cleans' };
    const { config } = resolveAppAnswers({ ...answersFromConfig(existing), pods: 'collect oee' }, undefined, existing);
    expect(config.pods.map((pod) => [pod.name, pod.after, pod.description])).toEqual([
      ['collect', [], ''],
      ['clean_orders', ['collect'], 'Cleans'],
      ['oee', [], ''],
    ]);
  });
});

describe('pod questions check their answers', () => {
  const { config } = resolveAppAnswers({ repository: 'acme', container: 'lab', tag: '1.0.0', pods: 'collect', defaults: true });
  const questions = podQuestions({ config, name: 'clean' });
  const verdict = (name: string, value: string) => (questionNamed(questions, name).check as NonNullable<Question['check']>)(value, name);

  it('refuses what addPod would refuse, naming the field', () => {
    expect(verdict('after', 'collect')).toEqual([]);
    expect(verdict('after', 'colect')[0]).toMatchObject({
      field: 'after',
      value: 'colect',
      rule: expect.stringMatching(/no pod of that name; the project has: collect/),
    });
    expect(verdict('after', 'clean')[0]?.rule).toMatch(/cannot run after itself/);
    // A repeatable question's check reads one value, spaces and all.
    expect(verdict('env', 'SQL=select * from t where a=1')).toEqual([]);
    expect(verdict('env', 'A')[0]).toMatchObject({ field: 'env', rule: expect.stringMatching(/KEY=VALUE/) });
    expect(verdict('param', 'LINE_ID=1')).toEqual([]);
    expect(verdict('param', 'RUN_DATE LINE_ID=1')[0]?.field).toBe('param');
    expect(verdict('param', '1BAD')[0]?.field).toBe('param');
    expect(verdict('secret', 'gcp-key:/var/secrets/gcp')).toEqual([]);
    expect(verdict('secret', 'gcp-key:/var/../etc')[0]?.field).toBe('secret');
    expect(verdict('description', 'x'.repeat(301))[0]?.field).toBe('description');
  });

  let project = '';
  beforeAll(async () => {
    const root = tempDir('pod-prompts');
    const made = await runBin(['plant', '--pods', 'collect'], root);
    expect(made.exitCode, made.output).toBe(0);
    project = join(root, 'plant');
  });
  afterAll(cleanupTempDirs);

  it('a prompt of `pod` asks a bad answer again, saying why; values given as repeated options are not re-asked', async () => {
    const verdicts: Record<string, unknown[]> = {};
    // Repeatable settings are asked one value per answer until an empty one: env gets one value here.
    const envValues = ['ZONE=raw'];
    await runGenerator('pod')
      .cd(project)
      .withArguments(['clean'])
      .withOptions({ secret: ['gcp-key:/var/secrets/gcp', 'aws-key:/var/secrets/aws'], force: false } as Record<string, unknown>)
      .withAnswers(
        { after: 'collect', description: 'Cleans' },
        {
          callback: (answer, { question }) => {
            const validate = (question as { validate: (input: string) => unknown }).validate;
            const message = String(question.message);
            if (question.name === 'after') verdicts.after = [validate('colect'), validate(String(answer))];
            if (message.startsWith('Constant environment variable')) {
              verdicts.env ??= [validate('ZONE'), validate('ZONE=raw')];
              return envValues.shift() ?? '';
            }
            if (message.startsWith('Secret')) verdicts.secret = ['asked'];
            return answer;
          },
        },
      );
    // A prompt's explanation names its question, not an option.
    expect(verdicts.after?.[0]).toBe(
      'the answer to "Runs after which pods (names separated by commas; empty for none)" "colect": no pod of that name; the project has: collect.',
    );
    expect(verdicts.after?.[1]).toBe(true);
    expect(verdicts.env?.[0]).toMatch(/^the answer to "Constant environment variable KEY=VALUE" "ZONE": an --env value is KEY=VALUE/);
    expect(verdicts.env?.[1]).toBe(true);
    expect(verdicts.secret).toBeUndefined();
    const saved = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'] as ProjectConfig;
    expect(saved.pods.find((pod) => pod.name === 'clean')).toMatchObject({
      after: ['collect'],
      env: [{ name: 'ZONE', value: 'raw' }],
      secrets: [{ secret: 'gcp-key' }, { secret: 'aws-key' }],
    });
  });
});
