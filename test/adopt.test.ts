// `pod-ingestion adopt`: hand-made projects in the original shape (test/fixtures/hand-made, written for these
// tests in several DAG styles) join the generator. The old and the new DAG are both executed through
// the DAG inspector (test/checkers/inspect_dag.py --execute) and must declare the same tasks, edges, env (rendered with jinja2 as Airflow
// would), secret mounts and image; every checker passes on the tree; scripts stay byte-identical; a second adopt
// changes nothing; refusals write nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { imageReference } from '../src/core/image-reference.js';
import type { ProjectConfig } from '../src/core/project-config.js';
import { executeDag, type ExecutedDag } from './checkers/dag.js';
import { jinjaMissing, renderJinja } from './checkers/jinja.js';
import { PYTHON, pythonToolsMissing } from './checkers/python.js';
import { packagingMissing } from './checkers/requirements.js';
import { shellToolsMissing } from './checkers/shell.js';
import { checkTrees, failures } from './checkers/tree.js';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { requireTool } from './support/required-tool.js';
import { engineProblem } from './support/test-engine.js';

afterAll(cleanupTempDirs);

const FIXTURES = fileURLToPath(new URL('./fixtures/hand-made/', import.meta.url));
const tools = requireTool(
  pythonToolsMissing() ?? shellToolsMissing() ?? packagingMissing() ?? jinjaMissing(),
  'adopted projects (shellcheck, pyflakes3, python3-packaging, python3-jinja2)',
);

