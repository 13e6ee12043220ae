#!/usr/bin/env node
// Image quality of a generated project, measured on a real Docker engine (classic builder, the path the
// generator uses):
//   - cold build time:   `docker build --no-cache` of a fresh project
//   - rebuild time:      after changing only a pod script (best of two), as a ratio of the cold build; the
//                        pip-install step must come from the cache ("Using cache" / "CACHED")
//   - added size:        image size minus base image size; with requirements already satisfied by the base it
//                        must be small (the app files are not duplicated by a chown layer)
//
//   npm run build && node bench/image-quality.mjs [--json] [--keep]
//
// Needs a running engine and the base image python:<python>-slim (bash scripts/test-engine.sh start).
// Environment: IQ_PYTHON (default 3.11), IQ_PACKAGES (default "requests"), IQ_MAX_ADDED_MB (default 5),
// DOCKER (docker client to use, default "docker").
// DOCKER=/usr/bin/docker DOCKER_BUILDKIT=1 measures the same with BuildKit (Debian's 20.10 client).
// Prints `image-quality: cold X s, rebuild Y s (R of cold), added size Z MB ...`, then the non-empty layers the
// project adds (and with --json the figures as one JSON line, last); exits 1 when a check fails, listing each.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/bin/pod-ingestion.js', import.meta.url));
const DOCKER = process.env.DOCKER || 'docker';
const PYTHON = process.env.IQ_PYTHON || '3.11';
const PACKAGES = process.env.IQ_PACKAGES ?? 'requests';
const MAX_ADDED_MB = Number(process.env.IQ_MAX_ADDED_MB || 5);
const BUILDER = process.env.DOCKER_BUILDKIT === '1' ? `BuildKit (${DOCKER})` : `classic (${DOCKER})`;
const json = process.argv.includes('--json');
const keep = process.argv.includes('--keep');

function run(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output.split('\n').slice(-25).join('\n')}`,
    );
  }
  return { output, stdout: result.stdout ?? '', seconds };
}

/** The build steps of a classic-builder (or BuildKit plain) output, each with whether it came from the cache. */
function steps(output) {
  const classic = [...output.matchAll(/^Step (\d+)\/\d+ : (.*)\n((?:(?!Step \d+\/).*\n?)*)/gm)].map((match) => ({
    instruction: match[2],
    cached: /^ ---> Using cache$/m.test(match[3]),
  }));
  if (classic.length > 0) return classic;
  // BuildKit (--progress plain): "#7 [4/9] RUN pip install ..." then "#7 CACHED".
  return [...output.matchAll(/^#(\d+) \[[^\]]*\d+\/\d+\] (.*)$/gm)].map((match) => ({
    instruction: match[2],
    cached: new RegExp(`^#${match[1]} CACHED$`, 'm').test(output),
  }));
}

