// End to end on a real Docker engine and a real registry (bash scripts/test-engine.sh start): the compiled bin
// writes a project, builds and pushes its image; the image runs its pods; `publish --bump minor --push` ships
// a new version. Skips with its reason when the engine, the registry at 127.0.0.1:5000 or the base image is
// missing; under CI=true that is a failure.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runBin, type BinResult } from './support/run-bin.js';
import { engineProblem, REGISTRY, removeRepository } from './support/test-engine.js';

const BENCH = fileURLToPath(new URL('../bench/image-quality.mjs', import.meta.url));

const ready = requireTool(await engineProblem(), 'the Docker end-to-end tests (real engine, real registry)');

function docker(args: string[], env?: NodeJS.ProcessEnv, command = 'docker'): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: env ?? process.env,
  });
}

async function registryJson(path: string): Promise<unknown> {
  const response = await fetch(`http://${REGISTRY}${path}`, { signal: AbortSignal.timeout(10_000) });
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

function describeRun(run: BinResult | SpawnSyncReturns<string>): string {
  return 'exitCode' in run ? run.output : `${run.stdout}\n${run.stderr}`;
}

/** Docker runs take as long as they take: only the test's own timeout bounds them. */
const runDockerBin = (args: string[], cwd: string, markers: string[] = []) => runBin(args, cwd, { markers, timeout: 0 });

const figures: string[] = [];

describe.runIf(ready)('docker end to end: real engine, registry at ' + REGISTRY, () => {
  const ns = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const repository = `${REGISTRY}/${ns}`;
  const image = (tag: string) => `${repository}/factory-pods:${tag}`;
  const localImage = `${ns}-local:1.0.0`;
  const buildkitImage = `${ns}-buildkit:1.0.0`;
  let work = '';
  let project = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pod-ingestion-e2e-'));
    project = join(work, 'factory-pods');
  });

  // The project generated, built and pushed as 1.0.0 with --build --push: done once, by whichever test needs it
  // first, so the tests pass in any order (vitest --sequence.shuffle). What the registry listed right after
  // the push is kept, since later tests push other tags.
  let shipping: Promise<{ run: BinResult; catalog: string[]; tags: string[] }> | undefined;
  function shipped() {
    shipping ??= (async () => {
      const run = await runDockerBin(
        [
          '--repository',
          repository,
          '--container',
          'factory-pods',
          '--tag',
          '1.0.0',
          '--packages',
          'requests',
          '--python',
          '3.11',
          '--pods',
          'collect,clean_orders',
          '--build',
          '--push',
        ],
        work,
        // docker's own output reaches the pipe as it happens (the bin passes it through).
        ['The push refers to repository', '1.0.0: digest: sha256:'],
      );
      if (run.exitCode !== 0) throw new Error(`generate + build + push failed:\n${run.output}`);
      const catalog = ((await registryJson('/v2/_catalog?n=1000')) as { repositories: string[] }).repositories;
      const tags = ((await registryJson(`/v2/${ns}/factory-pods/tags/list`)) as { tags: string[] }).tags;
      return { run, catalog, tags };
    })();
    return shipping;
  }

  afterAll(async () => {
    if (!work) return;
    const images = [image('1.0.0'), image('1.1.0'), localImage, buildkitImage];
    docker(['rmi', '-f', ...images]);
    // The registry keeps running; only this run's repository leaves it.
    await removeRepository(`${ns}/factory-pods`, ['1.0.0', '1.1.0']);
    rmSync(work, { recursive: true, force: true });
    if (figures.length > 0) console.log(`docker-e2e figures:\n  ${figures.join('\n  ')}`);
  });

  it('generates a project, builds and pushes its image with --build --push, and the image pulls back', async () => {
    const { run, catalog, tags } = await shipped();
    expect(run.exitCode, describeRun(run)).toBe(0);
    // The summary: reference, id, size, digest.
    expect(run.output).toContain(`Image:  ${image('1.0.0')}`);
    const id = /^Id: +(sha256:[0-9a-f]{64})$/m.exec(run.output)?.[1];
    expect(id, run.output).toBeDefined();
    const builtId = id!;
    const size = Number(/^Size: +([0-9.]+) MB$/m.exec(run.output)?.[1]);
    expect(size).toBeGreaterThan(200); // the base alone is 240 MB
    expect(run.output).toMatch(/^Pushed: sha256:[0-9a-f]{64}$/m);
    // Requirements already satisfied by the base: pip installs nothing and needs no network (or the layer is
    // already in the engine's build cache from an earlier run).
    expect(run.output).toMatch(/Requirement already satisfied: requests|RUN pip install[^\n]*\n ---> Using cache/);
    const publishSeconds = Number(/^Time: +([0-9.]+) s$/m.exec(run.output)?.[1]);
    const push = (run.marks['1.0.0: digest: sha256:'] ?? NaN) - (run.marks['The push refers to repository'] ?? NaN);
    const steps = run.output.match(/^Step \d+\/\d+ :/gm)?.length ?? 0;
    const cached = run.output.match(/^ ---> Using cache$/gm)?.length ?? 0;
    const pushed = run.output.match(/: Pushed$/gm)?.length ?? 0;
    const mounted = run.output.match(/: (Mounted from|Layer already exists)/gm)?.length ?? 0;
    figures.push(
      `generate + build + push: ${run.seconds.toFixed(1)} s (docker part ${publishSeconds} s, build with ${cached} of ${steps} steps from cache; ` +
        `push of the ${size} MB image ${push.toFixed(1)} s: ${pushed} layers uploaded, ${mounted} already there)`,
    );
    for (const file of [
      'Dockerfile',
      'requirements.txt',
      'run_in_docker.sh',
      'dags/factory_pods_pipeline.py',
      'pods/collect.py',
      'pods/clean_orders.py',
      '.yo-rc.json',
    ]) {
      expect(existsSync(join(project, file)), file).toBe(true);
    }

    // The registry's own HTTP API listed it, right after the push.
    expect(catalog).toContain(`${ns}/factory-pods`);
    expect(tags).toEqual(['1.0.0']);

    // Gone locally, then back from the registry, byte for byte the same image.
    expect(docker(['rmi', image('1.0.0')]).status).toBe(0);
    expect(docker(['image', 'inspect', image('1.0.0')]).status).not.toBe(0);
    const pullStarted = performance.now();
    const pull = docker(['pull', image('1.0.0')]);
    expect(pull.status, describeRun(pull)).toBe(0);
    const downloaded = pull.stdout.match(/: Pull complete$/gm)?.length ?? 0;
    const present = pull.stdout.match(/: Already exists$/gm)?.length ?? 0;
    figures.push(
      `pull after rmi: ${((performance.now() - pullStarted) / 1000).toFixed(1)} s (${downloaded} layers downloaded, ${present} still in the engine)`,
    );
    expect(docker(['image', 'inspect', '--format', '{{.Id}}', image('1.0.0')]).stdout.trim()).toBe(builtId);
  }, 300_000);

  it('runs each pod by PRG_NAME with its own log output and exit code', async () => {
    await shipped();
    for (const prg of ['collect.py', 'clean_orders', './collect.py']) {
      const result = docker(['run', '--rm', '-e', `PRG_NAME=${prg}`, image('1.0.0')]);
      expect(result.status, `PRG_NAME=${prg}\n${describeRun(result)}`).toBe(0);
      const pod = prg.replace(/^\.\//, '').replace(/\.py$/, '');
      expect(result.stdout).toContain(`run_in_docker.sh: running ${pod}.py`);
      // The script's logging goes to stderr, unbuffered, as a pod log.
      expect(result.stderr).toMatch(new RegExp(`INFO ${pod}: wrote 3 rows to /tmp/${pod}/${pod}_\\d{4}-\\d{2}-\\d{2}\\.csv`));
    }
    // Default PRG_NAME is the first pod.
    expect(docker(['run', '--rm', image('1.0.0')]).stderr).toContain('collect: wrote 3 rows');
  }, 300_000);

  it("passes a failing pod's exit code to docker run, rejects an unknown PRG_NAME with 64, runs as uid 5678", async () => {
    await shipped();
    const bad = docker(['run', '--rm', '-e', 'PRG_NAME=collect.py', '-e', 'RUN_DATE=bad', image('1.0.0')]);
    expect(bad.status, describeRun(bad)).toBe(2);
    expect(bad.stderr).toContain("invalid parameter: RUN_DATE='bad' is not a date in YYYY-MM-DD form");

    const unknown = docker(['run', '--rm', '-e', 'PRG_NAME=nope.py', image('1.0.0')]);
    expect(unknown.status, describeRun(unknown)).toBe(64);
    expect(unknown.stderr).toContain('PRG_NAME="nope.py" names no script in /app');
    expect(unknown.stderr).toMatch(/Scripts: .*\bclean_orders\b/);
    expect(unknown.stderr).toMatch(/Scripts: .*\bcollect\b/);

    const uid = docker(['run', '--rm', image('1.0.0'), 'id', '-u']);
    expect(uid.status, describeRun(uid)).toBe(0);
    expect(uid.stdout.trim()).toBe('5678');
  }, 300_000);

  it('`publish --bump minor --push` ships 1.1.0 and renames the image in the DAG, .yo-rc.json and README.md', async () => {
    await shipped();
    // A copy: the shipped project stays at 1.0.0 for the tests that use it after this one.
    const bumped = join(work, 'bumped', 'factory-pods');
    cpSync(project, bumped, { recursive: true });
    const run = await runDockerBin(['publish', '--bump', 'minor', '--push'], bumped);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('Version 1.0.0 -> 1.1.0');
    expect(run.output).toContain(`Image:  ${image('1.1.0')}`);
    expect(run.output).toMatch(/^Pushed: sha256:[0-9a-f]{64}$/m);
    figures.push(`publish --bump minor --push (layers already in the registry): ${run.seconds.toFixed(1)} s`);

    const tags = (await registryJson(`/v2/${ns}/factory-pods/tags/list`)) as { tags: string[] };
    expect([...tags.tags].sort()).toEqual(['1.0.0', '1.1.0']);
    expect(readFileSync(join(bumped, 'dags/factory_pods_pipeline.py'), 'utf8')).toContain(`IMAGE = "${image('1.1.0')}"`);
    expect(JSON.parse(readFileSync(join(bumped, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'].tag).toBe('1.1.0');
    const readme = readFileSync(join(bumped, 'README.md'), 'utf8');
    expect(readme).toContain(image('1.1.0'));
    expect(readme).not.toContain(image('1.0.0'));
    const result = docker(['run', '--rm', '-e', 'PRG_NAME=clean_orders.py', image('1.1.0')]);
    expect(result.status, describeRun(result)).toBe(0);
  }, 300_000);

  it('builds a local-only image, and `publish --push` refuses it with an explanation while the files remain', async () => {
    const localWork = join(work, 'local');
    const container = localImage.split(':')[0]!;
    const build = await runDockerBin(
      [localWork, '--container', container, '--tag', '1.0.0', '--python', '3.11', '--pods', 'collect', '--build'],
      work,
    );
    expect(build.exitCode, build.output).toBe(0);
    expect(build.output).toContain(`Image:  ${localImage}`);
    expect(build.output).toContain('Pushed: no (local image)');
    expect(docker(['image', 'inspect', localImage]).status).toBe(0);

    const push = await runDockerBin(['publish', '--push'], localWork);
    expect(push.exitCode, push.output).toBe(1);
    expect(push.stderr).toContain(`${localImage} has no repository, so it is a local-only image and there is nowhere to push it`);
    expect(push.stderr).toContain('--repository');
    for (const file of [
      'Dockerfile',
      'requirements.txt',
      'run_in_docker.sh',
      `dags/${container.replace(/-/g, '_')}_pipeline.py`,
      'pods/collect.py',
      '.yo-rc.json',
    ]) {
      expect(existsSync(join(localWork, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(localWork, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'].tag).toBe('1.0.0');
  }, 300_000);

  it('a project grown with `pod` and `package` builds, and its image runs every pod by PRG_NAME', async () => {
    const grownWork = join(work, 'grown');
    const container = `${ns}-grown`;
    const grownImage = `${container}:1.0.0`;
    expect((await runDockerBin([grownWork, '--container', container, '--python', '3.11', '--pods', 'collect'], work)).exitCode).toBe(0);
    const steps = [
      ['pod', 'clean_orders', '--after', 'collect', '--param', 'LINE_ID=1'],
      ['pod', 'join_zones', '--after', 'collect,clean_orders', '--env', 'ZONE=consumer'],
      ['package', 'requests'],
    ];
    for (const step of steps) {
      const run = await runDockerBin(step, grownWork);
      expect(run.exitCode, run.output).toBe(0);
    }
    try {
      const build = await runDockerBin(['publish'], grownWork);
      expect(build.exitCode, build.output).toBe(0);
      for (const pod of ['collect', 'clean_orders', 'join_zones']) {
        const run = docker(['run', '--rm', '-e', `PRG_NAME=${pod}.py`, grownImage]);
        expect(run.status, describeRun(run)).toBe(0);
        expect(run.stdout + run.stderr).toContain(`wrote 3 rows to /tmp/${pod}/${pod}_`);
      }
    } finally {
      docker(['rmi', '-f', grownImage]);
    }
  }, 300_000);

  it("builds the generated project with BuildKit too (Debian's /usr/bin/docker 20.10, built-in BuildKit)", async (context) => {
    // The generator uses the classic builder; the 28.x client in /usr/local/bin has no buildx, so BuildKit is
    // checked with the 20.10 client that has it built in.
    if (!requireTool(toolMissing('/usr/bin/docker', ['--version']), 'the BuildKit build')) return context.skip();
    await shipped();
    const env = { ...process.env, DOCKER_BUILDKIT: '1' };
    const build = docker(['build', '--progress', 'plain', '-t', buildkitImage, project], env, '/usr/bin/docker');
    expect(build.status, describeRun(build)).toBe(0);
    expect(build.stderr).toMatch(/^#\d+ \[\d+\/\d+\] RUN pip install/m); // BuildKit's plain progress, not the classic "Step n/m"
    expect(build.stdout + build.stderr).not.toMatch(/^Step \d+\/\d+ :/m);
    const result = docker(['run', '--rm', '-e', 'PRG_NAME=collect.py', buildkitImage]);
    expect(result.status, describeRun(result)).toBe(0);
    expect(result.stderr).toContain('collect: wrote 3 rows');
    expect(docker(['run', '--rm', buildkitImage, 'id', '-u']).stdout.trim()).toBe('5678');
  }, 300_000);

  it('image quality: cold build, cached rebuild after a script change, size added to the base (bench/image-quality.mjs)', () => {
    for (const builder of [
      { label: 'classic', env: {} },
      { label: 'BuildKit', env: { DOCKER: '/usr/bin/docker', DOCKER_BUILDKIT: '1' } },
    ]) {
      if (builder.label === 'BuildKit' && toolMissing('/usr/bin/docker', ['--version'])) continue;
      const bench = spawnSync(process.execPath, [BENCH, '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...builder.env },
      });
      const lines = bench.stdout.trim().split('\n');
      for (const line of lines.filter((text) => text.startsWith('image-quality:'))) console.log(line);
      expect(bench.status, `${bench.stdout}\n${bench.stderr}`).toBe(0);
      const result = JSON.parse(lines.at(-1)!) as {
        coldSeconds: number;
        rebuildSeconds: number;
        ratio: number;
        pipStepCached: boolean;
        addedMB: number;
      };
      expect(result.pipStepCached).toBe(true);
      expect(result.ratio).toBeLessThan(1);
      expect(result.addedMB).toBeLessThan(5);
      figures.push(
        `image quality (${builder.label}): cold ${result.coldSeconds} s, rebuild ${result.rebuildSeconds} s (${result.ratio} of cold), added ${result.addedMB} MB`,
      );
    }
  }, 300_000);
});