function fixture(name: string): string {
  const root = join(tempDir(`adopt-${name}`), name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

interface Recorded extends ExecutedDag {
  /** Each task's env rendered for each conf, as Airflow would: "fails" where a run fails to render it. */
  rendered: Record<string, Record<string, string>[]>;
}

const VARIABLES = { gcp_project_id: 'acme-project', gcp_bucket: 'acme-raw' };

/**
 * What the DAG file builds when executed (the DAG inspector's --execute), with each task's env rendered by
 * jinja2 for each conf: `dag_run.conf` is the conf, `params` the DAG's Param defaults overridden by the conf
 * (Airflow's default), `var.value` the Variables, `ds` a fixed date.
 */
function record(file: string, confs: Record<string, string>[] = []): Recorded {
  const executed = executeDag(file);
  const defaults = Object.fromEntries(
    Object.entries(executed.params).flatMap(([name, param]) => ('default' in param ? [[name, param.default]] : [])),
  );
  const jobs = Object.values(executed.tasks).flatMap((task) =>
    confs.flatMap((conf) =>
      Object.values(task.env_vars).map((template) => ({
        template,
        context: { dag_run: { conf }, params: { ...defaults, ...conf }, var: { value: VARIABLES }, ds: '2026-01-31' },
      })),
    ),
  );
  const results = renderJinja(jobs);
  const rendered: Recorded['rendered'] = {};
  for (const [id, task] of Object.entries(executed.tasks)) {
    rendered[id] = confs.map(() =>
      Object.fromEntries(
        Object.keys(task.env_vars).map((key) => {
          const result = results.shift()!;
          return [key, result.ok ? result.value : 'fails'];
        }),
      ),
    );
  }
  return { ...executed, rendered };
}

/** PRG_NAME as run_in_docker.sh reads it: `./x.py`, `x.py` and `x` name the same script. */
function script(value: string): string {
  return value.replace(/^\.\//, '').replace(/\.py$/, '');
}

function config(root: string): ProjectConfig {
  return (JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8')) as Record<string, ProjectConfig>)['generator-pod-ingestion']!;
}

function expectSameBehaviour(oldDag: string, newDag: string, confs: Record<string, string>[]): void {
  const before = record(oldDag, confs);
  const after = record(newDag, confs);
  expect(Object.keys(after.tasks).sort()).toEqual(Object.keys(before.tasks).sort());
  expect(after.edges).toEqual(before.edges);
  for (const [id, task] of Object.entries(before.tasks)) {
    const adopted = after.tasks[id]!;
    const [renderedBefore, renderedAfter] = [before.rendered[id]!, after.rendered[id]!];
    expect(adopted.image, id).toBe(task.image);
    expect(adopted.mounts, id).toEqual(task.mounts);
    if (task.namespace) expect(adopted.namespace, id).toBe(task.namespace);
    expect(Object.keys(adopted.env_vars).sort(), id).toEqual(Object.keys(task.env_vars).sort());
    expect(script(adopted.env_vars.PRG_NAME!), id).toBe(script(task.env_vars.PRG_NAME!));
    const withoutPrgName = (runs: Record<string, string>[]) => runs.map(({ PRG_NAME: _, ...rest }) => rest);
    expect(withoutPrgName(renderedAfter), `${id} rendered for ${JSON.stringify(confs)}`).toEqual(withoutPrgName(renderedBefore));
  }
}

function expectCheckersPass(root: string): void {
  const saved = config(root);
  const report = checkTrees([{ root, image: imageReference(saved), dag: `dags/${saved.dagId}.py`, podsDir: saved.podsDir }])[root]!;
  expect(failures(report)).toEqual({});
}

describe.runIf(tools)('adopt', () => {
  it('the original shape (context manager, module-level volumes and Variables, Dummy tasks): same behaviour, checkers pass, scripts untouched, second adopt a no-op', async () => {
    const root = fixture('original');
    const oldDag = join(root, 'dags/industrial_ingestion.py');
    // The new DAG takes dags/<dag_id>.py: the old one has to leave that path first.
    const refused = await runBin(['adopt', '--defaults', '--param-default', 'PARAM_DATE=2026-01-01'], root);
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain('the new DAG goes to dags/industrial_ingestion.py, where the old one is');
    renameSync(oldDag, join(root, 'legacy_dag.py'));
    const pods = [...snapshot(join(root, 'pods'))];
    const before = snapshot(root);

    // Scheduled (@daily) with a required PARAM_DATE: refused until a choice is made; nothing written.
    const conflict = await runBin(['adopt', '--defaults'], root);
    expect(conflict.exitCode).toBe(1);
    expect(conflict.output).toMatch(/legacy_dag.py "@daily": the old DAG runs on a schedule, but PARAM_DATE is a param with no default/);
    expect(conflict.output).toContain('--param-default PARAM_DATE=... (a default for scheduled runs), or --triggered');
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);

    const result = await runBin(['adopt', '--force', '--param-default', 'PARAM_DATE=2026-01-01'], root);
    expect(result.exitCode, result.output).toBe(0);
    const saved = config(root);
    expect(saved.pods.map((pod) => [pod.name, pod.taskId ?? pod.name])).toEqual([
      ['job_collect', 'coleta_dados'],
      ['job_clean_orders', 'clean_orders'],
      ['job_clean_parts', 'clean_parts'],
      ['job_clean_confirmations', 'clean_confirmations'],
      ['job_join_zones', 'join_zones'],
      ['job_oee', 'oee'],
    ]);
    expect(saved.pods[0]!.params).toEqual([
      { name: 'PARAM_DATE', default: '2026-01-01' },
      { name: 'PARAM_LINE_ID', default: '1' },
    ]);
    expect(saved.airflow).toMatchObject({
      tags: ['ingestion', 'industrial'],
      catchup: false,
      defaultArgs: { owner: 'smedina', email: ['smedina@example.com'] },
    });
    expect(saved.kubernetes).toMatchObject({ namespace: 'airflow', imagePullPolicy: 'Always', onFinishAction: 'delete_pod', retries: 1 });
    expect(saved.schedule).toBe('@daily');

    // PARAM_DATE now has a default, so only the conf-less run differs from the old DAG (which failed it).
    expectSameBehaviour(join(root, 'legacy_dag.py'), join(root, 'dags/industrial_ingestion.py'), [
      { PARAM_DATE: '2026-01-31', PARAM_LINE_ID: '7' },
      { PARAM_DATE: '2026-02-01' },
    ]);
    expectCheckersPass(root);
    expect([...snapshot(join(root, 'pods'))]).toEqual(pods);
    expect(readFileSync(join(root, 'legacy_dag.py'))).toEqual(before.get('legacy_dag.py'));

    for (const line of [
      'legacy_dag.py is superseded by dags/industrial_ingestion.py',
      'schedule_interval -> schedule',
      'import from airflow.providers.cncf.kubernetes.operators.kubernetes_pod -> airflow.providers.cncf.kubernetes.operators.pod',
      'days_ago(1) -> the fixed start_date',
      'is_delete_operator_pod=True (ignored since provider 10.0.0) -> on_finish_action="delete_pod"',
      'DummyOperator(task_id="start") -> direct edges',
      'default_args["catchup"] is a DAG argument',
      'Variable.get("gcp_project_id") at every parse of the file -> {{ var.value.gcp_project_id }}',
      'requirements.txt:1: apache-airflow==2.2.3',
      'requirements.txt:4: appnope==0.1.2',
      'cp /var/secrets/google/key.json /app/key.json',
      'not tasks (helpers or unused scripts, still copied into the image): pods/common.py',
      'task coleta_dados keeps its id and runs pods/job_collect.py',
    ])
      expect(result.output, line).toContain(line);

    // The adopted scripts' smoke tests pass (they compile and have a main guard).
    const unit = spawnSync(PYTHON, ['-B', '-m', 'unittest', 'discover', '-s', 'tests'], { cwd: root, encoding: 'utf8' });
    expect(unit.status, unit.stderr).toBe(0);
    expect(unit.stderr).toMatch(/Ran 1[0-9] tests/);

    const adopted = snapshot(root);
    const again = await runBin(['adopt', '--force', '--param-default', 'PARAM_DATE=2026-01-01'], root);
    expect(again.exitCode, again.output).toBe(0);
    expect(snapshotDiff(adopted, snapshot(root))).toEqual([]);

    // doctor on the adopted tree: only what adopt reports and leaves to the user (requirements, the old DAG).
    const doctor = await runBin(['doctor'], root);
    expect(doctor.output).not.toMatch(/^(?:Dockerfile|run_in_docker\.sh|dags\/)/m);
  });

  it('--defaults keeps your Dockerfile, run_in_docker.sh and README; --triggered drops the schedule; --prune removes what does not belong in a pod image', async () => {
    const root = fixture('original');
    renameSync(join(root, 'dags/industrial_ingestion.py'), join(root, 'old_dag.py'));
    const before = snapshot(root);
    const result = await runBin(['adopt', '--defaults', '--triggered', '--prune', '--dag', 'old_dag.py'], root);
    expect(result.exitCode, result.output).toBe(0);
    for (const file of ['Dockerfile', 'run_in_docker.sh', 'README.md', 'old_dag.py'])
      expect(readFileSync(join(root, file)), file).toEqual(before.get(file));
    expect(result.output).toContain('kept your Dockerfile (it differs from the template; --force replaces it)');
    expect(result.output).toContain('schedule @daily dropped (--triggered)');
    expect(config(root).schedule).toBe('');
    expect(readFileSync(join(root, 'requirements.txt'), 'utf8')).toBe('google-cloud-storage==1.43.0\npandas==1.3.5\npyarrow==6.0.1\n');
    expect(result.output).toContain('removed: requirements.txt:1: apache-airflow==2.2.3');
    expectSameBehaviour(join(root, 'old_dag.py'), join(root, 'dags/industrial_ingestion.py'), [
      { PARAM_DATE: '2026-01-31', PARAM_LINE_ID: '7' },
      {},
    ]);
  });

  it('the @dag decorator with chain(), set_upstream/set_downstream, Secret objects and an EmptyOperator', async () => {
    const root = fixture('decorator');
    renameSync(join(root, 'dags/sales.py'), join(root, 'sales_old.py'));
    const pods = [...snapshot(join(root, 'pods'))];
    const result = await runBin(['adopt', '--force'], root);
    expect(result.exitCode, result.output).toBe(0);
    const saved = config(root);
    expect(saved).toMatchObject({
      repository: 'ghcr.io/acme',
      container: 'sales-pods',
      tag: '2.3.0',
      dagId: 'sales_daily',
      schedule: '0 6 * * *',
      python: '3.11',
    });
    expect(saved.kubernetes).toMatchObject({
      namespace: 'data',
      imagePullPolicy: 'IfNotPresent',
      onFinishAction: 'delete_succeeded_pod',
      retries: 2,
      retryDelayMinutes: 10,
      cpuRequest: '250m',
      memoryRequest: '256Mi',
      memoryLimit: '1Gi',
    });
    expect(saved.pods.find((pod) => pod.name === 'report')?.taskId).toBe('build_report');
    expect(result.output).toContain('import from airflow.kubernetes.secret -> airflow.providers.cncf.kubernetes.secret');
    expect(result.output).toContain('EmptyOperator(task_id="joined") -> direct edges');
    expectSameBehaviour(join(root, 'sales_old.py'), join(root, 'dags/sales_daily.py'), [{ REGION: 'us' }, {}]);
    expectCheckersPass(root);
    expect([...snapshot(join(root, 'pods'))]).toEqual(pods);
    const adopted = snapshot(root);
    expect((await runBin(['adopt', '--force'], root)).exitCode).toBe(0);
    expect(snapshotDiff(adopted, snapshot(root))).toEqual([]);
  });

  it('without a DAG: the scripts with a main guard are the pods, helpers stay files', async () => {
    const root = fixture('scripts-only');
    const result = await runBin(['adopt', '--defaults', '--repository', 'localhost:5000/team'], root);
    expect(result.exitCode, result.output).toBe(0);
    const saved = config(root);
    expect(saved.pods.map((pod) => pod.name)).toEqual(['fetch', 'store']);
    expect(saved).toMatchObject({ container: 'scripts-only', python: '3.12', dagId: 'scripts_only_pipeline' });
    expect(result.output).toContain('pods/helpers.py');
  });

  it('refuses, writing nothing, a DAG with parts it cannot carry (listed with file and line) under --defaults; in a terminal lists and asks; --skip-unsupported adopts without them', async () => {
    const root = fixture('decorator');
    renameSync(join(root, 'dags/sales.py'), join(root, 'sales_old.py'));
    const dag = join(root, 'sales_old.py');
    writeFileSync(
      dag,
      readFileSync(dag, 'utf8')
        .replace('    chain(', '    audit = PythonOperator(task_id="audit", python_callable=print)\n    chain(')
        .replace('from datetime', 'from airflow.operators.python import PythonOperator\nfrom datetime'),
    );
    const before = snapshot(root);
    const result = await runBin(['adopt', '--defaults'], root);
    expect(result.exitCode).toBe(1);
    const line =
      readFileSync(dag, 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('PythonOperator(')) + 1;
    expect(result.output).toContain(`sales_old.py:${line}: a PythonOperator task: only KubernetesPodOperator tasks are carried`);
    expect(result.output).toContain('--skip-unsupported');
    expect(result.output).not.toMatch(/at .*\.js:\d+/);
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);

    // In a terminal the parts are listed and asked about: no (the default) writes nothing; yes adopts without them.
    const declined = await runInTerminal(['adopt', '--force'], root, { wait: 'Adopt without them\\?', keys: '\r' });
    expect(declined.exitCode, declined.output).toBe(1);
    expect(declined.output).toContain(`sales_old.py:${line}: a PythonOperator task`);
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);
    const confirmed = await runInTerminal(['adopt', '--force'], root, { wait: 'Adopt without them\\?', keys: 'y\r' });
    expect(confirmed.exitCode, confirmed.output).toBe(0);
    expect(confirmed.output).toContain(`not carried: sales_old.py:${line}: a PythonOperator task`);

    // --skip-unsupported says yes without asking (here on the adopted tree: a second adoption, the same result).
    const adopted = snapshot(root);
    const skipped = await runBin(['adopt', '--defaults', '--skip-unsupported'], root);
    expect(skipped.exitCode, skipped.output).toBe(0);
    expect(skipped.output).toContain(`not carried: sales_old.py:${line}: a PythonOperator task`);
    expect(snapshotDiff(adopted, snapshot(root))).toEqual([]);
  });

  it('says clearly when python3 is missing, and writes nothing', async () => {
    const root = fixture('decorator');
    renameSync(join(root, 'dags/sales.py'), join(root, 'sales_old.py'));
    const before = snapshot(root);
    const result = await runBin(['adopt', '--defaults'], root, { env: { PATH: join(root, 'no-such-dir') }, extendEnv: false });
    expect(result.exitCode).toBe(1);
    expect(String(result.stderr)).toContain(
      "adopt reads the old DAG with Python's own parser and needs python3 on PATH, which was not found",
    );
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);
  });
});

