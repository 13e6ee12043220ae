// DAG params: the pipeline's run-time parameters are Airflow Params on the DAG, read by the pods as
// {{ params.X }}; RUN_DATE is the run's logical date; a required param never meets a schedule, whichever way
// the project is changed. Airflow cannot be installed here: the DAG is rendered by test/checkers/dag-run.ts
// (the DAG read with ast, the env_vars rendered with real Jinja2 and StrictUndefined, Airflow's param rules).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDagParams, dagParams, podEnvironment, resolveParams } from '../src/core/dag-params.js';
import { planRun, RunRefusedError, type RunRequest } from '../src/core/run-plan.js';
import { CONFIG_KEY, type ProjectConfig } from '../src/core/project-config.js';
import { renderDagRun } from './checkers/dag-run.js';
import { jinjaMissing } from './checkers/jinja.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { requireTool } from './support/required-tool.js';

afterAll(cleanupTempDirs);

function readConfig(project: string): ProjectConfig {
  return (JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8')) as Record<string, ProjectConfig>)[CONFIG_KEY]!;
}

/** A local run of every task with this conf, on this logical date. */
function localRun(projectDir: string, conf: Record<string, unknown>, logicalDate: string): RunRequest {
  return {
    tasks: [],
    downstream: false,
    confText: JSON.stringify(conf),
    confField: 'conf',
    logicalDate,
    runId: 'local_test',
    sets: [],
    secretsDir: '',
    mounts: [],
    retries: true,
    projectDir,
  };
}

async function ok(args: string[], cwd: string) {
  const result = await runBin(args, cwd);
  expect(result.exitCode, result.output).toBe(0);
  return result;
}

/** A scheduled project of three pods sharing the param LINE_ID, one with a constant and one setting OUTPUT_DIR itself. */
let scheduled = '';
/** A project triggered by hand, whose pod `report` has the required param REPORT_DAY. */
let manual = '';

beforeAll(async () => {
  const root = tempDir('params');
  await ok(['daily', '--container', 'daily', '--pods', 'collect', '--schedule', '@daily'], root);
  scheduled = join(root, 'daily');
  await ok(['pod', 'clean_orders', '--after', 'collect', '--param', 'LINE_ID=1'], scheduled);
  await ok(
    ['pod', 'join_zones', '--after', 'clean_orders', '--param', 'LINE_ID=1', '--env', 'ZONE=consumer', '--env', 'OUTPUT_DIR=/mnt/zones'],
    scheduled,
  );
  await ok(['manual', '--container', 'manual', '--pods', 'collect'], root);
  manual = join(root, 'manual');
  await ok(['pod', 'report', '--after', 'collect', '--param', 'REPORT_DAY'], manual);
});

describe('the DAG of a scheduled project, rendered as Airflow would (real Jinja2, StrictUndefined)', () => {
  const dag = () => join(scheduled, 'dags/daily_pipeline.py');

  it('with an empty conf (a scheduled run), every pod gets its defaults and the run date', () => {
    if (!requireTool(jinjaMissing(), 'rendering the DAG with Jinja2 (apt-get install python3-jinja2)')) return;
    const run = renderDagRun(dag(), {}, '2026-03-14');
    expect(run).not.toHaveProperty('refused');
    if ('refused' in run) return;
    const values = (task: string) =>
      Object.fromEntries(Object.entries(run.tasks[task]!).map(([name, result]) => [name, result.value ?? result.error]));
    expect(values('collect')).toEqual({ PRG_NAME: 'collect.py', RUN_DATE: '2026-03-14', OUTPUT_DIR: '/tmp/pod-ingestion-output' });
    expect(values('clean_orders')).toEqual({
      PRG_NAME: 'clean_orders.py',
      RUN_DATE: '2026-03-14',
      OUTPUT_DIR: '/tmp/pod-ingestion-output',
      LINE_ID: '1',
    });
    expect(values('join_zones')).toEqual({
      PRG_NAME: 'join_zones.py',
      RUN_DATE: '2026-03-14',
      ZONE: 'consumer',
      OUTPUT_DIR: '/mnt/zones',
      LINE_ID: '1',
    });
  });

  it("with a conf, the conf overrides the params; and the local run's plan gives every task the same env", () => {
    if (!requireTool(jinjaMissing(), 'rendering the DAG with Jinja2 (apt-get install python3-jinja2)')) return;
    const conf = { LINE_ID: '7', OUTPUT_DIR: '/data/out' };
    const run = renderDagRun(dag(), conf, '2026-03-14');
    if ('refused' in run) throw new Error(run.refused);
    const config = readConfig(scheduled);
    const { values, missing } = resolveParams(config, conf);
    expect(missing).toEqual([]);
    expect(run.params).toEqual(values);
    const plan = planRun(config, localRun(scheduled, conf, '2026-03-14'), () => true);
    for (const pod of config.pods) {
      const rendered = Object.fromEntries(
        Object.entries(run.tasks[pod.name]!).map(([name, result]) => [name, result.value ?? result.error]),
      );
      expect(Object.fromEntries(plan.tasks.find((task) => task.id === pod.name)!.env), pod.name).toEqual(rendered);
    }
    expect(run.tasks.clean_orders!.LINE_ID).toEqual({ value: '7' });
    expect(run.tasks.collect!.OUTPUT_DIR).toEqual({ value: '/data/out' });
  });

  it('declares each param once, with its default and a description, and passes it as {{ params.X }}', () => {
    const text = readFileSync(dag(), 'utf8');
    expect(text).toContain(
      '"LINE_ID": Param("1", type="string", description="Environment variable LINE_ID of the pods clean_orders, join_zones")',
    );
    expect(text).toContain('"LINE_ID": "{{ params.LINE_ID }}"');
    expect(text).toContain('"RUN_DATE": "{{ ds }}"');
    expect(text).not.toContain('dag_run.conf');
    expect(text).toMatch(/params=PARAMS,/);
  });
});

describe('a DAG triggered by hand may have a required param', () => {
  it('Airflow refuses a run without it, renders a run with it', () => {
    if (!requireTool(jinjaMissing(), 'rendering the DAG with Jinja2 (apt-get install python3-jinja2)')) return;
    const dag = join(manual, 'dags/manual_pipeline.py');
    expect(readFileSync(dag, 'utf8')).toContain('"REPORT_DAY": Param(type="string"');
    expect(renderDagRun(dag, {})).toEqual({ refused: "the run lacks required params ['REPORT_DAY']" });
    const run = renderDagRun(dag, { REPORT_DAY: '2026-02-01' });
    if ('refused' in run) throw new Error(run.refused);
    expect(run.tasks.report!.REPORT_DAY).toEqual({ value: '2026-02-01' });
    expect(resolveParams(readConfig(manual), {}).missing).toEqual(['REPORT_DAY']);
    // The local run refuses it the same way, before any container starts; and runs it with the conf.
    expect(() => planRun(readConfig(manual), localRun(manual, {}, '2026-02-01'), () => true)).toThrow(RunRefusedError);
    const plan = planRun(readConfig(manual), localRun(manual, { REPORT_DAY: '2026-02-01' }, '2026-02-02'), () => true);
    expect(Object.fromEntries(plan.tasks.find((task) => task.id === 'report')!.env)).toMatchObject({
      REPORT_DAY: '2026-02-01',
      RUN_DATE: '2026-02-02',
    });
  });
});

describe('a required param on a scheduled DAG is refused by every path, which says how to fix it and writes nothing', () => {
  const copy = (project: string) => {
    const target = join(tempDir('params-refusal'), 'p');
    cpSync(project, target, { recursive: true });
    return target;
  };
  /** `where`: the option named (`--param`), or the place in .yo-rc.json. */
  async function expectRefused(args: string[], project: string, where: string) {
    const before = snapshot(project);
    const result = await runBin(args, project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain(where.startsWith('.yo-rc.json') ? where : `--${where} `);
    expect(result.stderr).toMatch(/has no default, so it is required; Airflow refuses a scheduled DAG with required params/);
    expect(result.stderr).toMatch(/Give it a default, or trigger the DAG by hand \(pod-ingestion --schedule ""\)/);
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  }

  it('pod: a required param on a scheduled project', async () => {
    await expectRefused(['pod', 'audit', '--after', 'collect', '--param', 'AUDITOR'], copy(scheduled), 'param');
  });

  it('pod --update: a param made required on a scheduled project', async () => {
    await expectRefused(['pod', 'clean_orders', '--update', '--param', 'LINE_ID'], copy(scheduled), 'param');
  });

  it('re-running the generator with --schedule on a project that has a required param', async () => {
    await expectRefused(['--schedule', '@daily', '--defaults'], copy(manual), 'schedule');
  });

  it('an answers file that sets a schedule', async () => {
    const project = copy(manual);
    const answers = join(tempDir('answers'), 'answers.json');
    writeFileSync(answers, JSON.stringify({ schedule: '0 6 * * 1-5' }));
    await expectRefused(['--answers', answers, '--defaults'], project, 'schedule');
  });

  it('a .yo-rc.json edited by hand: every command that reads it refuses', async () => {
    const project = copy(manual);
    const file = join(project, '.yo-rc.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ProjectConfig>;
    stored[CONFIG_KEY]!.schedule = '@hourly';
    writeFileSync(file, JSON.stringify(stored, null, 2));
    // Checked with the rest of .yo-rc.json (project-config-schema.ts), so it names the file's key.
    for (const args of [['pod', 'audit', '--after', 'collect'], ['publish'], ['run', '--conf', '{"REPORT_DAY": "x"}'], ['--defaults']]) {
      await expectRefused(args, project, '.yo-rc.json generator-pod-ingestion.pods "REPORT_DAY"');
    }
  });

  it('one name is one param: two pods may not give it two defaults', async () => {
    const project = copy(scheduled);
    const before = snapshot(project);
    const result = await runBin(['pod', 'audit', '--after', 'collect', '--param', 'LINE_ID=2'], project);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain(
      'LINE_ID is one DAG param, which pod clean_orders declares with the default "1" and pod audit with the default "2"',
    );
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });
});

describe('the output location is a parameter', () => {
  it("the README's command sets the default of OUTPUT_DIR, and the README and the scripts say /tmp of a pod does not last", async () => {
    const project = join(tempDir('output'), 'p');
    cpSync(manual, project, { recursive: true });
    const readme = readFileSync(join(project, 'README.md'), 'utf8');
    expect(readme).toMatch(/its `\/tmp` with it: nothing written there lasts/);
    const command = /^pod-ingestion --output-dir .*$/m.exec(readme)?.[0];
    expect(command).toBe('pod-ingestion --output-dir /data/ingestion --defaults');
    await ok(command!.split(' ').slice(1), project);
    expect(readFileSync(join(project, 'dags/manual_pipeline.py'), 'utf8')).toContain(
      '"OUTPUT_DIR": Param("/data/ingestion", type="string"',
    );
    expect(readConfig(project).outputDir).toBe('/data/ingestion');
    const script = readFileSync(join(project, 'pods/collect.py'), 'utf8');
    expect(script).toMatch(/\/tmp in a pod is deleted with the pod, so nothing written\s+there lasts/);
    expect(script).toMatch(
      /The DAG sets it to the run's logical date \(\{\{ ds \}\}\), so a\s+run of a given day always processes that day/,
    );
  });

  it('--output-dir is checked', async () => {
    const result = await runBin(['bad', '--output-dir', 'relative/path', '--defaults'], tempDir('output-bad'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--output-dir "relative/path": an output folder is an absolute path');
  });
});

describe('the core rule, as the local run uses it', () => {
  const pod = (name: string, params: { name: string; default: string | null }[], env: { name: string; value: string }[] = []) => ({
    name,
    description: '',
    after: [],
    env,
    params,
    secrets: [],
  });
  const config = (schedule: string, pods: ReturnType<typeof pod>[]): ProjectConfig => ({
    repository: '',
    container: 'c',
    tag: '1',
    python: '3.12',
    dagId: 'd',
    schedule,
    pods,
    kubernetes: {
      namespace: 'a',
      imagePullPolicy: 'Always',
      imagePullSecret: '',
      onFinishAction: 'delete_pod',
      retries: 0,
      retryDelayMinutes: 0,
      cpuRequest: '',
      memoryRequest: '',
      cpuLimit: '',
      memoryLimit: '',
      kubernetesConnId: '',
    },
  });

  it('value = conf value if given, else the default; no default = required', () => {
    const project = config('', [
      pod('a', [
        { name: 'X', default: 'x0' },
        { name: 'Y', default: null },
      ]),
    ]);
    expect(resolveParams(project, {})).toEqual({
      values: { OUTPUT_DIR: '/tmp/pod-ingestion-output', X: 'x0' },
      missing: ['Y'],
      invalid: [],
    });
    // Params are Param(type="string"): Airflow refuses a conf that gives a number, so does the local run.
    expect(resolveParams(project, { X: 5, Y: 'y' }).invalid).toEqual(['X']);
    expect(resolveParams(project, { X: 'x1', Y: 'y1' }).values).toEqual({ OUTPUT_DIR: '/tmp/pod-ingestion-output', X: 'x1', Y: 'y1' });
    expect(dagParams(project).map((param) => [param.name, param.default])).toEqual([
      ['OUTPUT_DIR', '/tmp/pod-ingestion-output'],
      ['X', 'x0'],
      ['Y', null],
    ]);
  });

  it('a pod that sets RUN_DATE or OUTPUT_DIR itself keeps its own', () => {
    const own = pod('a', [{ name: 'RUN_DATE', default: '2026-01-01' }], [{ name: 'OUTPUT_DIR', value: '/x' }]);
    expect(podEnvironment(own).map((source) => source.name)).toEqual(['PRG_NAME', 'OUTPUT_DIR', 'RUN_DATE']);
    const plan = planRun(config('', [own]), localRun('/tmp', {}, '2026-05-05'), () => true);
    expect(Object.fromEntries(plan.tasks[0]!.env)).toEqual({ PRG_NAME: 'a.py', OUTPUT_DIR: '/x', RUN_DATE: '2026-01-01' });
  });

  it('refuses a required param with a schedule, names the pods, and accepts it without one', () => {
    const pods = [pod('a', [{ name: 'Y', default: null }]), pod('b', [{ name: 'Y', default: null }])];
    expect(checkDagParams(config('', pods))).toEqual([]);
    const errors = checkDagParams(config('@daily', pods), 'schedule');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'schedule', value: '@daily' });
    expect(errors[0]!.rule).toContain('Y (pods a, b) has no default');
  });
});
