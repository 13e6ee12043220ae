// `pod-ingestion run` refuses a bad run before any container starts: a `docker` stub first on PATH records
// every call, and must record none. Docker's own failures (no CLI, daemon down, image missing with
// --no-build), which a real engine cannot produce on demand, come from the stub too.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

const DAEMON_DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

/** A folder with a `docker` that logs its arguments; `version` answers `versionReply`, `image inspect` says no such image. */
function dockerStub(versionExit: number): { dir: string; calls: () => string[] } {
  const dir = tempDir('run-stub');
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(dir, 'docker'),
    [
      '#!/bin/sh',
      `printf '%s\\n' "$*" >> '${log}'`,
      'case "$1" in',
      versionExit === 0 ? '  version) echo 20.10.24; exit 0 ;;' : `  version) echo '${DAEMON_DOWN}' >&2; exit 1 ;;`,
      "  image) echo 'Error: No such image: x' >&2; exit 1 ;;",
      '  *) echo unexpected >&2; exit 99 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'docker'), 0o755);
  return { dir, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []) };
}

/** The bin (by node's absolute path) with PATH = only the given folder: no real docker anywhere. */
function runWithPath(args: string[], cwd: string, path: string) {
  return runBin(args, cwd, { env: { PATH: path }, extendEnv: false });
}

describe('pod-ingestion run: refusals before anything runs, and Docker failures', () => {
  let project = '';

  beforeAll(async () => {
    const root = tempDir('run-refusals');
    expect((await runBin(['pipe', '--container', 'pipe', '--pods', 'a'], root)).exitCode).toBe(0);
    project = join(root, 'pipe');
    for (const args of [
      ['pod', 'b', '--after', 'a', '--param', 'RUN_DATE', '--param', 'LINE=1', '--secret', 'gcp-key:/var/secrets/gcp'],
      ['pod', 'c', '--after', 'b', '--env', 'TOKEN={{ var.value.api_token }}', '--env', 'DAY={{ ds_nodash }}'],
    ]) {
      const result = await runBin(args, project);
      expect(result.exitCode, result.output).toBe(0);
    }
  }, 120_000);
  afterAll(cleanupTempDirs);

  const secrets = () => {
    const dir = tempDir('run-secrets');
    mkdirSync(join(dir, 'gcp-key'));
    return dir;
  };

  it.each([
    [
      'a missing required param, naming the task and the param',
      ['--set', 'c:TOKEN=x'],
      'task b needs the param RUN_DATE, which has no default',
    ],
    [
      'a missing secret folder',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x', '--secrets-dir', '/nonexistent-secrets'],
      'no folder /nonexistent-secrets/gcp-key',
    ],
    [
      'no --secrets-dir for a task with a secret',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x'],
      'task b mounts the secret gcp-key at /var/secrets/gcp: give --secrets-dir',
    ],
    [
      'a template a local run cannot render, named',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', 'SECRETS'],
      '{{ var.value.api_token }}: a local run renders only',
    ],
    [
      'an unknown task',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x', 'SECRETS', 'nope'],
      'the TASK argument "nope": no task of that name; the pipeline has: a, b, c',
    ],
    ['a conf that is not a JSON object', ['--conf', '[1]', '--set', 'c:TOKEN=x', 'SECRETS'], 'the conf is one JSON object'],
    [
      'a --set for a variable no task has',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x', '--set', 'NOPE=1', 'SECRETS'],
      'no task of this run has an env var NOPE',
    ],
    [
      'a logical date that does not exist',
      ['--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x', '--logical-date', '2026-02-30', 'SECRETS'],
      '--logical-date "2026-02-30": a real date',
    ],
  ])(
    'refuses %s, and runs no docker command',
    async (_, given, message) => {
      const stub = dockerStub(0);
      const args = given.flatMap((arg) => (arg === 'SECRETS' ? ['--secrets-dir', secrets()] : [arg]));
      const result = await runWithPath(['run', ...args], project, stub.dir);
      expect(result.exitCode, result.output).toBe(1);
      expect(result.output).toContain('Nothing was run');
      expect(result.output).toContain(message);
      expect(result.output).not.toMatch(/\n\s+at /);
      expect(stub.calls()).toEqual([]);
      expect(existsSync(join(project, '.pod-ingestion/runs'))).toBe(false);
    },
    60_000,
  );

  it('refuses outside a project', async () => {
    const result = await runBin(['run'], tempDir('run-outside'));
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('not a pod-ingestion project');
  }, 60_000);

  const valid = () => ['run', '--conf', '{"RUN_DATE": "2026-01-31"}', '--set', 'c:TOKEN=x', '--secrets-dir', secrets()];

  it('says in plain words that the docker command is missing', async () => {
    const result = await runWithPath(valid(), project, tempDir('run-empty-path'));
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('the docker command is not installed or not on PATH');
  }, 60_000);

  it("says the daemon is down, with docker's own text, and starts nothing", async () => {
    const stub = dockerStub(1);
    const result = await runWithPath(valid(), project, stub.dir);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(DAEMON_DOWN);
    expect(result.output).toContain('the Docker engine (daemon) is not running');
    expect(stub.calls()).toEqual(['version --format {{.Server.Version}}']);
  }, 60_000);

  it('with --no-build, a missing image is named with what to do, and no container starts', async () => {
    const stub = dockerStub(0);
    const result = await runWithPath([...valid(), '--no-build'], project, stub.dir);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('pipe:1.0.0 is not in the local engine');
    expect(result.output).toContain('pod-ingestion publish');
    expect(stub.calls().some((call) => call.startsWith('run'))).toBe(false);
  }, 60_000);
});
