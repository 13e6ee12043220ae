/* eslint-disable @typescript-eslint/no-explicit-any -- these tests write values of the wrong type into a parsed .yo-rc.json on purpose */
// Issue 12 through the compiled bin, as a user meets it: each way in (options, answers file, .yo-rc.json,
// requirements file, pod, package) refuses the probe's values with a message naming where the value came
// from, and writes nothing; accepted values land where they should.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON } from './checkers/python.js';
import { dagTasks, inspectDag } from './checkers/dag.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

afterAll(cleanupTempDirs);

let base = '';
beforeAll(async () => {
  const root = tempDir('trust');
  const made = await runBin(['lab', '--container', 'lab', '--pods', 'collect', '--packages', 'pandas==2.2.3 PyYAML==6.0.2'], root);
  expect(made.exitCode, made.output).toBe(0);
  base = join(root, 'lab');
});

/** A fresh copy of the base project inside its own folder (so a write outside the project would show). */
function copyOfBase(): { parent: string; project: string } {
  const parent = tempDir('trust-copy');
  const project = join(parent, 'lab');
  cpSync(base, project, { recursive: true });
  return { parent, project };
}

function editConfig(project: string, edit: (config: Record<string, any>) => void): void {
  const file = join(project, '.yo-rc.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  edit(saved['generator-pod-ingestion']);
  writeFileSync(file, JSON.stringify(saved, null, 2));
}

async function expectRefused(args: string[], cwd: string, message: RegExp, watch = cwd) {
  const before = snapshot(watch);
  const result = await runBin(args, cwd);
  expect(result.exitCode, result.output).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(snapshotDiff(before, snapshot(watch))).toEqual([]);
  return result;
}

describe('.yo-rc.json is checked before anything is written', () => {
  it.concurrent('a dagId that climbs out of the project', async () => {
    const { parent, project } = copyOfBase();
    editConfig(project, (config) => (config.dagId = '../../escaped_dag'));
    await expectRefused(
      ['pod', 'newjob'],
      project,
      /\.yo-rc\.json generator-pod-ingestion\.dagId "\.\.\/\.\.\/escaped_dag": an Airflow DAG id uses only/,
      parent,
    );
  });

  it.concurrent('Python in kubernetes.retries or pods[].after, and "pods": 5', async () => {
    const { parent, project } = copyOfBase();
    editConfig(project, (config) => {
      config.kubernetes.retries = '1, "x": __import__("os").system("id")}  #';
      config.pods[0].after = ['x"]) or __import__("os") #'];
    });
    const result = await expectRefused(['pod', 'newjob'], project, /kubernetes\.retries .*must be a whole number/, parent);
    expect(result.stderr).toMatch(/pods\[0\]\.after\[0\] .*no pod of that name/);
    editConfig(project, (config) => (config.pods = 5));
    await expectRefused(['package', 'requests'], project, /generator-pod-ingestion\.pods "5": must be a list/, parent);
    await expectRefused(['lab'], parent, /generator-pod-ingestion\.pods "5": must be a list/, parent);
  });

  it.concurrent('not JSON (Yeoman reads the file first and says so)', async () => {
    const { parent, project } = copyOfBase();
    writeFileSync(join(project, '.yo-rc.json'), '{ "generator-pod-ingestion": ');
    await expectRefused(['pod', 'newjob'], project, /Could not parse JSON in file: .*\.yo-rc\.json/, parent);
  });
});

describe('answers files: a value of the wrong type is refused with how to write it', () => {
  it.concurrent.each([
    [
      '{"tag": 1.0}',
      /tag \(answers file [^)]*\) "1": a number loses its written form \(3\.10 reads as 3\.1, 1\.0 as 1\): write it as a JSON string in quotes/,
    ],
    ['{"python": 3.10}', /python \(answers file [^)]*\) "3\.1": a number loses its written form/],
    ['{"build": "yes"}', /build \(answers file [^)]*\) "\\"yes\\"": a yes\/no answer is written true or false, without quotes/],
    [
      '{"packages": "pkg===1\\u001c--index-url=http://127.0.0.1:9/simple"}',
      /packages \(answers file class\.json\) "pkg===1\\u001c--index-url=http:\/\/127\.0\.0\.1:9\/simple": a requirement holds no control or line-separator character \(found \\x1c/,
    ],
  ])('%s', async (json, message) => {
    const folder = tempDir('answers');
    writeFileSync(join(folder, 'class.json'), json);
    await expectRefused(['p', '--answers', 'class.json', '--container', 'lab'], folder, message);
  });
});

