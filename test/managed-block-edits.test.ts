// A hand edit inside a "pod-ingestion managed" block (the DAG's settings and tasks, the README's pipeline) would
// be lost when a command rewrites the block from .yo-rc.json: every command that does so refuses, names the
// block, shows the difference and writes nothing; --force replaces the block and keeps edits outside it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findManagedBlockEdits } from '../src/core/managed-block-edits.js';
import { unifiedDiff } from '../src/core/line-diff.js';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, copyOfProject, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

const DAG = 'dags/edited_pipeline.py';
let base = '';

const copyOfBase = (label: string) => copyOfProject(base, label, 'edited');

function editFile(project: string, path: string, from: string | RegExp, to: string): void {
  const file = join(project, path);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${from} not found in ${path}`).not.toBe(text);
  writeFileSync(file, edited);
}

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('managed-base');
  const made = await runBin(['edited', '--defaults', '--container', 'edited', '--pods', 'collect'], root);
  expect(made.exitCode, made.output).toBe(0);
  base = join(root, 'edited');
  const grown = await runBin(['pod', 'clean', '--after', 'collect'], base);
  expect(grown.exitCode, grown.output).toBe(0);
});

// Each command that rewrites the blocks, with its arguments.
const COMMANDS: [string, string[]][] = [
  ['pod NAME', ['pod', 'report', '--after', 'clean']],
  ['pod NAME --update', ['pod', 'clean', '--update', '--env', 'ZONE=raw']],
  ['remove NAME', ['remove', 'clean']],
  ['a re-run of the generator', ['.', '--defaults', '--retries', '3']],
  ['publish --bump', ['publish', '--bump', 'patch']],
];

describe('an edited managed block is refused and kept', () => {
  it('in a terminal, `pod NAME` and a re-run refuse it before any question: no answer would mend it', async () => {
    const project = copyOfBase('tasks-edit-asked');
    editFile(project, DAG, 'get_logs=True,', 'get_logs=False,  # edited by hand');
    for (const args of [['pod', 'report'], ['.']]) {
      const run = await runInTerminal(args, project);
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(`the "tasks" block of ${DAG}`);
      expect(run.output, args.join(' ')).not.toMatch(/Runs after which pods|Docker repository/);
    }
  });

  for (const [command, args] of COMMANDS) {
    it(`${command}: refuses an edit in the DAG's tasks block, names it, shows it, writes nothing`, async () => {
      const project = copyOfBase('tasks-edit');
      editFile(project, DAG, 'get_logs=True,', 'get_logs=False,  # edited by hand');
      const before = snapshot(project);
      const result = await runBin(args, project);
      expect(result.exitCode, result.output).toBe(1);
      expect(result.stderr).toContain(`the "tasks" block of ${DAG}`);
      expect(result.stderr).toContain('-        get_logs=True,');
      expect(result.stderr).toContain('+        get_logs=False,  # edited by hand');
      expect(result.stderr).toContain('--force');
      expect(snapshotDiff(before, snapshot(project))).toEqual([]);
    });
  }

  it("refuses an edit in the README's pipeline block and in the DAG's settings block, naming both", async () => {
    const project = copyOfBase('readme-edit');
    editFile(project, 'README.md', 'task_collect --> task_clean', 'task_collect -.-> task_clean');
    editFile(project, DAG, /NAMESPACE = "airflow"/, 'NAMESPACE = "prod"');
    const before = snapshot(project);
    const result = await runBin(['pod', 'report', '--after', 'clean'], project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain(`the "settings" block of ${DAG}`);
    expect(result.stderr).toContain('the "pipeline" block of README.md');
    expect(result.stderr).toContain('+  task_collect -.-> task_clean');
    expect(result.stderr).toContain('+NAMESPACE = "prod"');
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it('--force replaces the edited block, and keeps the edits outside the blocks', async () => {
    const project = copyOfBase('forced');
    editFile(project, DAG, 'get_logs=True,', 'get_logs=False,  # edited by hand');
    editFile(project, DAG, 'tags=["pod-ingestion"]', 'tags=["pod-ingestion", "mine"]');
    const result = await runBin(['pod', 'report', '--after', 'clean', '--force'], project);
    expect(result.exitCode, result.output).toBe(0);
    const dag = readFileSync(join(project, DAG), 'utf8');
    expect(dag).not.toContain('# edited by hand');
    expect(dag).toContain('task_id="report"');
    expect(dag).toContain('tags=["pod-ingestion", "mine"]');
  });

  it("a block the generator wrote from an older .yo-rc.json is no hand edit: the DAG's stored base tells them apart", async () => {
    const project = copyOfBase('config-edit');
    editFile(project, '.yo-rc.json', '"namespace": "airflow"', '"namespace": "prod"');
    const result = await runBin(['pod', 'report', '--after', 'clean'], project);
    expect(result.exitCode, result.output).toBe(0);
    expect(readFileSync(join(project, DAG), 'utf8')).toContain('NAMESPACE = "prod"');
    // The base follows each write of the DAG: a second command goes through as well.
    const second = await runBin(['remove', 'report'], project);
    expect(second.exitCode, second.output).toBe(0);
  });

  it('without the stored base (a project from before it), the blocks are compared with what .yo-rc.json renders', async () => {
    const project = copyOfBase('no-base');
    rmSync(join(project, '.pod-ingestion'), { recursive: true });
    editFile(project, DAG, 'get_logs=True,', 'get_logs=False,');
    const result = await runBin(['pod', 'report', '--after', 'clean'], project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain(`${DAG} "tasks" block, from .yo-rc.json`);
  });

  it('an unedited project goes through (the check compares with what .yo-rc.json renders, not with a template)', async () => {
    const project = copyOfBase('clean');
    const result = await runBin(['pod', 'report', '--after', 'clean'], project);
    expect(result.exitCode, result.output).toBe(0);
  });
});

describe('the comparison', () => {
  const file = '# >>> pod-ingestion managed: tasks\na\nb\nc\n# <<< pod-ingestion managed: tasks\n';
  it('finds only blocks that differ, and shows the lines', () => {
    expect(findManagedBlockEdits('x.py', `mine\n${file}`, file)).toEqual([]);
    const [edit, ...rest] = findManagedBlockEdits('x.py', file.replace('b', 'B'), file);
    expect(rest).toEqual([]);
    expect(edit!.block).toBe('tasks');
    expect(edit!.diff.split('\n').slice(2)).toEqual([
      '@@ -1,5 +1,5 @@',
      ' # >>> pod-ingestion managed: tasks',
      ' a',
      '-b',
      '+B',
      ' c',
      ' # <<< pod-ingestion managed: tasks',
    ]);
  });
  it('a block missing from the file is not an edit (a lost marker is refused elsewhere)', () => {
    expect(findManagedBlockEdits('x.py', 'no blocks\n', file)).toEqual([]);
  });
  it('unifiedDiff: separate hunks with their own line numbers, nothing for equal texts', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', '');
    expect(unifiedDiff(before, before, { old: 'a', new: 'b' })).toBe('');
    const diff = unifiedDiff(before, after, { old: 'a', new: 'b' }, 1).split('\n');
    expect(diff.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,3 +1,3 @@', '@@ -17,3 +17,2 @@']);
  });
});