describe.runIf(tools)('adopt as the README shows it, and pod --task-id', () => {
  it('runs the README command on the original shape', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const command = readme.split('\n').find((line) => line.startsWith('pod-ingestion adopt --dag '))!;
    const args = command.split(/\s+/).slice(1);
    const root = fixture('original');
    mkdirSync(join(root, 'legacy'));
    renameSync(join(root, 'dags/industrial_ingestion.py'), join(root, args[args.indexOf('--dag') + 1]!));
    const result = await runBin(args, root);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('is superseded by dags/industrial_ingestion.py');
  });

  it('pod --task-id keeps a task id other than the script name; a taken id is refused', async () => {
    const root = fixture('scripts-only');
    expect((await runBin(['adopt'], root)).exitCode).toBe(0);
    const added = await runBin(['pod', 'load_zone', '--task-id', 'carga_zona', '--after', 'fetch'], root);
    expect(added.exitCode, added.output).toBe(0);
    expect(record(join(root, 'dags/scripts_only_pipeline.py')).edges).toEqual([['fetch', 'carga_zona']]);
    expect(config(root).pods.at(-1)).toMatchObject({ name: 'load_zone', taskId: 'carga_zona' });
    const before = snapshot(root);
    const taken = await runBin(['pod', 'other', '--task-id', 'carga_zona'], root);
    expect(taken.exitCode).toBe(1);
    expect(taken.output).toContain('--task-id "carga_zona": another task of the DAG has this id; task ids are unique.');
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);
  });
});

