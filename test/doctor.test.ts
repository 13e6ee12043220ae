// `pod-ingestion doctor`: every known flaw of the original how-to is found, with file, line, why and fix, in a
// hand-made project written for this test (test/fixtures/hand-made/original), and nothing in generated projects.
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { doctorProject, type Finding } from '../src/core/doctor-checks.js';
import { addPod } from '../src/core/pipeline.js';
import { EXECUTABLE_FILES, renderProject } from '../src/core/render-project.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff, writeTree } from './support/tree.js';

const ORIGINAL = new URL('./fixtures/hand-made/original/', import.meta.url).pathname;

afterAll(cleanupTempDirs);

function handMade(): string {
  const root = tempDir('doctor');
  cpSync(ORIGINAL, root, { recursive: true });
  return root;
}

function lineOf(root: string, file: string, text: string): number {
  const index = readFileSync(join(root, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

const has = (findings: Finding[], file: string, line: number, why: RegExp) =>
  findings.some((finding) => finding.file === file && finding.line === line && why.test(finding.why) && finding.fix.length > 0);

describe('doctor on a hand-made project in the original shape', () => {
  it('finds each known flaw at its file and line, and changes nothing (exit 1)', async () => {
    const root = handMade();
    // A shell script checked out with Windows line endings.
    const script = join(root, 'run_in_docker.sh');
    writeFileSync(script, readFileSync(script, 'utf8').replace(/\n/g, '\r\n'));
    const before = snapshot(root);
    const result = await runBin(['doctor'], root);
    expect(result.exitCode, result.output).toBe(1);
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);

    const findings = doctorProject(Object.fromEntries([...before].map(([path, bytes]) => [path, bytes.toString('utf8')])));
    const expected: [string, string, RegExp][] = [
      ['Dockerfile', 'ENV PRG_NAME $PRG_NAME', /empty value/],
      ['Dockerfile', 'FROM python:3.8-slim-buster', /end-of-life.*Python 3\.8.*Debian buster/],
      ['Dockerfile', 'pip3 install --no-cache', /--no-cache option/],
      ['Dockerfile', 'chown -R', /recursive chown/],
      ['Dockerfile', 'COPY pods/ /app', /before the user exists/],
      ['requirements.txt', 'apache-airflow==', /Airflow and its providers/],
      ['requirements.txt', 'apache-airflow-providers-google', /Airflow and its providers/],
      ['requirements.txt', 'ipykernel', /Jupyter/],
      ['requirements.txt', 'debugpy', /debugger/],
      ['requirements.txt', 'appnope', /macOS- or Windows-only/],
      ['run_in_docker.sh', '#!/bin/bash', /CRLF/],
      ['run_in_docker.sh', '#!/bin/bash', /set -e/],
      ['run_in_docker.sh', 'python3 $PRG_NAME', /Kubernetes signals/],
      ['run_in_docker.sh', 'python3 $PRG_NAME', /\$PRG_NAME is not quoted/],
      ['run_in_docker.sh', 'echo "PRG_NAME: " $PRG_NAME', /\$PRG_NAME is not quoted/],
      ['dags/industrial_ingestion.py', 'operators.kubernetes_pod import', /removed in provider 10/],
      ['dags/industrial_ingestion.py', 'from airflow.utils.dates import days_ago', /days_ago was removed/],
      ['dags/industrial_ingestion.py', 'schedule_interval=', /schedule_interval was removed/],
      ['dags/industrial_ingestion.py', 'is_delete_operator_pod=True', /ignored since provider 10/],
      ['dags/industrial_ingestion.py', 'start = DummyOperator', /DummyOperator was removed/],
      ['README.md', 'docker build', /Docker refuses the image reference smedina1304\/runPodsPython:v1\.0/],
      ['README.md', 'docker push', /Docker refuses the image reference/],
    ];
    for (const [file, text, why] of expected) {
      expect(has(findings, file, lineOf(root, file, text), why), `${file}: "${text}" ${why}\n${result.output}`).toBe(true);
    }
    // The bin prints the same findings with their fix.
    expect(result.output).toContain(`Dockerfile:${lineOf(root, 'Dockerfile', 'ENV PRG_NAME')}: ENV PRG_NAME takes $PRG_NAME`);
    expect(result.output).toContain('fix: use smedina1304/run-pods-python:v1.0');
    expect(result.output).toMatch(/doctor: \d+ findings in 5 files; nothing was changed\./);
  });

  it('a DAG whose KubernetesPodOperator names an image Docker refuses', () => {
    const findings = doctorProject({
      'dags/x.py': 'from airflow import DAG\nwith DAG("x") as dag:\n    t = KubernetesPodOperator(task_id="t", image="Acme/App:1")\n',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'dags/x.py',
        line: 3,
        why: expect.stringMatching(/Acme\/App:1/),
        fix: 'use acme/app:1 (every part lowercase)',
      }),
    ]);
  });

  it('an end-of-life Python chosen through an ARG default', () => {
    const findings = doctorProject({ Dockerfile: 'ARG PYTHON_VERSION=3.8\nFROM python:${PYTHON_VERSION}-slim\n' }, new Date('2026-11-26'));
    expect(findings).toEqual([
      expect.objectContaining({ line: 2, why: expect.stringMatching(/python:3\.8-slim is end-of-life \(Python 3\.8\)/) }),
    ]);
  });
});