describe('requirements files', () => {
  it.concurrent('a comment followed by \\r cannot hide an --index-url', async () => {
    const folder = tempDir('req-cr');
    writeFileSync(join(folder, 'req.txt'), '# pinned for the course\r--index-url http://127.0.0.1:9/simple\npandas==2.2.3\n');
    await expectRefused(
      ['p', '--container', 'lab', '--requirements', 'req.txt'],
      folder,
      /--requirements "line 1: .*": a requirements file holds no control or line-separator character other than line ends \(found \\x0d/,
    );
  });

  it.concurrent('a private index is kept verbatim; -r is refused with the reason', async () => {
    const folder = tempDir('req-index');
    const text = '--index-url https://pypi.acme.internal/simple\n--trusted-host pypi.acme.internal\npandas==2.2.3\n';
    writeFileSync(join(folder, 'req.txt'), text);
    const made = await runBin(['p', '--container', 'lab', '--requirements', 'req.txt'], folder);
    expect(made.exitCode, made.output).toBe(0);
    expect(readFileSync(join(folder, 'p', 'requirements.txt'), 'utf8')).toBe(text);
    writeFileSync(join(folder, 'other.txt'), '-r base.txt\n');
    await expectRefused(
      ['q', '--container', 'lab', '--requirements', 'other.txt'],
      folder,
      /-r includes another requirements file, which is not in the image's build context/,
    );
  });
});

describe('pod and package', () => {
  it.concurrent('one --env is one variable, spaces and "=" included', async () => {
    const { project } = copyOfBase();
    const result = await runBin(['pod', 'load', '--env', 'SQL=select * from t where a=1', '--param', 'Q=x y=z'], project);
    expect(result.exitCode, result.output).toBe(0);
    const report = inspectDag(join(project, 'dags', 'lab_pipeline.py'));
    expect(report.dags[0]?.params?.Q).toEqual({ required: false, default: 'x y=z' });
    const tasks = dagTasks(report);
    expect(tasks.load?.env_vars).toEqual({
      PRG_NAME: 'load.py',
      RUN_DATE: '{{ ds }}',
      OUTPUT_DIR: '{{ params.OUTPUT_DIR }}',
      SQL: 'select * from t where a=1',
      Q: '{{ params.Q }}',
    });
  });

  it.concurrent('a pod named like a listed package, or a package a pod would hide, is refused', async () => {
    const { project } = copyOfBase();
    await expectRefused(
      ['pod', 'pandas'],
      project,
      /the NAME argument "pandas": the pod pandas is named like the module pandas that pandas==2\.2\.3 installs/,
    );
    await expectRefused(['pod', 'yaml'], project, /the module yaml that PyYAML==6\.0\.2 installs/);
    await expectRefused(['pod', 'numpy'], project, /the module numpy that pandas==2\.2\.3 installs/);
    await expectRefused(
      ['package', 'collect'],
      project,
      /the SPEC argument "collect": the pod collect is named like the module collect that collect installs/,
    );
    await expectRefused(['package', ''], project, /the SPEC argument "": a requirement is not empty/);
    await expectRefused(['package', 'psycopg2 binary'], project, /Try: psycopg2-binary/);
  });

  it.concurrent('a --param SOURCE_DIR default does not break the generated unit tests', async () => {
    const { project } = copyOfBase();
    const result = await runBin(
      ['pod', 'load', '--param', 'SOURCE_DIR=/data/exports', '--param', 'RUN_DATE=bad', '--env', 'OUTPUT_DIR=/nowhere'],
      project,
    );
    expect(result.exitCode, result.output).toBe(0);
    const tests = spawnSync(PYTHON, ['-B', '-m', 'unittest', 'discover', '-s', 'tests'], { cwd: project, encoding: 'utf8' });
    expect(tests.status, tests.stderr).toBe(0);
    expect(tests.stderr).toMatch(/Ran \d+ tests/);
  });
});

describe('the smaller edges (item 14)', () => {
  it.concurrent('an empty destination is refused, not the current folder', async () => {
    const folder = tempDir('empty-dest');
    await expectRefused(
      ['', '--container', 'lab'],
      folder,
      /the destination argument "": an empty destination would write into the current folder/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it.concurrent('the "Next: cd" hint quotes the path for the shell', async () => {
    const folder = tempDir('quote');
    mkdirSync(join(folder, 'sub'));
    const result = await runBin(['x$(id)', '--container', 'lab'], join(folder, 'sub'));
    expect(result.exitCode, result.output).toBe(0);
    const hint = result.output.split('\n').find((line) => line.startsWith('Next: cd '))!;
    expect(hint).toContain(`'${join(folder, 'sub', 'x$(id)')}'`);
    // bash reads the quoted word back as the path, without running anything.
    const word = hint.slice('Next: cd '.length, hint.indexOf(' && '));
    expect(spawnSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' }).stdout).toBe(join(folder, 'sub', 'x$(id)'));
  });
});
