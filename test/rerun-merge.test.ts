// A re-run of the generator merges three ways (the version it generated last time, the user's file, the new
// rendering): a changed setting reaches an edited Dockerfile or README and the edit stays; an overlap is shown
// and settled by the write policy (asked in a terminal, the user's lines under --defaults, the new ones under
// --force); a project without a stored base gets the overwrite question as before.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeThreeWays } from '../src/core/three-way-merge.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, copyOfProject, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runGenerator } from './support/run-generator.js';

const USER_LINE = 'LABEL org.opencontainers.image.authors="data-team@example.com"';
const NOTE = '\n## Notes from the team\n\nThe collect pod reads the nightly export.\n';
let base = '';

const copyOfBase = (label: string) => copyOfProject(base, label, 'merging');
const read = (project: string, path: string) => readFileSync(join(project, path), 'utf8');
function edit(project: string, path: string, change: (text: string) => string): void {
  const before = read(project, path);
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(join(project, path), after);
}
/** The user's edits that do not touch what --python changes: a line in the Dockerfile, a section in the README. */
function userEdits(project: string): void {
  edit(project, 'Dockerfile', (text) => text.replace('ENV PYTHONUNBUFFERED=1\n', `ENV PYTHONUNBUFFERED=1\n${USER_LINE}\n`));
  edit(project, 'README.md', (text) => `${text}${NOTE}`);
}

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('merge-base');
  const made = await runBin(['merging', '--defaults', '--container', 'merging', '--pods', 'collect', '--python', '3.11'], root);
  expect(made.exitCode, made.output).toBe(0);
  base = join(root, 'merging');
});

describe('a new project keeps what it generated', () => {
  it('stores the base of every file a re-run rewrites (the DAG too), not of the pods; git commits them, .dockerignore leaves them out', () => {
    for (const path of [
      'Dockerfile',
      'README.md',
      'run_in_docker.sh',
      'requirements.txt',
      '.dockerignore',
      '.gitattributes',
      '.gitignore',
      'dags/merging_pipeline.py',
    ]) {
      expect(read(base, `.pod-ingestion/generated/${path}`), path).toBe(read(base, path));
    }
    for (const path of ['pods/collect.py', 'tests/test_collect.py', 'tests/test_dag_integrity.py'])
      expect(existsSync(join(base, '.pod-ingestion/generated', path)), path).toBe(false);
    if (!requireTool(toolMissing('git'), 'which files git ignores')) return;
    const project = copyOfBase('git');
    expect(spawnSync('git', ['init', '-q'], { cwd: project }).status).toBe(0);
    const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', path], { cwd: project }).status === 0;
    expect(ignored('.pod-ingestion/generated/Dockerfile')).toBe(false);
    expect(ignored('.pod-ingestion/runs/20260101T000000/run.json')).toBe(true);
    expect(read(project, '.dockerignore')).toMatch(/^\*$/m);
  });
});

