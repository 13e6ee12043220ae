// The generated project, checked by real tools: dockerfile-utils + dockerfile-ast, shellcheck + bash -n,
// ast.parse + pyflakes3, the PEP 508 reference parser (python3-packaging), @swimlane/docker-reference,
// jinja2, and the project's own unit tests. Airflow cannot be installed here, so the DAG is checked
// structurally (test/checkers/inspect_dag.py reads it with `ast`, never importing airflow).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import helpers from 'yeoman-test';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { addPod } from '../src/core/pipeline.js';
import type { ProjectConfig } from '../src/core/project-config.js';
import { dagPath, EXECUTABLE_FILES, renderProject } from '../src/core/render-project.js';
import { imageReference } from '../src/core/image-reference.js';
import { checkDag, inspectDag } from './checkers/dag.js';
import { checkDockerfile } from './checkers/dockerfile.js';
import { checkImageReference } from './checkers/image-reference.js';
import { jinjaMissing, renderJinja } from './checkers/jinja.js';
import { checkPython, PYTHON, pythonToolsMissing } from './checkers/python.js';
import { checkRequirements, packagingMissing } from './checkers/requirements.js';
import { checkShell, shellToolsMissing } from './checkers/shell.js';
import { checkTrees, failures } from './checkers/tree.js';
import { requireTool } from './support/required-tool.js';
import { generatorPath } from './support/run-generator.js';
import { isExecutable, readTree, writeTree } from './support/tree.js';

const ORIGINAL_CWD = process.cwd();
const tools = requireTool(
  pythonToolsMissing() ?? shellToolsMissing() ?? packagingMissing() ?? jinjaMissing(),
  'the generated project (shellcheck, pyflakes3, python3-packaging, python3-jinja2)',
);

// A default with everything that could break out of a Python string, a Jinja string or a docstring.
const TRICKY = `it's "quoted" }} {{ ds }} {% raw %} \\n back\\slash ünïcødé 日本 🙂 """ '''\\`;

/** Repeatable answers arrive as lists (answers file, repeated options); RawAnswers types them as one string. */
const list = (...items: string[]) => items as unknown as string;

const APP_ANSWERS: Record<string, string | boolean> = {
  repository: 'ghcr.io/acme-data',
  container: 'factory-pods',
  tag: 'v2.1.0',
  packages: 'pandas==2.2.3 pyarrow>=14,<20 google-cloud-storage==2.18.2 requests[socks]>=2.31',
  python: '3.12',
  pods: 'collect',
  'dag-id': 'factory_ingestion',
  schedule: '',
  namespace: 'data-pipelines',
  'image-pull-secret': 'ghcr-cred',
  'cpu-request': '250m',
  'memory-request': '256Mi',
  'memory-limit': '1Gi',
  retries: '2',
  defaults: true,
};

function realisticProject(): { base: ProjectConfig; config: ProjectConfig; requirementsText: string } {
  const plan = resolveAppAnswers(APP_ANSWERS);
  let { config } = addPod(plan.config, 'clean_orders', {
    after: 'collect',
    env: list('SOURCE_BUCKET=gs://acme-raw/orders', 'REPORT_DATE={{ ds }}'),
    param: list('LINE_ID', `TRICKY=${TRICKY}`),
    secret: list('gcs-key:/var/secrets/gcs'),
    description: 'Cleans the "orders" export \\ into {parquet} files',
  });
  ({ config } = addPod(config, 'publish_report', {
    after: 'collect,clean_orders',
    param: list('RUN_DATE=2026-01-31'),
    description: 'Publishes the daily report',
  }));
  return { base: plan.config, config, requirementsText: plan.requirementsText };
}

/** A compiled generator run in an existing folder, which yeoman-test neither empties nor deletes. */
function runIn(name: 'app' | 'pod', cwd: string, args: string[], options: Record<string, unknown>) {
  return helpers
    .run(generatorPath(name), { namespace: `pod-ingestion:${name}`, tmpdir: false, cwd, autoCleanup: false })
    .withArguments(args)
    .withOptions(options as object);
}

