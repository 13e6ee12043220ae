// Grows the original project's six-pod pipeline, collect >> [clean x3] >> join >> oee, one
// `pod-ingestion pod` run at a time, and checks the DAG after every step with Python's ast and pyflakes3.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDagReport, dagTasks, edgeSet, inspectDag } from './checkers/dag.js';
import { renderDagRun } from './checkers/dag-run.js';
import { jinjaMissing } from './checkers/jinja.js';
import { checkPython, PYTHON } from './checkers/python.js';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

const IMAGE = 'ghcr.io/acme/factory-pods:1.4.2';

interface Step {
  name: string;
  args: string[];
  after: string[];
}

// The steps of the original pipeline, in the order a user would add them.
const STEPS: Step[] = [
  {
    name: 'clean_orders',
    args: ['--after', 'collect', '--param', 'RUN_DATE', '--param', 'LINE_ID=1', '--secret', 'gcp-key:/var/secrets/gcp'],
    after: ['collect'],
  },
  { name: 'clean_parts', args: ['--after', 'collect'], after: ['collect'] },
  { name: 'clean_confirmations', args: ['--after', 'collect', '--env', 'ZONE=processing'], after: ['collect'] },
  {
    name: 'join_zones',
    args: ['--after', 'clean_orders,clean_parts,clean_confirmations'],
    after: ['clean_orders', 'clean_parts', 'clean_confirmations'],
  },
  { name: 'oee', args: ['--after', 'join_zones', '--description', 'Computes OEE per line and day'], after: ['join_zones'] },
];

const EXPECTED_EDGES = [
  'collect -> clean_orders',
  'collect -> clean_parts',
  'collect -> clean_confirmations',
  'clean_orders -> join_zones',
  'clean_parts -> join_zones',
  'clean_confirmations -> join_zones',
  'join_zones -> oee',
].sort();

const pythonReady = () => requireTool(toolMissing(PYTHON) ?? toolMissing('pyflakes3'), 'the generated DAG (ast graph and pyflakes3)');

