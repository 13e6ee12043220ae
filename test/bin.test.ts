// The bin as users run it: no TTY (so --defaults), argument arrays, exit codes, files on disk.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_QUESTIONS } from '../src/core/app-questions.js';
import { describeDefault } from '../src/core/questions.js';
import { runBin } from './support/run-bin.js';

const workspace = () => mkdtempSync(join(tmpdir(), 'pod-ingestion-bin-'));

describe('pod-ingestion (bin)', () => {
  it('--help lists every option with its default, and --version the package version', async () => {
    const dir = workspace();
    const help = await runBin(['--help'], dir);
    expect(help.exitCode).toBe(0);
    for (const question of APP_QUESTIONS) {
      expect(help.stdout).toContain(`--${question.name}`);
      expect(help.stdout).toContain(`[default: ${describeDefault(question)}]`);
    }
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    expect((await runBin(['--version'], dir)).stdout.trim()).toBe(version);
    expect((await runBin(['pod', '--help'], dir)).stdout).toContain('--after');
  });

  it('writes a project with --namespace and marks run_in_docker.sh executable', async () => {
    const dir = workspace();
    const run = await runBin(['factory', '--repository', '127.0.0.1:5000/ns', '--namespace', 'data-team', '--pods', 'collect'], dir);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'factory/dags/factory_pipeline.py'), 'utf8')).toContain('NAMESPACE = "data-team"');
    expect(statSync(join(dir, 'factory/run_in_docker.sh')).mode & 0o111).toBe(0o111);
    for (const file of ['Dockerfile', 'run_in_docker.sh', 'pods/collect.py', 'dags/factory_pipeline.py', 'README.md']) {
      expect(readFileSync(join(dir, 'factory', file), 'utf8')).not.toContain('\r');
    }
  });

  it('reports every bad field, exits 1 and leaves no folder behind', async () => {
    const dir = workspace();
    const run = await runBin(
      ['--repository', 'smedina1304', '--container', 'runPodsPython', '--tag', 'v 1', '--packages', 'flask==', '--pods', 'logging'],
      dir,
    );
    expect(run.exitCode).toBe(1);
    for (const field of ['--container "runPodsPython"', '--tag "v 1"', '--packages "flask=="', '--pods "logging"'])
      expect(run.stderr).toContain(field);
    // Our message only: no Yeoman banner ("An error occured while running ..."), no prefix for an unexpected error.
    expect(run.stderr.startsWith('Nothing was written: 4 answers are invalid.\n'), run.stderr).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('warns about an end-of-life Python and still writes the project', async () => {
    const dir = workspace();
    const run = await runBin(['old', '--python', '3.8'], dir);
    expect(run.exitCode).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/Warning: Python 3.8 reached end of life/);
    expect(readFileSync(join(dir, 'old/Dockerfile'), 'utf8')).toContain('ARG PYTHON_VERSION=3.8');
  });

  it('takes --requirements FILE, keeping its comments; refuses an invalid line', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'reqs.txt'), '# course pins\npandas==2.2.3\n\nrequests  # http\n');
    expect((await runBin(['proj', '--requirements', 'reqs.txt'], dir)).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'proj/requirements.txt'), 'utf8')).toBe('# course pins\npandas==2.2.3\n\nrequests  # http\n');
    writeFileSync(join(dir, 'bad.txt'), 'pandas==\n');
    const bad = await runBin(['proj2', '--requirements', 'bad.txt'], dir);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('line 1: pandas==');
    expect(existsSync(join(dir, 'proj2'))).toBe(false);
  });

  it("re-run in a project keeps the user's edits and pods, and adds new pods", async () => {
    const dir = workspace();
    expect((await runBin(['proj', '--pods', 'collect'], dir)).exitCode).toBe(0);
    const project = join(dir, 'proj');
    writeFileSync(join(project, 'pods/collect.py'), '# my own job\n');
    writeFileSync(join(project, 'Dockerfile'), `${readFileSync(join(project, 'Dockerfile'), 'utf8')}# my note\n`);
    const dag = join(project, 'dags/proj_pipeline.py');
    writeFileSync(dag, `# my header\n${readFileSync(dag, 'utf8')}`);
    const rerun = await runBin(['--pods', 'clean_orders', '--tag', '2.0.0'], project);
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(readFileSync(join(project, 'pods/collect.py'), 'utf8')).toBe('# my own job\n');
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('# my note');
    const dagText = readFileSync(dag, 'utf8');
    expect(dagText.startsWith('# my header\n')).toBe(true);
    expect(dagText).toContain('task_id="collect"');
    expect(dagText).toContain('task_id="clean_orders"');
    expect(dagText).toContain('IMAGE = "proj:2.0.0"');
  });
});

describe('pod-ingestion (bin) options', () => {
  it('refuses an option it does not know instead of ignoring it', async () => {
    const dir = workspace();
    const run = await runBin(['proj', '--contaner', 'x'], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('does not know --contaner');
    expect(readdirSync(dir)).toEqual([]);
  });
});
