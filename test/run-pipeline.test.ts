// `pod-ingestion run` on the real Docker engine (bash scripts/test-engine.sh start): a diamond a -> (b, c) -> d
// with tiny pod scripts, one image build shared by the whole file. Checks Airflow's states, what reaches the
// containers (conf params, a secret file read as the image's non-root user, rendered templates), a shared
// --mount folder, fresh conf values, --parallel from the run's own records, and Ctrl-C cleanup by label.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/docker/run-pipeline.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { requireTool } from './support/required-tool.js';

const BASE_IMAGE = 'python:3.11-slim';

function engineProblem(): string | undefined {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (info.error || info.status !== 0)
    return `\`docker info\` fails (${info.error?.message ?? info.stderr.trim().split('\n')[0]}); start it with \`bash scripts/test-engine.sh start\``;
  if (spawnSync('docker', ['image', 'inspect', BASE_IMAGE], { stdio: 'ignore' }).status !== 0)
    return `the base image ${BASE_IMAGE} is not in the engine; \`bash scripts/test-engine.sh start\``;
  return undefined;
}

const ready = requireTool(engineProblem(), 'the local run on a real Docker engine');

const SCRIPTS: Record<string, string> = {
  a: 'import os\nprint("a day", os.environ["DAY"], "run", os.environ["RUN"])\n',
  b: [
    'import os, pathlib, time',
    'secret = pathlib.Path("/var/secrets/api/token").read_text().strip()',
    'print("b greeting", os.environ["GREETING"], "secret", secret, "uid", os.getuid())',
    'pathlib.Path("/shared/b.txt").write_text(os.environ["GREETING"])',
    'time.sleep(float(os.environ["PAUSE"]))',
    '',
  ].join('\n'),
  c: 'import os, sys, time\ntime.sleep(float(os.environ["PAUSE"]))\nprint("c fail", os.environ["FAIL_C"])\nsys.exit(3 if os.environ["FAIL_C"] == "1" else 0)\n',
  d: 'import pathlib\nprint("d read", pathlib.Path("/shared/b.txt").read_text())\n',
};

/** The containers of a run still known to the engine (running or not). */
function containersOf(runId: string): string[] {
  const listed = spawnSync('docker', ['ps', '--all', '--quiet', '--filter', `label=pod-ingestion.run=${runId}`], { encoding: 'utf8' });
  return listed.stdout.split('\n').filter(Boolean);
}