/** A fixture whose scripts live in `folder` instead of pods/, its Dockerfile copying that folder. */
function inFolder(name: string, folder: string): string {
  const root = fixture(name);
  mkdirSync(dirname(join(root, folder)), { recursive: true });
  renameSync(join(root, 'pods'), join(root, folder));
  const dockerfile = join(root, 'Dockerfile');
  writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace(/\bpods\//g, `${folder}/`));
  return root;
}

function unitTests(root: string): ReturnType<typeof spawnSync> {
  return spawnSync(PYTHON, ['-B', '-m', 'unittest', 'discover', '-s', 'tests'], { cwd: root, encoding: 'utf8' });
}

describe.runIf(tools)('adopt --pods-dir: scripts kept in another folder', () => {
  it('refuses a bad folder writing nothing; adopts scripts/ in place with the same behaviour; pod, remove and a second adopt use it', async () => {
    const root = inFolder('decorator', 'scripts');
    renameSync(join(root, 'dags/sales.py'), join(root, 'sales_old.py'));
    const scripts = [...snapshot(join(root, 'scripts'))];
    const before = snapshot(root);
    for (const [value, rule] of [
      ['../x', 'a folder inside the project'],
      ['/abs', 'a folder inside the project'],
      ['missing', 'no such folder in the project'],
      ['my scripts', 'a folder inside the project'],
      ['it"s', 'a folder inside the project'],
      ['tests', 'tests/ holds the generated tests'],
    ]) {
      const refused = await runBin(['adopt', '--force', '--pods-dir', value!], root);
      expect(refused.exitCode, value).toBe(1);
      expect(refused.output, value).toContain(`--pods-dir ${JSON.stringify(value)}: ${rule}`);
      expect(refused.output).not.toMatch(/at .*\.js:\d+/);
      expect(snapshotDiff(before, snapshot(root)), value).toEqual([]);
    }
    // Without --pods-dir the scripts are looked for in pods/, where there are none.
    const unfound = await runBin(['adopt', '--force'], root);
    expect(unfound.exitCode).toBe(1);
    expect(unfound.output).toContain('PRG_NAME names extract.py, which is not in pods/');
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);

    const result = await runBin(['adopt', '--force', '--pods-dir', 'scripts/'], root);
    expect(result.exitCode, result.output).toBe(0);
    expect(config(root).podsDir).toBe('scripts');
    expect(result.output).toContain('task build_report keeps its id and runs scripts/report.py');
    expectSameBehaviour(join(root, 'sales_old.py'), join(root, 'dags/sales_daily.py'), [{ REGION: 'us' }, {}]);
    expectCheckersPass(root);
    expect([...snapshot(join(root, 'scripts'))]).toEqual(scripts);
    expect(existsSync(join(root, 'pods'))).toBe(false);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toContain('COPY --chown=appuser:appuser scripts/ /app/');
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toContain('!scripts/\n');
    const unit = unitTests(root);
    expect(unit.status, String(unit.stderr)).toBe(0);

    // A second adoption, with the folder or with the one .yo-rc.json saved, changes nothing.
    const adopted = snapshot(root);
    for (const args of [
      ['adopt', '--force', '--pods-dir', 'scripts'],
      ['adopt', '--force'],
    ]) {
      const again = await runBin(args, root);
      expect(again.exitCode, again.output).toBe(0);
      expect(snapshotDiff(adopted, snapshot(root)), args.join(' ')).toEqual([]);
    }
    const doctor = await runBin(['doctor'], root);
    expect(doctor.output).not.toMatch(/^(?:Dockerfile|run_in_docker\.sh|dags\/|\.yo-rc\.json)/m);

    // `pod` writes the new script into scripts/, its test finds it there; remove --delete-script takes it from there.
    const added = await runBin(['pod', 'audit', '--after', 'extract'], root);
    expect(added.exitCode, added.output).toBe(0);
    expect(added.output).toContain('Added scripts/audit.py');
    expect(existsSync(join(root, 'scripts/audit.py'))).toBe(true);
    expect(existsSync(join(root, 'pods'))).toBe(false);
    expect(readFileSync(join(root, 'tests/test_audit.py'), 'utf8')).toContain('/ "scripts" / "audit.py"');
    expectCheckersPass(root);
    const grown = unitTests(root);
    expect(grown.status, String(grown.stderr)).toBe(0);
    expect(String(grown.stderr)).toMatch(/Ran \d+ tests/);
    const removed = await runBin(['remove', 'audit', '--delete-script'], root);
    expect(removed.exitCode, removed.output).toBe(0);
    expect(removed.output).toContain('Deleted scripts/audit.py and tests/test_audit.py');
    expect(existsSync(join(root, 'scripts/audit.py'))).toBe(false);
  });
});