function imageSize(image) {
  return Number(run(DOCKER, ['image', 'inspect', '--format', '{{.Size}}', image]).stdout.trim());
}

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const container = `iq-${id}`;
const image = `${container}:1.0.0`;
const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-iq-'));
const project = join(work, container);
const failures = [];
let figures;
let coldId = '';
let firstRebuildId = '';
try {
  const base = `python:${PYTHON}-slim`;
  run(DOCKER, ['image', 'inspect', base]);
  // A local-only image (no --repository), files only: the builds below are timed on their own.
  run(
    process.execPath,
    [
      BIN,
      container,
      '--container',
      container,
      '--tag',
      '1.0.0',
      '--python',
      PYTHON,
      '--packages',
      PACKAGES,
      '--pods',
      'collect,clean_orders',
    ],
    { cwd: work },
  );

  const cold = run(DOCKER, ['build', '--no-cache', '-t', image, project]);
  // The rebuild moves the tag: remember the cold image to remove it too.
  coldId = run(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', image]).stdout.trim();
  const coldSteps = steps(cold.output);
  // BuildKit reports the (local) base image as CACHED even with --no-cache: FROM is not a build step of ours.
  if (coldSteps.some((step) => step.cached && !/^FROM /i.test(step.instruction))) failures.push('the --no-cache build used the cache');

  // Change only a pod script: every layer up to and including pip install must come from the cache.
  // Two rebuilds, each after its own change; the faster counts (a build of 0.2 s is easily disturbed by load),
  // unless one of them rebuilt the pip step.
  let rebuild;
  for (const round of [1, 2]) {
    appendFileSync(join(project, 'pods/collect.py'), `\n# changed by bench/image-quality.mjs ${id} round ${round}\n`);
    const attempt = run(DOCKER, ['build', '-t', image, project]);
    if (round === 1) firstRebuildId = run(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', image]).stdout.trim();
    const pipCached = Boolean(steps(attempt.output).find((step) => /pip install/.test(step.instruction))?.cached);
    if (!rebuild || !pipCached || (rebuild.pipCached && attempt.seconds < rebuild.seconds)) rebuild = { ...attempt, pipCached };
  }
  const rebuildSteps = steps(rebuild.output);
  const pip = rebuildSteps.find((step) => /pip install/.test(step.instruction));
  if (!pip) failures.push(`no pip install step in the rebuild output:\n${rebuild.output}`);
  else if (!pip.cached)
    failures.push(`the pip-install step was rebuilt after a pod script change (no "Using cache"/"CACHED"):\n${rebuild.output}`);
  const podCopy = rebuildSteps.find((step) => /^COPY .*pods\//.test(step.instruction));
  if (podCopy?.cached) failures.push('the pod scripts step came from the cache although a script changed');
  const ratio = rebuild.seconds / cold.seconds;
  if (!(ratio < 1)) failures.push(`rebuild ${rebuild.seconds.toFixed(2)} s is not faster than the cold build ${cold.seconds.toFixed(2)} s`);
  const inImage = run(DOCKER, ['run', '--rm', '--entrypoint', 'tail', image, '-n', '1', '/app/collect.py']).stdout.trim();
  if (!inImage.includes(`${id} round 2`)) failures.push(`the rebuilt image has the old pods/collect.py (last line: ${inImage})`);

  const baseBytes = imageSize(base);
  const imageBytes = imageSize(image);
  const addedBytes = imageBytes - baseBytes;
  if (!(addedBytes / 1e6 < MAX_ADDED_MB))
    failures.push(`the image adds ${(addedBytes / 1e6).toFixed(2)} MB to the base (limit ${MAX_ADDED_MB} MB)`);
  // The layers this project adds, largest first: a chown layer would show up as a second copy of /app.
  const history = (name) => run(DOCKER, ['history', '--no-trunc', '--format', '{{.Size}}\t{{.CreatedBy}}', name]).stdout.trim().split('\n');
  const imageHistory = history(image);
  const layers = imageHistory
    .slice(0, imageHistory.length - history(base).length)
    .map((line) => {
      const [size, ...by] = line.split('\t');
      return { size, createdBy: by.join('\t').replace(/\s+/g, ' ') };
    })
    .filter((layer) => layer.size !== '0B');
  const chownLayer = layers.find((layer) => /\bchown\b/.test(layer.createdBy) && !/#\(nop\)|^COPY /.test(layer.createdBy));
  if (chownLayer) failures.push(`a RUN chown layer copies files a second time: ${chownLayer.size} ${chownLayer.createdBy}`);

  figures = {
    builder: BUILDER,
    coldSeconds: Number(cold.seconds.toFixed(2)),
    rebuildSeconds: Number(rebuild.seconds.toFixed(2)),
    ratio: Number(ratio.toFixed(3)),
    pipStepCached: Boolean(pip?.cached),
    baseBytes,
    imageBytes,
    addedBytes,
    addedMB: Number((addedBytes / 1e6).toFixed(3)),
    layers,
    requirements: readFileSync(join(project, 'requirements.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  };
  console.log(
    `image-quality: cold ${cold.seconds.toFixed(1)} s, rebuild ${rebuild.seconds.toFixed(1)} s (${ratio.toFixed(2)} of cold), added size ${(addedBytes / 1e6).toFixed(2)} MB (image ${(imageBytes / 1e6).toFixed(1)} MB, base ${(baseBytes / 1e6).toFixed(1)} MB), pip step cached on rebuild: ${pip?.cached ? 'yes' : 'NO'}, builder: ${BUILDER}`,
  );
  console.log(
    `image-quality: non-empty layers added: ${layers.map((layer) => `${layer.size} ${layer.createdBy.slice(0, 70)}`).join(' | ') || '(none)'}`,
  );
  if (json) console.log(JSON.stringify(figures));
} catch (error) {
  failures.push(error.message);
} finally {
  if (!keep) {
    spawnSync(DOCKER, ['rmi', '-f', image, ...[coldId, firstRebuildId].filter(Boolean)], { stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  } else {
    console.log(`image-quality: kept ${image} and ${project}`);
  }
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`image-quality: FAIL: ${failure}`);
  process.exit(1);
}