describe.runIf(tools)('the generated project, checked by real tools', () => {
  const project = realisticProject();
  const image = imageReference(project.config);
  let work: string;
  let coreRoot: string;
  let generatorRoot: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pod-ingestion-tree-'));
    coreRoot = join(work, 'core');
    writeTree(coreRoot, renderProject(project.config, project.requirementsText), EXECUTABLE_FILES);
    // The same project through the compiled generators: the app, then the two pods added by `pod`, each a
    // separate run in a folder of ours (yeoman-test would otherwise delete one run's folder at the next).
    mkdirSync(join(work, 'generator'));
    // --namespace and --env go in as command-line arguments, as the bin passes them: withOptions keys of
    // those names are replaced by Yeoman's own options.namespace / options.env before the generator runs.
    const { namespace, ...appOptions } = APP_ANSWERS;
    await runIn('app', join(work, 'generator'), ['--namespace', String(namespace)], appOptions);
    generatorRoot = join(work, 'generator', String(APP_ANSWERS.container));
    await runIn('pod', generatorRoot, ['clean_orders', '--env', 'SOURCE_BUCKET=gs://acme-raw/orders', '--env', 'REPORT_DATE={{ ds }}'], {
      after: 'collect',
      param: ['LINE_ID', `TRICKY=${TRICKY}`],
      secret: ['gcs-key:/var/secrets/gcs'],
      description: 'Cleans the "orders" export \\ into {parquet} files',
      defaults: true,
    });
    await runIn('pod', generatorRoot, ['publish_report'], {
      after: 'collect,clean_orders',
      param: ['RUN_DATE=2026-01-31'],
      description: 'Publishes the daily report',
      defaults: true,
    });
  });

  afterAll(() => {
    process.chdir(ORIGINAL_CWD);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes the same files through the core and through the compiled app + pod generators (README aside)', () => {
    const written = readTree(generatorRoot);
    const saved = JSON.parse(written['.yo-rc.json'] ?? '{}')['generator-pod-ingestion'];
    delete written['.yo-rc.json'];
    // The merge bases of a re-run are the generator's, not the core's (file-merge.ts); rerun-merge.test.ts checks them.
    for (const path of Object.keys(written).filter((path) => path.startsWith('.pod-ingestion/generated/'))) delete written[path];
    const rendered = readTree(coreRoot);
    // `pod` leaves README.md alone (it is the user's file), so its list of pods keeps the app's first pods.
    for (const files of [written, rendered]) delete files['README.md'];
    expect(written).toEqual(rendered);
    expect(saved).toEqual(project.config);
  });

  it('passes every checker: Dockerfile lint, shellcheck, ast.parse, pyflakes, PEP 508, DAG structure (ast, no Airflow import), image reference, LF', () => {
    const reports = checkTrees([
      { root: coreRoot, image, dag: dagPath(project.config), python: project.config.python },
      { root: generatorRoot, image, dag: dagPath(project.config), python: project.config.python },
    ]);
    expect(failures(reports[coreRoot]!)).toEqual({});
    expect(failures(reports[generatorRoot]!)).toEqual({});
  });

  it('makes run_in_docker.sh executable when the generator writes it', () => {
    for (const file of EXECUTABLE_FILES) expect(isExecutable(join(generatorRoot, file)), file).toBe(true);
  });

  it('DAG (read with ast, no Airflow import): tasks, image constant and the dependency edges', () => {
    const report = inspectDag(join(coreRoot, dagPath(project.config)));
    expect(report.kpo_imports).toEqual(['airflow.providers.cncf.kubernetes.operators.pod']);
    expect(report.constants.IMAGE).toBe('ghcr.io/acme-data/factory-pods:v2.1.0');
    // Triggered by hand: LINE_ID is a required param, which Airflow refuses on a scheduled DAG.
    expect(report.constants.SCHEDULE).toBeNull();
    expect(report.task_ids).toEqual({ collect_task: 'collect', clean_orders_task: 'clean_orders', publish_report_task: 'publish_report' });
    expect(report.edges.map((edge) => edge.join(' >> ')).sort()).toEqual([
      'clean_orders >> publish_report',
      'collect >> clean_orders',
      'collect >> publish_report',
    ]);
    expect(report.unresolved).toEqual([]);
  });

  it('Jinja (real jinja2, as Airflow renders env_vars): a param default comes back exactly; conf wins; a required param must be given', () => {
    const task = inspectDag(join(coreRoot, dagPath(project.config))).operators.find(
      (operator) => operator.variable === 'clean_orders_task',
    );
    const env = task?.keywords.find((keyword) => keyword.name === 'env_vars')?.value as Record<string, string>;
    expect(env.PRG_NAME).toBe('clean_orders.py');
    // Airflow's context: the DAG's params (their defaults, overridden by the run's conf), the conf, the logical date.
    const defaults = { TRICKY, RUN_DATE: '2026-01-31', OUTPUT_DIR: '/tmp/pod-ingestion-output' };
    const run = (conf: Record<string, unknown>) => ({ params: { ...defaults, ...conf }, dag_run: { conf }, ds: '2026-01-31' });
    const [fallback, given, required, missing, constant] = renderJinja([
      { template: env.TRICKY!, context: run({}) },
      { template: env.TRICKY!, context: run({ TRICKY: 'from conf }} "x"' }) },
      { template: env.LINE_ID!, context: run({ LINE_ID: 'L-7' }) },
      { template: env.LINE_ID!, context: run({}) },
      { template: env.REPORT_DATE!, context: run({}) },
    ]);
    expect(fallback).toEqual({ ok: true, value: TRICKY });
    expect(given).toEqual({ ok: true, value: 'from conf }} "x"' });
    expect(required).toEqual({ ok: true, value: 'L-7' });
    expect(missing?.ok).toBe(false);
    expect(constant).toEqual({ ok: true, value: '2026-01-31' });
  });

  describe('run_in_docker.sh with real bash (APP_DIR = the generated pods/, python = /usr/bin/python3)', () => {
    let bin: string;
    let output: string;
    const runScript = (prgName: string | undefined, args: string[] = [], appDir = join(coreRoot, 'pods')) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
        APP_DIR: appDir,
        OUTPUT_DIR: output,
        RUN_DATE: '2026-01-31',
        PYTHONDONTWRITEBYTECODE: '1',
      };
      delete env.PRG_NAME;
      if (prgName !== undefined) env.PRG_NAME = prgName;
      return spawnSync('bash', [join(coreRoot, 'run_in_docker.sh'), ...args], { encoding: 'utf8', env });
    };

    beforeAll(() => {
      bin = join(work, 'bin');
      output = join(work, 'output');
      mkdirSync(bin, { recursive: true });
      if (!existsSync(join(bin, 'python'))) symlinkSync(PYTHON, join(bin, 'python'));
    });

    it.each(['collect', 'collect.py', './collect.py'])('PRG_NAME=%s runs pods/collect.py (exit 0)', (name) => {
      const result = runScript(name);
      expect(result.stderr).not.toMatch(/Traceback/);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('running collect.py');
      expect(result.stderr).toMatch(/wrote 3 rows to .*collect_2026-01-31\.csv/);
    });

    it('passes the script exit code through (a required param left out exits 2)', () => {
      const result = runScript('clean_orders');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('LINE_ID is required');
    });

    it('refuses an unknown PRG_NAME with exit 64, listing the scripts', () => {
      const result = runScript('nope');
      expect(result.status).toBe(64);
      expect(result.stderr).toContain('PRG_NAME="nope" names no script');
      for (const name of ['collect', 'clean_orders', 'publish_report']) expect(result.stderr).toContain(name);
    });

    it('refuses a PRG_NAME that leaves the folder with exit 64', () => {
      expect(runScript('../tests/test_collect').status).toBe(64);
    });

    it('exits 64 when PRG_NAME is missing or empty', () => {
      for (const name of [undefined, '']) {
        const result = runScript(name);
        expect(result.status).toBe(64);
        expect(result.stderr).toContain('PRG_NAME is not set');
      }
    });

    it('hands extra arguments to the script, run from APP_DIR', () => {
      // A copy of pods/ with one probe script that reports its argv and working directory.
      const probeDir = join(work, 'probe-pods');
      mkdirSync(probeDir, { recursive: true });
      copyFileSync(join(coreRoot, 'pods/collect.py'), join(probeDir, 'collect.py'));
      writeFileSync(
        join(probeDir, 'show_args.py'),
        'import json, os, sys\nprint(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd()}))\n',
      );
      const args = ['--date', '2026-01-31', 'two words', "it's", '$HOME', ''];
      const result = runScript('show_args', args, probeDir);
      expect(result.status, result.stderr).toBe(0);
      const reported = JSON.parse(result.stdout.split('\n').find((line) => line.startsWith('{')) ?? '{}');
      expect(reported).toEqual({ argv: args, cwd: probeDir });
    });
  });

  it("runs the generated project's own tests (python -m unittest discover -s tests): pass, DAG integrity skipped for lack of Airflow", () => {
    const result = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], {
      cwd: coreRoot,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/test_no_import_errors .* skipped ["']Airflow is not installed here \(No module named 'airflow'\)/);
    expect(result.stderr).toMatch(/^OK \(skipped=2\)$/m);
    for (const pod of ['collect', 'clean_orders', 'publish_report'])
      expect(result.stderr).toMatch(new RegExp(`test_runs_with_its_parameters \\(test_${pod}\\.`));
  });
});

