// Inside a project, a mistyped subcommand is refused with "did you mean" instead of starting a new project,
// and a new project inside another project's folder needs a yes (refused under --defaults). `pod` and
// `package` with nothing to add ask for it in a terminal and are refused, saying how, without one.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import helpers from 'yeoman-test';
import { commandLike, editDistance } from '../src/core/destination.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { generatorPath } from './support/run-generator.js';

afterAll(cleanupTempDirs);

let project = '';

beforeAll(async () => {
  const root = tempDir('destination');
  const made = await runBin(['plant', '--pods', 'collect', '--repository', '127.0.0.1:5000/acme', '--defaults'], root);
  expect(made.exitCode, made.output).toBe(0);
  project = join(root, 'plant');
});

/** A compiled generator run in a folder of ours (yeoman-test neither empties nor deletes it). */
function runIn(name: 'app' | 'pod' | 'package', cwd: string) {
  return helpers.run(generatorPath(name), { namespace: `pod-ingestion:${name}`, tmpdir: false, cwd, autoCleanup: false });
}

describe('edit distance and the command a word meant', () => {
  it.each([
    ['publsh', 'publish'],
    ['pubilsh', 'publish'],
    ['publis', 'publish'],
    ['pakage', 'package'],
    ['packages', 'package'],
    ['pdo', 'pod'],
    ['pods', 'pod'],
  ])('%s -> %s', (word, command) => expect(commandLike(word)).toBe(command));

  it.each(['factory', 'orders-2026', 'ingestion'])('%s is no command', (word) => expect(commandLike(word)).toBeUndefined());

  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('publish', 'publish')).toBe(0);
    expect(editDistance('publsh', 'publish')).toBe(1);
    expect(editDistance('pubilsh', 'publish')).toBe(1);
    expect(editDistance('pbulsih', 'publish')).toBe(2);
    expect(editDistance('abc', 'pod')).toBe(3);
  });
});

describe('inside a project', () => {
  it('`publsh --push` is refused with "did you mean", and writes no publsh/ folder', async () => {
    const before = snapshot(project);
    const result = await runBin(['publsh', '--push'], project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain('the destination argument "publsh": inside the project');
    expect(result.stderr).toContain('did you mean `pod-ingestion publish`?');
    // Said once: no "Try:" repeating the command the rule already names.
    expect(result.stderr).not.toContain('Try: pod-ingestion publish');
    expect(existsSync(join(project, 'publsh'))).toBe(false);
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it('an existing folder named like a command is no typo, but still a project inside a project: refused under --defaults', async () => {
    const before = snapshot(project);
    const result = await runBin(['pods', '--defaults'], project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).not.toContain('did you mean');
    expect(result.stderr).toContain('the destination argument "pods": that folder is inside the project');
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it('a new project in a subfolder is asked about: no writes nothing, yes makes it', async () => {
    const sub = join(project, 'sub');
    mkdirSync(sub, { recursive: true });
    await expect(runIn('app', sub).withArguments(['inner']).withAnswers({ nested: false })).rejects.toThrow(/inner.*inside the project/s);
    expect(existsSync(join(sub, 'inner'))).toBe(false);
    await runIn('app', sub)
      .withArguments(['inner'])
      .withAnswers({ nested: true })
      .withOptions({ pods: 'collect', defaults: false, build: false, push: false } as object);
    expect(existsSync(join(sub, 'inner/.yo-rc.json'))).toBe(true);
  });

  it('a re-run in the project itself is not a new project', async () => {
    const result = await runBin(['--defaults'], project);
    expect(result.exitCode, result.output).toBe(0);
  });
});

describe('pod and package with nothing to add', () => {
  it('`pod` asks for the name in a terminal, re-asking a bad one', async () => {
    const copy = join(tempDir('pod-name'), 'plant');
    cpSync(project, copy, { recursive: true });
    await runIn('pod', copy).withAnswers({ name: 'clean_orders', after: 'collect', description: '' });
    expect(existsSync(join(copy, 'pods/clean_orders.py'))).toBe(true);
    expect(readFileSync(join(copy, 'dags/plant_pipeline.py'), 'utf8')).toContain('task_id="clean_orders"');
  });

  it('`pod` and `package` without a terminal refuse, saying how to give it, and write nothing', async () => {
    const before = snapshot(project);
    const pod = await runBin(['pod'], project);
    expect(pod.exitCode, pod.output).toBe(1);
    expect(pod.stderr).toContain('the NAME argument "": it is needed: pod-ingestion pod NAME');
    const pkg = await runBin(['package'], project);
    expect(pkg.exitCode, pkg.output).toBe(1);
    expect(pkg.stderr).toContain('the SPEC argument "": it is needed: pod-ingestion package SPEC...');
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it('`package` asks for the specs in a terminal', async () => {
    const copy = join(tempDir('package-specs'), 'plant');
    cpSync(project, copy, { recursive: true });
    await runIn('package', copy).withAnswers({ package: 'pandas==2.2.3 requests' });
    expect(readFileSync(join(copy, 'requirements.txt'), 'utf8')).toMatch(/pandas==2\.2\.3\nrequests\n/);
  });
});