describe('pod-ingestion pod: growing the six-pod pipeline', () => {
  let project = '';
  let dag = '';

  /** The checks every step must pass: pyflakes-clean, the DAG checker's rules (test/checkers/dag.ts), the tasks. */
  function checkDag(expectedNodes: string[]) {
    expect(checkPython([dag])).toEqual([]);
    const report = inspectDag(dag);
    expect(checkDagReport(report, IMAGE)).toEqual([]);
    const tasks = dagTasks(report);
    expect(Object.keys(tasks).sort()).toEqual([...expectedNodes].sort());
    return { report, tasks };
  }

  beforeAll(async () => {
    const root = tempDir('pipeline');
    const result = await runBin(
      [
        'factory',
        '--repository',
        'ghcr.io/acme',
        '--container',
        'factory-pods',
        '--tag',
        '1.4.2',
        '--pods',
        'collect',
        '--dag-id',
        'factory',
      ],
      root,
    );
    expect(result.exitCode, result.output).toBe(0);
    project = join(root, 'factory');
    dag = join(project, 'dags/factory.py');
  });

  afterAll(cleanupTempDirs);

  it('starts with one task, collect', () => {
    if (!pythonReady()) return;
    expect(checkDag(['collect']).report.edges).toEqual([]);
  });

  const added: string[] = ['collect'];
  const expectedEdges: string[] = [];
  for (const step of STEPS) {
    it(`adds ${step.name} after ${step.after.join(', ')}`, async () => {
      const result = await runBin(['pod', step.name, ...step.args], project);
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain(`Added pods/${step.name}.py`);
      expect(readFileSync(join(project, 'pods', `${step.name}.py`), 'utf8')).toContain('def main(');
      added.push(step.name);
      expectedEdges.push(...step.after.map((upstream) => `${upstream} -> ${step.name}`));
      if (!pythonReady()) return;
      const { report, tasks } = checkDag(added);
      expect(edgeSet(report.edges)).toEqual([...expectedEdges].sort());
      expect((tasks[step.name]!.env_vars as Record<string, string>).PRG_NAME).toBe(`${step.name}.py`);
    });
  }

  it('ends with exactly the requested graph, and .yo-rc.json lists the six pods', () => {
    const saved = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'];
    expect(saved.pods.map((pod: { name: string }) => pod.name)).toEqual(['collect', ...STEPS.map((step) => step.name)]);
    expect(Object.fromEntries(saved.pods.map((pod: { name: string; after: string[] }) => [pod.name, pod.after]))).toEqual({
      collect: [],
      ...Object.fromEntries(STEPS.map((step) => [step.name, step.after])),
    });
    if (!pythonReady()) return;
    const { report, tasks } = checkDag(['collect', ...STEPS.map((step) => step.name)]);
    expect(edgeSet(report.edges)).toEqual(EXPECTED_EDGES);
    // What each option became in the task.
    expect(tasks.clean_confirmations!.env_vars).toEqual({
      PRG_NAME: 'clean_confirmations.py',
      RUN_DATE: '{{ ds }}',
      OUTPUT_DIR: '{{ params.OUTPUT_DIR }}',
      ZONE: 'processing',
    });
    expect(Object.keys(tasks.clean_orders!)).toContain('secrets');
    expect(report.imports).toContainEqual(expect.objectContaining({ module: 'airflow.providers.cncf.kubernetes.secret', name: 'Secret' }));
    expect(Object.keys(tasks.oee!)).toContain('doc_md');
    expect(readFileSync(join(project, 'pods/oee.py'), 'utf8')).toMatch(/^"""Computes OEE per line and day/);
  });

  it("the project's own unit tests pass; the DAG integrity test skips and says why", () => {
    if (!requireTool(toolMissing(PYTHON), "the generated project's unit tests")) return;
    const result = spawnSync(PYTHON, ['-B', '-m', 'unittest', 'discover', '-s', 'tests', '-v'], { cwd: project, encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    // Two tests per pod, two DAG integrity tests.
    expect(output).toMatch(/Ran 14 tests/);
    for (const name of ['collect', ...STEPS.map((step) => step.name)])
      expect(output).toMatch(
        new RegExp(`test_runs_with_its_parameters \\(test_${name}\\.\\w+\\.test_runs_with_its_parameters\\) \\.\\.\\. .*?ok`, 's'),
      );
    const airflowHere = spawnSync(PYTHON, ['-c', 'import airflow'], { encoding: 'utf8' }).status === 0;
    if (!airflowHere) {
      expect(output).toMatch(
        /test_no_import_errors .*\.\.\. skipped .Airflow is not installed here \(No module named 'airflow'\); install apache-airflow/,
      );
      expect(output).toMatch(/OK \(skipped=2\)/);
    }
  });

  it("renders the DAG's params with real Jinja2, as Airflow would: defaults, a conf that overrides them, a required one", () => {
    if (!pythonReady()) return;
    if (!requireTool(jinjaMissing(), 'rendering env_vars with Jinja2 (apt-get install python3-jinja2)')) return;
    expect((dagTasks(inspectDag(dag)).clean_orders!.env_vars as Record<string, string>).LINE_ID).toBe('{{ params.LINE_ID }}');
    // RUN_DATE is a required param of clean_orders: Airflow refuses a run whose conf lacks it.
    expect(renderDagRun(dag, {})).toEqual({ refused: "the run lacks required params ['RUN_DATE']" });
    const given = renderDagRun(dag, { RUN_DATE: '2026-01-31' });
    if ('refused' in given) throw new Error(given.refused);
    expect(given.tasks.clean_orders!.LINE_ID).toEqual({ value: '1' });
    expect(given.tasks.clean_orders!.PRG_NAME).toEqual({ value: 'clean_orders.py' });
    expect(given.tasks.clean_orders!.RUN_DATE).toEqual({ value: '2026-01-31' });
    const overridden = renderDagRun(dag, { LINE_ID: '7', RUN_DATE: '2026-02-02' }, '2026-03-03');
    if ('refused' in overridden) throw new Error(overridden.refused);
    expect(overridden.tasks.clean_orders!.LINE_ID).toEqual({ value: '7' });
    expect(overridden.tasks.clean_orders!.RUN_DATE).toEqual({ value: '2026-02-02' });
    // The other pods take the run's logical date.
    expect(overridden.tasks.oee!.RUN_DATE).toEqual({ value: '2026-03-03' });
  });
});