// The checkers have teeth: each finds the fault it exists for in a copy of the generated file.
describe.runIf(tools)('the checkers catch the faults they are for', () => {
  const project = realisticProject();
  const files = renderProject(project.config, project.requirementsText);
  const image = imageReference(project.config);
  const dockerfile = files.Dockerfile!;
  const dag = files[dagPath(project.config)]!;
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pod-ingestion-faults-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the generated Dockerfile is clean to start with', () => {
    expect(checkDockerfile(dockerfile)).toEqual([]);
  });

  it.each([
    ['lowercase instruction', (text: string) => text.replace('USER appuser', 'user appuser'), /casing|uppercase/i],
    ['a second CMD', (text: string) => `${text}CMD ["python"]\n`, /CMD/],
    ['shell-form CMD', (text: string) => text.replace('CMD ["/run_in_docker.sh"]', 'CMD /run_in_docker.sh'), /exec form/],
    [
      'single-quoted JSON CMD',
      (text: string) => text.replace('CMD ["/run_in_docker.sh"]', "CMD ['/run_in_docker.sh']"),
      /single quotes|exec form/i,
    ],
    ['no USER', (text: string) => text.replace('USER appuser', ''), /no USER/],
    ['USER root', (text: string) => text.replace('USER appuser', 'USER 0:0'), /root/],
    [
      'an undefined variable in ENV',
      (text: string) => text.replace('ENV PYTHONUNBUFFERED=1', 'ENV PYTHONUNBUFFERED=$UNBUFFERED'),
      /\$UNBUFFERED is used/,
    ],
    [
      'an undefined variable in COPY',
      (text: string) => text.replace('COPY run_in_docker.sh /run_in_docker.sh', 'COPY ${SCRIPT} /run_in_docker.sh'),
      /\$SCRIPT is used/,
    ],
    [
      'an ARG after FROM used by FROM',
      (text: string) =>
        text
          .replace(/ARG PYTHON_VERSION=.*\n/, '')
          .replace('ENV PYTHONDONTWRITEBYTECODE=1', 'ARG PYTHON_VERSION=3.12\nENV PYTHONDONTWRITEBYTECODE=1'),
      /\$PYTHON_VERSION is used .*before FROM/,
    ],
    ['pip keeping its cache', (text: string) => text.replace('pip install --no-cache-dir', 'pip install'), /--no-cache-dir/],
    [
      'scripts copied before the packages',
      (text: string) =>
        text
          .replace('COPY --chown=appuser:appuser pods/ /app/\n', '')
          .replace('COPY requirements.txt', 'COPY pods/ /app/\nCOPY requirements.txt'),
      /COPY pods comes before/,
    ],
    ['a # syntax= line', (text: string) => `# syntax=docker/dockerfile:1\n${text}`, /syntax/],
    [
      'chown -R',
      (text: string) => text.replace('RUN chmod 0755 /run_in_docker.sh', 'RUN chmod 0755 /run_in_docker.sh && chown -R appuser /app'),
      /chown -R/,
    ],
    ['a relative WORKDIR', (text: string) => text.replace('WORKDIR /app', 'WORKDIR app'), /absolute|relative/i],
    ['MAINTAINER', (text: string) => text.replace('ENV PYTHONUNBUFFERED=1', 'ENV PYTHONUNBUFFERED=1\nMAINTAINER someone'), /MAINTAINER/i],
  ])('Dockerfile: %s', (_name, mutate, expected) => {
    const mutated = mutate(dockerfile);
    expect(mutated).not.toBe(dockerfile);
    expect(checkDockerfile(mutated).join('\n')).toMatch(expected);
  });

  it('shell: shellcheck and bash -n', () => {
    writeFileSync(join(work, 'unquoted.sh'), '#!/usr/bin/env bash\necho $1\n');
    writeFileSync(join(work, 'broken.sh'), '#!/usr/bin/env bash\nif true; then\n');
    expect(checkShell([join(work, 'unquoted.sh')]).join('\n')).toMatch(/SC2086/);
    expect(checkShell([join(work, 'broken.sh')]).join('\n')).toMatch(/bash -n/);
  });

  it('python: ast.parse and pyflakes', () => {
    writeFileSync(join(work, 'syntax.py'), 'def f(:\n    pass\n');
    writeFileSync(join(work, 'unused.py'), 'import os\nprint(undefined_name)\n');
    expect(checkPython([join(work, 'syntax.py')]).join('\n')).toMatch(/ast\.parse: .*SyntaxError/);
    const flakes = checkPython([join(work, 'unused.py')]).join('\n');
    expect(flakes).toMatch(/'os' imported but unused/);
    expect(flakes).toMatch(/undefined name 'undefined_name'/);
  });

  it('requirements: the PEP 508 reference parser', () => {
    expect(
      checkRequirements('# comment\n\npandas==2.2.3  # pinned\npyarrow>=14,<20\nrequests[socks]>=2.31; python_version >= "3.9"\n'),
    ).toEqual([]);
    const problems = checkRequirements('flask==\npandas=2\n-r other.txt\n');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/requirements\.txt:1: 'flask==' is not a PEP 508 requirement/);
  });

  it('image reference: the distribution grammar', () => {
    expect(checkImageReference(image)).toEqual([]);
    expect(checkImageReference('localhost:5000/a/b:c')).toEqual([]);
    for (const bad of ['smedina1304/runPodsPython:v1.0', 'app:-bad', 'a//b:1']) expect(checkImageReference(bad)).not.toEqual([]);
    expect(checkImageReference('ghcr.io/org/app')).toEqual(['"ghcr.io/org/app" has no tag']);
  });

  it.each([
    [
      'the removed kubernetes_pod module',
      (text: string) => text.replace('operators.pod import', 'operators.kubernetes_pod import'),
      /kubernetes_pod/,
    ],
    [
      'is_delete_operator_pod',
      (text: string) => text.replace('get_logs=True,', 'get_logs=True,\n        is_delete_operator_pod=True,'),
      /is_delete_operator_pod: ignored/,
    ],
    [
      'progress_callback',
      (text: string) => text.replace('get_logs=True,', 'get_logs=True,\n        progress_callback=print,'),
      /progress_callback: replaced/,
    ],
    [
      'an unknown keyword',
      (text: string) => text.replace('get_logs=True,', 'get_logs=True,\n        delete_pod=True,'),
      /delete_pod= is not a KubernetesPodOperator or BaseOperator keyword/,
    ],
    [
      'schedule_interval',
      (text: string) => text.replace('schedule=SCHEDULE,', 'schedule_interval=SCHEDULE,'),
      /no schedule=[\s\S]*schedule_interval/,
    ],
    [
      'days_ago',
      (text: string) => text.replace('start_date=datetime(2026, 1, 1),', 'start_date=days_ago(1),'),
      /days_ago[\s\S]*not a fixed datetime|not a fixed datetime[\s\S]*days_ago/,
    ],
    [
      'a start date that moves',
      (text: string) => text.replace('start_date=datetime(2026, 1, 1),', 'start_date=datetime.now(),'),
      /not a fixed datetime/,
    ],
    ['DummyOperator', (text: string) => `${text}\nfrom airflow.operators.dummy import DummyOperator\n`, /DummyOperator/],
    [
      'another image',
      (text: string) => text.replace(`IMAGE = "${image}"`, 'IMAGE = "ghcr.io/acme-data/factory-pods:latest"'),
      /expected "ghcr\.io\/acme-data\/factory-pods:v2\.1\.0"/,
    ],
    [
      'PRG_NAME of another script',
      (text: string) => text.replace('"PRG_NAME": "clean_orders.py"', '"PRG_NAME": "collect.py"'),
      /PRG_NAME is "collect\.py", expected "clean_orders\.py"/,
    ],
    [
      'a dependency on a name that is no task',
      (text: string) => text.replace('collect_task >> clean_orders_task', 'collect_task >> cleaner'),
      /names cleaner/,
    ],
  ])('DAG: %s', (name, mutate, expected) => {
    const mutated = mutate(dag);
    expect(mutated).not.toBe(dag);
    const file = join(work, `${name.replace(/\W+/g, '_')}.py`);
    writeFileSync(file, mutated);
    expect(checkDag(file, image).join('\n')).toMatch(expected);
  });

  it('DAG edges: a >> [b, c] >> d, c << e and chain() are all read', () => {
    const file = join(work, 'edges.py');
    writeFileSync(
      file,
      [
        'from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator as KPO',
        ...['a', 'b', 'c', 'd', 'e', 'f'].map((task) => `${task}_t = KPO(task_id="${task}")`),
        'a_t >> [b_t, c_t] >> d_t',
        'c_t << e_t',
        'chain(d_t, f_t)',
      ].join('\n'),
    );
    const edges = inspectDag(file)
      .edges.map((edge) => edge.join('>'))
      .sort();
    expect(edges).toEqual(['a>b', 'a>c', 'b>d', 'c>d', 'd>f', 'e>c']);
  });
});
