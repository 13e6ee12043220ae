// A re-run of the generator in a project asks every question with the project's current value as its default
// (packages: the current list), so Enter keeps things; a word typed at one question changes only that setting.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.js';
import { runGenerator } from './support/run-generator.js';
import { cleanupTempDirs, copyOfProject, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

const COMMENT = "# pinned for the plant's old server\n";
let base = '';

const copyOfBase = (label: string) => copyOfProject(base, label, 'plant');
const config = (project: string) => JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'];

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('rerun-questions');
  const made = await runBin(
    [
      'plant',
      '--defaults',
      '--repository',
      'smedina',
      '--container',
      'plant',
      '--tag',
      '1.4.0',
      '--python',
      '3.12',
      '--schedule',
      '@daily',
      '--packages',
      'pandas==2.2.3 requests',
      '--pods',
      'collect clean',
    ],
    root,
  );
  expect(made.exitCode, made.output).toBe(0);
  base = join(root, 'plant');
  // The user's own line in requirements.txt: a re-run that keeps the packages keeps the file as it is.
  const requirements = join(base, 'requirements.txt');
  writeFileSync(requirements, `${readFileSync(requirements, 'utf8')}${COMMENT}`);
});

describe('a re-run asks every question with the current value', () => {
  it('offers each saved setting and the current package list as defaults; Enter everywhere changes no byte', async () => {
    const project = copyOfBase('enter');
    const before = snapshot(project);
    const result = await runGenerator('app')
      .cd(project)
      .withOptions({ build: false } as Record<string, unknown>);
    const asked = Object.fromEntries(result.askedQuestions.map(({ name, answer }) => [name, answer]));
    expect(asked).toMatchObject({
      repository: 'smedina',
      container: 'plant',
      tag: '1.4.0',
      python: '3.12',
      schedule: '@daily',
      pods: 'collect clean',
      packages: 'pandas==2.2.3 requests',
    });
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it("a new answer at one question changes that setting only; the package list and the user's requirements.txt stay", async () => {
    const project = copyOfBase('tag');
    await runGenerator('app')
      .cd(project)
      .withOptions({ build: false } as Record<string, unknown>)
      .withAnswers({ tag: '1.5.0' });
    expect(config(project)).toMatchObject({ repository: 'smedina', container: 'plant', tag: '1.5.0', python: '3.12', schedule: '@daily' });
    expect(readFileSync(join(project, 'requirements.txt'), 'utf8')).toContain(COMMENT);
    expect(readFileSync(join(project, 'dags/plant_pipeline.py'), 'utf8')).toContain('smedina/plant:1.5.0');
  });

  it('a changed package list replaces requirements.txt with the list typed', async () => {
    const project = copyOfBase('packages');
    await runGenerator('app')
      .cd(project)
      .withOptions({ build: false } as Record<string, unknown>)
      .withAnswers({ packages: 'pandas==2.2.3 requests pyarrow' });
    const requirements = readFileSync(join(project, 'requirements.txt'), 'utf8');
    expect(requirements.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['pandas==2.2.3', 'requests', 'pyarrow']);
  });

  it('under --defaults the current values are taken as they are', async () => {
    const project = copyOfBase('defaults');
    const before = snapshot(project);
    const rerun = await runBin(['.', '--defaults'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });
});
