// Docker failure paths of the bin, without a Docker engine: a fake `docker` executable first on PATH prints
// docker's real error text (observed on Debian 12 with the 20.10 engine and the 20.10/28.x clients, see
// docs/test-engine.md) and exits 1. For each, the bin exits 1, stderr carries docker's own message, the plain
// hint and the command to retry, and the project files stay written (the scaffold is not rolled back).
// Also a unit test of diagnose and adviceFor on those texts.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PodIngestionError } from '../src/core/errors.js';
import { adviceFor, diagnose, DockerError, type DockerProblem } from '../src/docker/docker-cli.js';
import { runBin, type BinResult } from './support/run-bin.js';
import { snapshot, snapshotDiff } from './support/tree.js';

// Docker's texts, as printed on this kind of machine.
const TEXT = {
  daemon: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  daemonInfo2010:
    'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\nerrors pretty printing info',
  denied: 'denied: requested access to the resource is denied',
  noAuth: 'no basic auth credentials',
  refused: 'Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused',
  unknownHost: 'Get "https://example.invalid:5000/v2/": dial tcp: lookup example.invalid on 10.255.255.53:53: no such host',
  hubOffline: 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
  // Online, a base image repository that does not exist / a tag that does not exist (classic builder).
  pullDenied:
    "pull access denied for python-nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
  manifestUnknown: 'manifest for python:3.99-slim not found: manifest unknown: manifest unknown',
  buildxMissing2010: "docker: 'buildx' is not a docker command.\nSee 'docker --help'",
  buildxMissing28: "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information",
  legacyNotice:
    'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/',
  buildkitNoBuildx:
    'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n       Install the buildx component to build images with BuildKit:\n       https://docs.docker.com/go/buildx/',
} as const;

/** What the classic builder prints before failing on FROM (stdout), as with the generated Dockerfile. */
const CLASSIC_BUILD_START =
  'Sending build context to Docker daemon  17.92kB\nStep 1/15 : ARG PYTHON_VERSION=3.11\nStep 2/15 : FROM python:${PYTHON_VERSION}-slim\n';

const HINT = {
  daemon: 'the Docker engine (daemon) is not running',
  notInstalled: 'the docker command is not installed or not on PATH',
  notLoggedIn: 'you are not logged in to the registry',
  denied: 'the registry refused the push',
  unreachable: 'the registry cannot be reached',
  baseImage: 'the base image could not be pulled',
  buildx: 'building for another platform needs Docker buildx',
} as const;

interface Reply {
  stdout?: string;
  stderr?: string;
  code: number;
}

/** The answers of the fake docker, by its first argument; `*` answers everything not listed. */
type Script = Partial<Record<'version' | 'build' | 'image' | 'push' | 'tag' | 'buildx' | '*', Reply>>;

const OK: Script = {
  version: { stdout: '20.10.24+dfsg1\n', code: 0 },
  build: {
    stdout: 'Sending build context to Docker daemon  17.92kB\nStep 1/15 : ARG PYTHON_VERSION=3.11\nSuccessfully built 0123456789ab\n',
    code: 0,
  },
  image: { stdout: 'sha256:abc 123\n', code: 0 },
  tag: { code: 0 },
  push: {
    stdout:
      'The push refers to repository [x]\n1.0.0: digest: sha256:0000000000000000000000000000000000000000000000000000000000000000 size: 2185\n',
    code: 0,
  },
  buildx: { stdout: 'github.com/docker/buildx v0.10.4\n', code: 0 },
};

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

const root = mkdtempSync(join(tmpdir(), 'pod-ingestion-docker-failures-'));
let counter = 0;