describe('doctor on generated projects', () => {
  it('finds nothing in a generated project, grown with pods and secrets (exit 0)', async () => {
    const root = tempDir('doctor-generated');
    const plan = resolveAppAnswers({
      repository: 'ghcr.io/acme',
      container: 'factory-pods',
      tag: 'v1.0',
      pods: 'collect',
      python: '3.12',
      defaults: true,
      packages: 'pandas==2.2.3',
    });
    let { config } = addPod(plan.config, 'clean', {
      after: 'collect',
      param: 'LINE_ID',
      secret: 'gcs-key:/var/secrets/gcs',
      env: 'ZONE=raw',
    });
    ({ config } = addPod(config, 'report', { after: 'collect,clean' }));
    const files = renderProject(config, plan.requirementsText);
    expect(doctorProject(files)).toEqual([]);
    writeTree(root, { ...files, '.yo-rc.json': JSON.stringify({ 'generator-pod-ingestion': config }) }, EXECUTABLE_FILES);
    const result = await runBin(['doctor'], root);
    expect(result.output).toContain('doctor: no known flaw found.');
    expect(result.exitCode).toBe(0);
  });

  it('finds nothing in a project the bin generated with defaults', async () => {
    const parent = tempDir('doctor-bin');
    const made = await runBin(
      ['demo', '--defaults', '--repository', 'smedina1304', '--container', 'run-pods-python', '--pods', 'collect,clean_orders'],
      parent,
    );
    expect(made.exitCode, made.output).toBe(0);
    const result = await runBin(['doctor'], join(parent, 'demo'));
    expect(result.exitCode, result.output).toBe(0);
  });

  it('names a saved pod whose script is gone, and a scripts folder that is gone, in the project language', async () => {
    const parent = tempDir('doctor-scripts');
    expect((await runBin(['demo', '--defaults', '--lang', 'pt-BR', '--pods', 'collect,clean_orders'], parent)).exitCode).toBe(0);
    const root = join(parent, 'demo');
    rmSync(join(root, 'pods', 'clean_orders.py'));
    const script = await runBin(['doctor', '--lang', 'en'], root);
    expect(script.exitCode, script.output).toBe(1);
    expect(script.stdout).toContain('pods/clean_orders.py: the pod clean_orders has no script');
    expect(script.stdout).toContain('fix: restore pods/clean_orders.py, or remove the pod with `pod-ingestion remove clean_orders`');
    expect(script.stdout).not.toContain('collect.py');

    renameSync(join(root, 'pods'), join(root, 'jobs'));
    const folder = await runBin(['doctor'], root);
    expect(folder.exitCode, folder.output).toBe(1);
    expect(folder.stdout).toContain(
      'pods/: a pasta dos scripts não existe: o `docker build` falha no COPY de pods/, e os pods collect, clean_orders ficam sem script para rodar',
    );
    expect(folder.stdout).toContain('doctor: 1 problema em 1 arquivo; nada foi alterado.');
  });
});
