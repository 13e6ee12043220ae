// The user's hand edits survive `pod-ingestion pod`: edits to pod scripts, and to the DAG outside the blocks
// marked "pod-ingestion managed". A DAG whose markers were removed is refused, and nothing is written.
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDagReport, dagTasks, edgeSet, inspectDag } from './checkers/dag.js';
import { checkPython, PYTHON } from './checkers/python.js';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runBin } from './support/run-bin.js';
import { runGenerator } from './support/run-generator.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

const IMAGE = 'factory/line-pods:2.0';
const pythonReady = () => requireTool(toolMissing(PYTHON) ?? toolMissing('pyflakes3'), 'the edited DAG (ast graph and pyflakes3)');

/** A fresh copy of the base project (pods: collect), so each test starts from the same files. */
let base = '';
function copyOfBase(label: string): { project: string; dag: string } {
  const project = join(tempDir(label), 'line-pods');
  cpSync(base, project, { recursive: true });
  return { project, dag: join(project, 'dags/line_pods_pipeline.py') };
}

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('edits-base');
  const result = await runBin(
    ['line-pods', '--repository', 'factory', '--container', 'line-pods', '--tag', '2.0', '--pods', 'collect'],
    root,
  );
  expect(result.exitCode, result.output).toBe(0);
  base = join(root, 'line-pods');
  expect(existsSync(join(base, 'dags/line_pods_pipeline.py'))).toBe(true);
});

const POD_EDIT = '\n\ndef summarise(rows):\n    """Added by hand: must survive pod-ingestion pod."""\n    return len(rows)\n';
const HELPER =
  '\n# Hand-written helper: must survive pod-ingestion pod.\ndef on_failure_alert(context):\n    print("task failed:", context)\n\n';
const AFTER_WITH = '\n# Hand-written line after the with-block.\ndag.doc_md = "Factory pipeline, edited by hand"\n';

describe('pod-ingestion pod keeps hand edits', () => {
  it('keeps an edited pod script and DAG edits outside the managed blocks, over two additions', async () => {
    const { project, dag } = copyOfBase('edits');
    appendFileSync(join(project, 'pods/collect.py'), POD_EDIT);
    const podBefore = readFileSync(join(project, 'pods/collect.py'));
    let text = readFileSync(dag, 'utf8');
    // A helper after the imports, other tags, and a plain line after the with-block.
    const settings = text.indexOf('# >>> pod-ingestion managed: settings');
    expect(settings).toBeGreaterThan(0);
    text = `${text.slice(0, settings)}${HELPER}${text.slice(settings)}`;
    expect(text).toContain('tags=["pod-ingestion"]');
    text = text.replace('tags=["pod-ingestion"]', 'tags=["pod-ingestion", "factory", "hand-edited"]');
    text = `${text.replace(/\n*$/, '\n')}${AFTER_WITH}`;
    writeFileSync(dag, text);

    // First addition through yeoman-test, inside the project. yeoman-test passes force: true to generators
    // by default; a user's run has no --force.
    await runGenerator('pod')
      .cd(project)
      .withArguments(['clean_orders'])
      .withOptions({ after: 'collect', param: ['LINE_ID=1'], defaults: true, force: false } as Record<string, unknown>);
    // Second through the bin, as a user would.
    const second = await runBin(['pod', 'oee', '--after', 'clean_orders'], project);
    expect(second.exitCode, second.output).toBe(0);

    expect(readFileSync(join(project, 'pods/collect.py')).equals(podBefore)).toBe(true);
    const after = readFileSync(dag, 'utf8');
    expect(after).toContain(HELPER.trim());
    expect(after).toContain('tags=["pod-ingestion", "factory", "hand-edited"]');
    expect(after).toContain(AFTER_WITH.trim());
    // The user's part is byte for byte what it was: only the managed blocks changed (tasks, and the params in settings).
    const outsideTasks = (source: string) =>
      source.replace(/# >>> pod-ingestion managed: (\w+)[\s\S]*?# <<< pod-ingestion managed: \1/g, '<$1>');
    expect(outsideTasks(after)).toBe(outsideTasks(text));
    if (!pythonReady()) return;
    expect(checkPython([dag, join(project, 'pods')])).toEqual([]);
    const report = inspectDag(dag);
    expect(checkDagReport(report, IMAGE)).toEqual([]);
    expect(Object.keys(dagTasks(report)).sort()).toEqual(['clean_orders', 'collect', 'oee']);
    expect(edgeSet(report.edges)).toEqual(['clean_orders -> oee', 'collect -> clean_orders']);
    expect((dagTasks(report).clean_orders!.env_vars as Record<string, string>).LINE_ID).toBe('{{ params.LINE_ID }}');
  });

  it('keeps a pods/NAME.py written by hand before `pod NAME`, and adds its task', async () => {
    const { project, dag } = copyOfBase('handmade');
    const handmade = '"""Written by hand before the pod existed."""\nimport sys\n\nsys.exit(0)\n';
    writeFileSync(join(project, 'pods/manual_job.py'), handmade);
    const result = await runBin(['pod', 'manual_job', '--after', 'collect'], project);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('kept your pods/manual_job.py');
    expect(readFileSync(join(project, 'pods/manual_job.py'), 'utf8')).toBe(handmade);
    // The script is the user's: its test compiles it and checks its main guard instead of calling main(environ).
    expect(readFileSync(join(project, 'tests/test_manual_job.py'), 'utf8')).toContain('Smoke test of pods/manual_job.py');
    const saved = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'];
    expect(saved.pods.map((pod: { name: string }) => pod.name)).toEqual(['collect', 'manual_job']);
    if (!pythonReady()) return;
    const report = inspectDag(dag);
    expect(checkDagReport(report, IMAGE)).toEqual([]);
    expect(edgeSet(report.edges)).toEqual(['collect -> manual_job']);
  });

  const MARKERS = [
    [
      'the end marker of the tasks block',
      '    # <<< pod-ingestion managed: tasks\n',
      /"tasks" block .* is missing or incomplete.*Restore both marker lines/s,
    ],
    [
      'the start marker of the tasks block',
      / {4}# >>> pod-ingestion managed: tasks[^\n]*\n/,
      /"tasks" block .* is missing or incomplete.*Restore both marker lines/s,
    ],
    [
      'the start marker of the settings block',
      /# >>> pod-ingestion managed: settings[^\n]*\n/,
      /"settings" block .* is missing or incomplete.*Restore both marker lines/s,
    ],
  ] as const;
  for (const [what, marker, message] of MARKERS) {
    it(`refuses to add a pod when ${what} was deleted, and changes nothing`, async () => {
      const { project, dag } = copyOfBase('marker');
      const text = readFileSync(dag, 'utf8');
      const edited = text.replace(marker, '');
      expect(edited).not.toBe(text);
      writeFileSync(dag, edited);
      const before = snapshot(project);
      const result = await runBin(['pod', 'clean_parts', '--after', 'collect'], project);
      expect(result.exitCode, result.output).toBe(1);
      expect(result.stderr).toMatch(/dags\/line_pods_pipeline\.py/);
      expect(result.stderr).toMatch(message);
      // Our own refusal, printed as it is: no Yeoman banner, no prefix for an unexpected error.
      expect(result.stderr.startsWith('dags/line_pods_pipeline.py: the '), result.stderr).toBe(true);
      expect(snapshotDiff(before, snapshot(project))).toEqual([]);
      expect(existsSync(join(project, 'pods/clean_parts.py'))).toBe(false);
    });
  }
});