/** A folder holding only a fake `docker` (POSIX sh, builtins only) that logs its arguments and answers `script`. */
function fakeDocker(script: Script): { dir: string; calls: () => string[] } {
  const dir = join(root, `bin-${++counter}`);
  mkdirSync(dir);
  const log = join(dir, 'calls.log');
  const reply = (answer: Reply) =>
    [
      answer.stdout ? `printf '%s' ${quote(answer.stdout)}` : ':',
      answer.stderr ? `printf '%s\\n' ${quote(answer.stderr)} >&2` : ':',
      `exit ${answer.code}`,
    ].join('; ');
  const cases = Object.entries(script)
    .filter(([key]) => key !== '*')
    .map(([key, answer]) => `  ${key}) ${reply(answer!)} ;;`);
  const fallback = script['*'] ?? { stderr: `fake docker: unexpected command`, code: 99 };
  writeFileSync(
    join(dir, 'docker'),
    ['#!/bin/sh', `printf '%s\\n' "$*" >> ${quote(log)}`, 'case "$1" in', ...cases, `  *) ${reply(fallback)} ;;`, 'esac', ''].join('\n'),
  );
  chmodSync(join(dir, 'docker'), 0o755);
  return { dir, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

/** The bin with `path` as its whole PATH (a fake docker first, or no docker at all). */
function runBinWithPath(args: string[], cwd: string, path: string): Promise<BinResult> {
  return runBin(args, cwd, { env: { PATH: path } });
}

const PROJECT_FILES = [
  'Dockerfile',
  'requirements.txt',
  'run_in_docker.sh',
  '.dockerignore',
  'README.md',
  'dags/factory_pods_pipeline.py',
  'pods/collect.py',
  'pods/clean_orders.py',
  'tests/test_collect.py',
  '.yo-rc.json',
];

function expectProjectKept(project: string, tag = '1.0.0'): void {
  for (const file of PROJECT_FILES) expect(existsSync(join(project, file)), `${file} was rolled back`).toBe(true);
  expect(JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'].tag).toBe(tag);
}

function generateArgs(repository: string, extra: string[]): string[] {
  return [
    '--repository',
    repository,
    '--container',
    'factory-pods',
    '--tag',
    '1.0.0',
    '--python',
    '3.11',
    '--packages',
    'requests',
    '--pods',
    'collect,clean_orders',
    ...extra,
  ];
}

interface Scenario {
  name: string;
  script: Script;
  repository: string;
  extra: string[];
  /** docker's own text that must reach stderr. */
  docker: string;
  hint: string;
  /** The step named in the message. */
  step: string;
  /** A later docker subcommand that must not have run. */
  notCalled?: string;
  retry: (project: string) => string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'daemon down',
    script: { '*': { stderr: TEXT.daemon, code: 1 } },
    repository: '127.0.0.1:5000/team',
    extra: ['--build', '--push'],
    docker: TEXT.daemon,
    hint: HINT.daemon,
    step: 'Checking Docker failed',
    notCalled: 'build',
    retry: (project) => `cd ${project} && pod-ingestion publish --push`,
  },
  {
    name: 'push denied',
    script: {
      ...OK,
      push: {
        stdout: 'The push refers to repository [docker.io/someoneelse/factory-pods]\n5f70bf18a086: Preparing\n7e40d09ba74f: Preparing\n',
        stderr: TEXT.denied,
        code: 1,
      },
    },
    repository: 'someoneelse',
    extra: ['--build', '--push'],
    docker: TEXT.denied,
    hint: HINT.denied,
    step: 'Pushing someoneelse/factory-pods:1.0.0 failed',
    retry: (project) => `cd ${project} && pod-ingestion publish --push`,
  },
  {
    name: 'not logged in',
    script: {
      ...OK,
      push: {
        stdout: 'The push refers to repository [ghcr.io/acme/factory-pods]\n5f70bf18a086: Preparing\n',
        stderr: TEXT.noAuth,
        code: 1,
      },
    },
    repository: 'ghcr.io/acme',
    extra: ['--build', '--push'],
    docker: TEXT.noAuth,
    hint: `${HINT.notLoggedIn}: run \`docker login ghcr.io\``,
    step: 'Pushing ghcr.io/acme/factory-pods:1.0.0 failed',
    retry: (project) => `cd ${project} && pod-ingestion publish --push`,
  },
  {
    name: 'registry unreachable',
    script: {
      ...OK,
      push: { stdout: 'The push refers to repository [127.0.0.1:5001/team/factory-pods]\n', stderr: TEXT.refused, code: 1 },
    },
    repository: '127.0.0.1:5001/team',
    extra: ['--build', '--push'],
    docker: 'dial tcp 127.0.0.1:5001: connect: connection refused',
    hint: HINT.unreachable,
    step: 'Pushing 127.0.0.1:5001/team/factory-pods:1.0.0 failed',
    retry: (project) => `cd ${project} && pod-ingestion publish --push`,
  },
  {
    name: 'base image not found (offline: Docker Hub unreachable)',
    script: { ...OK, build: { stdout: CLASSIC_BUILD_START, stderr: TEXT.hubOffline, code: 1 } },
    repository: '127.0.0.1:5000/team',
    extra: ['--build', '--push'],
    docker: TEXT.hubOffline,
    hint: HINT.baseImage,
    step: 'Building the image failed',
    notCalled: 'push',
    retry: (project) => `cd ${project} && pod-ingestion publish --push`,
  },
  {
    name: 'base image not found (no such repository)',
    script: { ...OK, build: { stdout: CLASSIC_BUILD_START, stderr: TEXT.pullDenied, code: 1 } },
    repository: '127.0.0.1:5000/team',
    extra: ['--build'],
    docker: TEXT.pullDenied,
    hint: HINT.baseImage,
    step: 'Building the image failed',
    notCalled: 'push',
    retry: (project) => `cd ${project} && pod-ingestion publish`,
  },
  {
    name: 'buildx missing (--platform linux/amd64)',
    script: { ...OK, buildx: { stderr: TEXT.buildxMissing2010, code: 1 } },
    repository: '127.0.0.1:5000/team',
    extra: ['--build', '--push', '--platform', 'linux/amd64'],
    docker: "docker: 'buildx' is not a docker command.",
    hint: HINT.buildx,
    step: 'Checking buildx failed',
    notCalled: 'build',
    retry: (project) => `cd ${project} && pod-ingestion publish --push --platform linux/amd64`,
  },
];

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("docker failures of `pod-ingestion ... --build --push`: exit 1, docker's text, a hint, the retry, files kept", () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const stub = fakeDocker(scenario.script);
      const work = mkdtempSync(join(root, 'work-'));
      const project = join(work, 'factory-pods');
      const result = await runBinWithPath(
        generateArgs(scenario.repository, scenario.extra),
        work,
        `${stub.dir}${delimiter}${process.env.PATH ?? ''}`,
      );
      const report = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}\ndocker calls:\n${stub.calls().join('\n')}`;
      expect(result.exitCode, report).toBe(1);
      expect(stub.calls().length, 'the fake docker was not used').toBeGreaterThan(0);
      expect(result.stderr, report).toContain(scenario.step);
      expect(result.stderr, report).toContain(`docker said: `);
      expect(result.stderr, report).toContain(scenario.docker);
      expect(result.stderr, report).toContain(`What to do: ${scenario.hint}`);
      expect(result.stderr, report).toContain(`Retry with: ${scenario.retry(project)}`);
      expect(result.stderr, report).not.toMatch(/^\s+at .*\.js:\d+/m); // no stack trace
      if (scenario.notCalled)
        expect(
          stub.calls().some((call) => call.split(' ')[0] === scenario.notCalled),
          report,
        ).toBe(false);
      expectProjectKept(project);
    });
  }

  it('no docker CLI at all (PATH holds only node): says Docker is not installed', async () => {
    const dir = join(root, 'node-only');
    mkdirSync(dir);
    symlinkSync(process.execPath, join(dir, 'node'));
    const work = mkdtempSync(join(root, 'work-'));
    const project = join(work, 'factory-pods');
    const result = await runBinWithPath(generateArgs('127.0.0.1:5000/team', ['--build', '--push']), work, dir);
    const report = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
    expect(result.exitCode, report).toBe(1);
    expect(result.stderr, report).toContain('Checking Docker failed');
    expect(result.stderr, report).toContain(`What to do: ${HINT.notInstalled}`);
    expect(result.stderr, report).toContain('`docker --version`');
    expect(result.stderr, report).toContain(`Retry with: cd ${project} && pod-ingestion publish --push`);
    expectProjectKept(project);
  });
});

describe('docker failures of `pod-ingestion publish` inside a project', () => {
  async function freshProject(): Promise<string> {
    const work = mkdtempSync(join(root, 'work-'));
    const stub = fakeDocker({ '*': { stderr: 'fake docker: not expected while writing files', code: 99 } });
    const made = await runBinWithPath(generateArgs('ghcr.io/acme', []), work, `${stub.dir}${delimiter}${process.env.PATH ?? ''}`);
    expect(made.exitCode, made.stderr).toBe(0);
    expect(stub.calls(), 'no --build: docker is not touched').toEqual([]);
    return join(work, 'factory-pods');
  }

  it('not logged in: exit 1, the hint names the registry, the retry is `pod-ingestion publish --push --latest`', async () => {
    const project = await freshProject();
    const stub = fakeDocker({ ...OK, push: { stderr: TEXT.noAuth, code: 1 } });
    const result = await runBinWithPath(['publish', '--push', '--latest'], project, `${stub.dir}${delimiter}${process.env.PATH ?? ''}`);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain(TEXT.noAuth);
    expect(result.stderr).toContain('What to do: you are not logged in to the registry: run `docker login ghcr.io` and push again.');
    expect(result.stderr).toContain('Retry with: pod-ingestion publish --push --latest');
    expect(stub.calls().filter((call) => call.startsWith('build'))).toEqual([
      'build -t ghcr.io/acme/factory-pods:1.0.0 -t ghcr.io/acme/factory-pods:latest ' + project,
    ]);
    expectProjectKept(project);
  });

  it('daemon down with --bump minor, twice: every file stays byte for byte as it was, and the retry is the same command', async () => {
    const project = await freshProject();
    const before = snapshot(project);
    const stub = fakeDocker({ '*': { stderr: TEXT.daemon, code: 1 } });
    for (const attempt of [1, 2]) {
      const result = await runBinWithPath(
        ['publish', '--bump', 'minor', '--push'],
        project,
        `${stub.dir}${delimiter}${process.env.PATH ?? ''}`,
      );
      expect(result.exitCode, `attempt ${attempt}\n${result.stdout}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(TEXT.daemon);
      expect(result.stderr).toContain(`What to do: ${HINT.daemon}`);
      expect(result.stderr).toContain('Retry with: pod-ingestion publish --bump minor --push\n');
      expect(result.stdout).not.toContain('Version 1.0.0 -> 1.1.0');
      expect(snapshotDiff(before, snapshot(project)), `attempt ${attempt}`).toEqual([]);
    }
  });
});