describe.skipIf(!ready)('pod-ingestion run on a real engine', () => {
  let project = '';
  let secrets = '';
  let shared = '';

  /** The newest run's record (run.json, written by the run itself). */
  function lastRecord(): RunRecord {
    const runs = join(project, '.pod-ingestion/runs');
    const newest = spawnSync('ls', ['-1t', runs], { encoding: 'utf8' }).stdout.split('\n')[0]!;
    return JSON.parse(readFileSync(join(runs, newest, 'run.json'), 'utf8')) as RunRecord;
  }
  const stateOf = (record: RunRecord) => Object.fromEntries(record.tasks.map((task) => [task.task, task.state]));
  const logOf = (record: RunRecord, task: string) =>
    readFileSync(join(project, record.tasks.find((entry) => entry.task === task)!.log), 'utf8');
  const common = () => ['--secrets-dir', secrets, '--mount', `${shared}:/shared`];

  beforeAll(async () => {
    const root = tempDir('run');
    expect((await runBin(['diamond', '--container', 'run-diamond', '--python', '3.11', '--pods', 'a'], root)).exitCode).toBe(0);
    project = join(root, 'diamond');
    for (const args of [
      ['pod', 'b', '--after', 'a', '--param', 'GREETING', '--secret', 'api-key:/var/secrets/api', '--env', 'PAUSE=1.5'],
      ['pod', 'c', '--after', 'a', '--param', 'FAIL_C=1', '--env', 'PAUSE=1.5'],
      ['pod', 'd', '--after', 'b,c'],
    ]) {
      const result = await runBin(args, project);
      expect(result.exitCode, result.output).toBe(0);
    }
    // a's constants use Airflow templates; .yo-rc.json is the model the run reads.
    const rc = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'));
    rc['generator-pod-ingestion'].pods[0].env = [
      { name: 'DAY', value: '{{ ds }}' },
      { name: 'RUN', value: '{{ run_id }}' },
    ];
    writeFileSync(join(project, '.yo-rc.json'), JSON.stringify(rc, null, 2));
    for (const [name, script] of Object.entries(SCRIPTS)) writeFileSync(join(project, `pods/${name}.py`), script);
    // The secret is a root-owned file, readable by others as a Kubernetes secret volume is; the folder
    // shared by the pods is root's own 0700 temp folder: the run must make it writable for uid 5678.
    secrets = tempDir('run-secrets');
    mkdirSync(join(secrets, 'api-key'));
    writeFileSync(join(secrets, 'api-key/token'), 's3cret\n');
    chmodSync(secrets, 0o755);
    chmodSync(join(secrets, 'api-key'), 0o755);
    chmodSync(join(secrets, 'api-key/token'), 0o644);
    shared = tempDir('run-shared');
  }, 300_000);

  afterAll(() => {
    spawnSync('docker', ['image', 'rm', '--force', 'run-diamond:1.0.0'], { stdio: 'ignore' });
    cleanupTempDirs();
  });

  it('a diamond whose c fails: a and b succeed, c fails, d is upstream_failed, the exit status is 1', async () => {
    const result = await runBin(['run', '--conf', '{"GREETING": "hello-1"}', '--logical-date', '2026-01-31', ...common()], project);
    expect(result.exitCode, result.output).toBe(1);
    const record = lastRecord();
    expect(stateOf(record)).toEqual({ a: 'success', b: 'success', c: 'failed', d: 'upstream_failed' });
    const c = record.tasks.find((task) => task.task === 'c')!;
    // The project's one retry, without the delay.
    expect([c.exitCode, c.tries]).toEqual([3, 2]);
    expect(logOf(record, 'a')).toContain(`a day 2026-01-31 run ${record.runId}`);
    // The conf param and the secret file reached b, running as the image's user (not root).
    expect(logOf(record, 'b')).toContain('b greeting hello-1 secret s3cret uid 5678');
    expect(readFileSync(join(shared, 'b.txt'), 'utf8')).toBe('hello-1');
    expect(statSync(shared).uid).toBe(process.getuid!());
    expect(result.output).toMatch(/d\s+upstream_failed/);
    expect(containersOf(record.runId)).toEqual([]);
  }, 300_000);

  it('once c is fixed (a conf value), d reads what b wrote, with the new conf values, not stale ones', async () => {
    const result = await runBin(['run', '--conf', '{"GREETING": "hello-2", "FAIL_C": "0"}', '--no-build', ...common()], project);
    expect(result.exitCode, result.output).toBe(0);
    const record = lastRecord();
    expect(stateOf(record)).toEqual({ a: 'success', b: 'success', c: 'success', d: 'success' });
    expect(logOf(record, 'b')).toContain('b greeting hello-2 ');
    expect(logOf(record, 'c')).toContain('c fail 0');
    expect(logOf(record, 'd')).toContain('d read hello-2');
  }, 300_000);

  it("--parallel 2 runs b and c at the same time, --parallel 1 one after the other (the run's own times)", async () => {
    const interval = (record: RunRecord, task: string) => {
      const entry = record.tasks.find((item) => item.task === task)!;
      return [Date.parse(entry.start!), Date.parse(entry.end!)] as const;
    };
    const two = await runBin(
      ['run', 'b', 'c', '--parallel', '2', '--conf', '{"GREETING": "p", "FAIL_C": "0"}', '--no-build', ...common()],
      project,
    );
    expect(two.exitCode, two.output).toBe(0);
    const [b2, c2] = [interval(lastRecord(), 'b'), interval(lastRecord(), 'c')];
    expect(b2[0] < c2[1] && c2[0] < b2[1], `b ${b2} and c ${c2} should overlap`).toBe(true);
    const one = await runBin(
      ['run', 'b', 'c', '--parallel', '1', '--conf', '{"GREETING": "p", "FAIL_C": "0"}', '--no-build', ...common()],
      project,
    );
    expect(one.exitCode, one.output).toBe(0);
    const [b1, c1] = [interval(lastRecord(), 'b'), interval(lastRecord(), 'c')];
    expect(b1[1] <= c1[0] || c1[1] <= b1[0], `b ${b1} and c ${c1} should not overlap`).toBe(true);
    expect(Object.keys(stateOf(lastRecord()))).toEqual(['b', 'c']);
  }, 300_000);

  it('SIGINT during a long task stops and removes every container of the run and prints the table so far', async () => {
    // Ctrl-C once task c is running; its container must then exist, and be gone after.
    let running = undefined as { runId: string; containers: number } | undefined;
    const result = await runBin(['run', 'c', '--set', 'c:PAUSE=120', '--no-build', ...common()], project, {
      timeout: 0,
      onOutput: (output, child) => {
        if (running || !output.includes('c | run_in_docker.sh: running c.py')) return;
        const { runId } = lastRecord();
        running = { runId, containers: containersOf(runId).length };
        child.kill('SIGINT');
      },
    });
    expect(running?.containers).toBe(1);
    expect(result.exitCode).toBe(130);
    expect(containersOf(running!.runId)).toEqual([]);
    const after = lastRecord();
    expect(after.interrupted).toBe(true);
    expect(stateOf(after)).toEqual({ c: 'failed' });
    expect(result.output).toMatch(/c\s+failed/);
  }, 300_000);

  it('keeps the logs out of git and out of the build context', () => {
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toContain('.pod-ingestion/');
    expect(existsSync(join(project, '.pod-ingestion/image.json'))).toBe(true);
  });
});