const engine = requireTool(await engineProblem(), 'adopt --pods-dir on the real engine');

describe.runIf(tools && engine)('adopt --pods-dir on the real engine', () => {
  it('the image built from scripts/ runs each pod by PRG_NAME (helpers importable), and run rebuilds when a script there changes', async () => {
    const root = inFolder('scripts-only', 'scripts');
    const container = `adopt-pods-dir-${Date.now().toString(36)}`;
    const image = `${container}:1.0.0`;
    try {
      const adopted = await runBin(['adopt', '--force', '--pods-dir', 'scripts', '--python', '3.11', '--container', container], root);
      expect(adopted.exitCode, adopted.output).toBe(0);
      const built = await runBin(['publish'], root, { timeout: 0 });
      expect(built.exitCode, built.output).toBe(0);
      const docker = (args: string[]) => spawnSync('docker', args, { encoding: 'utf8' });
      const fetch = docker(['run', '--rm', '-e', 'PRG_NAME=fetch.py', image]);
      expect(fetch.status, fetch.stderr).toBe(0);
      expect(fetch.stdout).toMatch(/^fetch \d{4}-\d{2}-\d{2}$/m);
      const store = docker(['run', '--rm', '-e', 'PRG_NAME=./store.py', image]);
      expect(store.status, store.stderr).toBe(0);
      const listing = docker(['run', '--rm', '--entrypoint', 'ls', image, '/app']);
      expect(listing.stdout.split('\n').filter(Boolean)).toEqual(['fetch.py', 'helpers.py', 'store.py']);

      // The local run knows the image is built from scripts/: a newer script there means a rebuild first.
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(root, 'scripts/store.py'), later, later);
      const run = await runBin(['run', 'store'], root, { timeout: 0 });
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toContain(`${image} is older than the project's files: building it first.`);
    } finally {
      spawnSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
    }
  });
});