describe("diagnose and adviceFor on docker's real error texts", () => {
  const cases: [string, string, DockerProblem, string?][] = [
    ['no daemon', TEXT.daemon, 'daemon-down', HINT.daemon],
    ['no daemon, 20.10 docker info', TEXT.daemonInfo2010, 'daemon-down', HINT.daemon],
    ['push denied', `The push refers to repository [docker.io/someoneelse/app]\n${TEXT.denied}`, 'push-denied', HINT.denied],
    ['not logged in', TEXT.noAuth, 'not-logged-in', HINT.notLoggedIn],
    ['registry down', `The push refers to repository [127.0.0.1:5001/t/app]\n${TEXT.refused}`, 'registry-unreachable', HINT.unreachable],
    ['registry host unknown', TEXT.unknownHost, 'registry-unreachable', HINT.unreachable],
    // A push to Docker Hub while offline is about the push registry, not the base image.
    [
      'push to Docker Hub offline',
      `The push refers to repository [docker.io/someone/app]\n${TEXT.hubOffline}`,
      'registry-unreachable',
      HINT.unreachable,
    ],
    ['base image, offline, classic builder', `${CLASSIC_BUILD_START}${TEXT.hubOffline}`, 'base-image', HINT.baseImage],
    [
      'base image, offline, BuildKit',
      '#3 [internal] load metadata for docker.io/library/python:3.99-slim\n#3 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.99-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host\nfailed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.99-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
      'base-image',
      HINT.baseImage,
    ],
    ['base image repository does not exist', `${CLASSIC_BUILD_START}${TEXT.pullDenied}`, 'base-image', HINT.baseImage],
    ['base image tag does not exist', `${CLASSIC_BUILD_START}${TEXT.manifestUnknown}`, 'base-image', HINT.baseImage],
    ['buildx missing, 20.10 client', TEXT.buildxMissing2010, 'buildx-missing', HINT.buildx],
    ['buildx missing, 28.x client', TEXT.buildxMissing28, 'buildx-missing', HINT.buildx],
    ['DOCKER_BUILDKIT=1 with the 28.x client', TEXT.buildkitNoBuildx, 'buildx-missing', HINT.buildx],
    // The classic builder's deprecation notice names buildx on every build: a failed RUN is not "buildx missing" (issue 12).
    [
      "a failed RUN after the classic builder's notice",
      `${TEXT.legacyNotice}\n${CLASSIC_BUILD_START}Step 9/15 : RUN pip install -r /tmp/requirements.txt\nERROR: No matching distribution found for pandas==99`,
      'other',
      "read docker's message above",
    ],
    [
      "a pod hiding an installed module (the Dockerfile's check)",
      `${TEXT.legacyNotice}\n${CLASSIC_BUILD_START}\u001b[91mpod scripts named like installed modules, which they would hide from every script in /app: pip. Rename them (e.g. pip_job.py) and build again.\n\u001b[0m`,
      'pod-shadows-module',
      'is named like a module the image installs',
    ],
    ['disk full', 'write /var/lib/docker/tmp/x: no space left on device', 'disk-full', 'the disk is full'],
    [
      'unknown text',
      'Step 9/15 : RUN pip install -r /tmp/requirements.txt\nERROR: No matching distribution found for pandas==99',
      'other',
      "read docker's message above",
    ],
  ];
  for (const [name, text, problem, hint] of cases) {
    it(name, () => {
      const found = diagnose(text);
      expect(found).toBe(problem);
      expect(adviceFor(found, '127.0.0.1:5000')).toContain(hint);
    });
  }

  it('names the registry to log in to, and plain `docker login` for Docker Hub', () => {
    expect(adviceFor('not-logged-in', 'ghcr.io')).toContain('`docker login ghcr.io`');
    expect(adviceFor('not-logged-in', 'docker.io')).toContain('`docker login`');
    expect(adviceFor('push-denied')).toContain('`docker login`');
  });

  it('DockerError carries its kind and problem, and says the step, the last lines docker printed, what to do and the retry', () => {
    const error = new DockerError(
      'Pushing a:1',
      'not-logged-in',
      `The push refers to repository [a]\nx: Preparing\ny: Preparing\n${TEXT.noAuth}\n`,
      adviceFor('not-logged-in'),
      'pod-ingestion publish --push',
    );
    expect(error).toBeInstanceOf(PodIngestionError);
    expect([error.kind, error.problem, error.name]).toEqual(['docker', 'not-logged-in', 'DockerError']);
    expect(error.message).toBe(
      [
        'Pushing a:1 failed.',
        '  docker said: x: Preparing',
        '  y: Preparing',
        `  ${TEXT.noAuth}`,
        '  What to do: you are not logged in to the registry: run `docker login` and push again.',
        '  Retry with: pod-ingestion publish --push',
      ].join('\n'),
    );
  });
});

describe('several platforms without --push', () => {
  it('is refused before docker runs, with the reason and the retry command', async () => {
    const { publishImage } = await import('../src/docker/publish-image.js');
    const config = { repository: 'ghcr.io/acme', container: 'app', tag: '1.0.0' } as Parameters<typeof publishImage>[0]['config'];
    const run = publishImage(
      {
        context: '.',
        config,
        push: false,
        platform: 'linux/amd64,linux/arm64',
        latest: false,
        retry: 'pod-ingestion publish --platform linux/amd64,linux/arm64',
      },
      () => {},
    );
    await expect(run).rejects.toBeInstanceOf(DockerError);
    await expect(run).rejects.toMatchObject({ kind: 'docker', problem: 'several-platforms-without-push' });
    await expect(run).rejects.toThrow(
      /cannot be loaded into the local engine.*Retry with: pod-ingestion publish --platform linux\/amd64,linux\/arm64 --push/s,
    );
  });
});