describe('re-running with a changed setting', () => {
  it('merges a new Python version into an edited Dockerfile and README, keeps both, updates the base; a second re-run changes no byte', async () => {
    const project = copyOfBase('python');
    userEdits(project);
    const rerun = await runBin(['.', '--defaults', '--python', '3.12'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    const dockerfile = read(project, 'Dockerfile');
    expect(dockerfile).toContain(USER_LINE);
    expect(dockerfile).toContain('ARG PYTHON_VERSION=3.12\n');
    expect(dockerfile).not.toContain('ARG PYTHON_VERSION=3.11');
    const readme = read(project, 'README.md');
    expect(readme).toContain('slim Python 3.12');
    expect(readme).toContain(NOTE.trim());
    expect(rerun.stdout).toMatch(/^\s+merge Dockerfile$/m);
    expect(rerun.stdout).toMatch(/^\s+merge README\.md$/m);
    // The base is now what was generated this time: 3.12, without the user's line.
    const stored = read(project, '.pod-ingestion/generated/Dockerfile');
    expect(stored).toContain('ARG PYTHON_VERSION=3.12\n');
    expect(stored).not.toContain(USER_LINE);
    const before = snapshot(project);
    const again = await runBin(['.', '--defaults'], project);
    expect(again.exitCode, again.output).toBe(0);
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
    expect(again.stdout).not.toMatch(/^\s+(merge|update|conflict) /m);
  });

  it('an untouched file takes the new rendering (status update), under --defaults too', async () => {
    const project = copyOfBase('untouched');
    const rerun = await runBin(['.', '--defaults', '--python', '3.12'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    expect(read(project, 'Dockerfile')).toContain('ARG PYTHON_VERSION=3.12\n');
    expect(rerun.stdout).toMatch(/^\s+update Dockerfile$/m);
  });

  it('an overlapping edit under --defaults is kept and reported; the rest of the change still merges', async () => {
    const project = copyOfBase('overlap');
    userEdits(project);
    edit(project, 'Dockerfile', (text) => text.replace('ARG PYTHON_VERSION=3.11\n', 'ARG PYTHON_VERSION=3.11.9\n'));
    const rerun = await runBin(['.', '--defaults', '--python', '3.12'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    const dockerfile = read(project, 'Dockerfile');
    expect(dockerfile).toContain('ARG PYTHON_VERSION=3.11.9\n');
    expect(dockerfile).toContain(USER_LINE);
    expect(dockerfile).not.toContain('<<<<<<<');
    expect(rerun.stderr).toContain('Dockerfile, line 6: your edit and the new rendering change the same lines');
    expect(rerun.stderr).toContain('    ARG PYTHON_VERSION=3.12');
    expect(rerun.stderr).toContain('kept your lines there');
    expect(read(project, 'README.md')).toContain('slim Python 3.12');
  });

  it('--force takes the new lines where they overlap and keeps the other edits', async () => {
    const project = copyOfBase('force');
    userEdits(project);
    edit(project, 'Dockerfile', (text) => text.replace('ARG PYTHON_VERSION=3.11\n', 'ARG PYTHON_VERSION=3.11.9\n'));
    const rerun = await runBin(['.', '--defaults', '--force', '--python', '3.12'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    const dockerfile = read(project, 'Dockerfile');
    expect(dockerfile).toContain('ARG PYTHON_VERSION=3.12\n');
    expect(dockerfile).toContain(USER_LINE);
    expect(rerun.stderr).toContain('took the new lines there');
  });

  it('in a terminal the overlap is asked: conflict markers when chosen', async () => {
    const project = copyOfBase('asked');
    edit(project, 'Dockerfile', (text) => text.replace('ARG PYTHON_VERSION=3.11\n', 'ARG PYTHON_VERSION=3.11.9\n'));
    await runGenerator('app')
      .cd(project)
      .withOptions({ python: '3.12', force: false } as Record<string, unknown>)
      .withAnswers({ choice: 'markers' });
    const dockerfile = read(project, 'Dockerfile');
    expect(dockerfile).toContain(
      '<<<<<<< yours\nARG PYTHON_VERSION=3.11.9\n||||||| generated last time\nARG PYTHON_VERSION=3.11\n=======\nARG PYTHON_VERSION=3.12\n>>>>>>> generated now\n',
    );
  });

  it('a project without a stored base behaves as before: --defaults keeps the edited file, --force replaces it', async () => {
    const project = copyOfBase('no-base');
    rmSync(join(project, '.pod-ingestion'), { recursive: true });
    userEdits(project);
    const kept = await runBin(['.', '--defaults', '--python', '3.12'], project);
    expect(kept.exitCode, kept.output).toBe(0);
    expect(kept.output).toContain('kept your Dockerfile (it differs from the template; --force replaces it)');
    expect(read(project, 'Dockerfile')).toContain('ARG PYTHON_VERSION=3.11\n');
    // From now on there is a base: the one just generated.
    expect(read(project, '.pod-ingestion/generated/Dockerfile')).toContain('ARG PYTHON_VERSION=3.12\n');
    rmSync(join(project, '.pod-ingestion'), { recursive: true });
    const forced = await runBin(['.', '--defaults', '--force', '--python', '3.12'], project);
    expect(forced.exitCode, forced.output).toBe(0);
    expect(read(project, 'Dockerfile')).not.toContain(USER_LINE);
  });
});

describe('commands that change a generated file change its base too', () => {
  it("package: a later re-run with new --packages replaces the list without an overlap (the added line was the generator's)", async () => {
    const project = copyOfBase('package');
    const added = await runBin(['package', 'pandas==2.2.3'], project);
    expect(added.exitCode, added.output).toBe(0);
    expect(read(project, '.pod-ingestion/generated/requirements.txt')).toContain('pandas==2.2.3');
    const rerun = await runBin(['.', '--defaults', '--packages', 'polars==1.9.0'], project);
    expect(rerun.exitCode, rerun.output).toBe(0);
    expect(rerun.stderr).not.toContain('change the same lines');
    expect(read(project, 'requirements.txt')).toBe(read(project, '.pod-ingestion/generated/requirements.txt'));
    expect(read(project, 'requirements.txt')).toContain('polars==1.9.0');
    expect(read(project, 'requirements.txt')).not.toContain('pandas');
  });

  it('pod and remove: the README keeps its stored base in step (an untouched README still equals its base), so a re-run sees no edit', async () => {
    const project = copyOfBase('pod-readme');
    const added = await runBin(['pod', 'clean', '--after', 'collect'], project);
    expect(added.exitCode, added.output).toBe(0);
    expect(read(project, 'README.md')).toContain('clean');
    expect(read(project, '.pod-ingestion/generated/README.md')).toBe(read(project, 'README.md'));
    const removed = await runBin(['remove', 'clean'], project);
    expect(removed.exitCode, removed.output).toBe(0);
    expect(read(project, '.pod-ingestion/generated/README.md')).toBe(read(project, 'README.md'));
  });
});

describe('mergeThreeWays', () => {
  const base = 'a\nb\nc\nd\ne\n';
  it('decides without merging when only one side changed', () => {
    expect(mergeThreeWays(base, base, 'a\nB\nc\nd\ne\n')).toMatchObject({ kind: 'theirs', text: 'a\nB\nc\nd\ne\n' });
    expect(mergeThreeWays(base, 'a\nB\nc\nd\ne\n', base)).toMatchObject({ kind: 'ours', text: 'a\nB\nc\nd\ne\n' });
    expect(mergeThreeWays(base, 'x\n', 'x\n')).toMatchObject({ kind: 'identical' });
  });
  it('merges changes on different lines, and the same change made on both sides', () => {
    expect(mergeThreeWays(base, 'a\nB\nc\nd\ne\n', 'a\nb\nc\nD\ne\n')).toMatchObject({ kind: 'merged', text: 'a\nB\nc\nD\ne\n' });
    expect(mergeThreeWays(base, 'a\nB\nc\nd\ne\nf\n', 'a\nB\nc\nd\ne\n')).toMatchObject({ kind: 'merged', text: 'a\nB\nc\nd\ne\nf\n' });
  });
  it('an overlap: where, and each way of settling it', () => {
    const decision = mergeThreeWays(base, 'a\nb\nmine\nd\ne\nZ\n', 'a\nb\nnew\nd\ne\n');
    if (decision.kind !== 'overlap') throw new Error(`expected an overlap, got ${decision.kind}`);
    expect(decision.overlaps).toEqual([{ base: ['c'], ours: ['mine'], theirs: ['new'], oursLine: 3 }]);
    expect(decision.resolve('ours')).toBe('a\nb\nmine\nd\ne\nZ\n');
    expect(decision.resolve('theirs')).toBe('a\nb\nnew\nd\ne\nZ\n');
    expect(decision.resolve('markers')).toBe(
      'a\nb\n<<<<<<< yours\nmine\n||||||| generated last time\nc\n=======\nnew\n>>>>>>> generated now\nd\ne\nZ\n',
    );
  });
});
