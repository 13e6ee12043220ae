// npm run bench: wall time and peak memory of the three commands people run most, as a user starts them
// (the built bin, no TTY), each beside a floor measured in the same run: a plain `node` script that writes the
// same files (bench/floor.mjs). The ratio to the floor is what a slow or busy machine cannot fake.
// Peak RSS is the child's ru_maxrss, read through Python's getrusage(RUSAGE_CHILDREN): Node does not expose it.
// Runs of the command and of its floor alternate, so that load on the machine weighs on both alike; CPU time
// (user + system) is printed too, since other processes inflate it less than wall time.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin/pod-ingestion.js', import.meta.url));
const floor = fileURLToPath(new URL('./floor.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 7);
// The targets (median wall time) by Node major version; peak RSS <= 90 MB everywhere.
const TARGET_SECONDS = { 20: 0.35, 22: 0.26 };
const TARGET_MEGABYTES = 90;
const major = Number(process.versions.node.split('.')[0]);

const measure = `
import resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
sys.stderr.write(result.stderr.decode(errors="replace"))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_maxrss, result.returncode, usage.ru_utime + usage.ru_stime)
`;
function timed(cwd, args) {
  const result = spawnSync('/usr/bin/python3', ['-c', measure, cwd, process.execPath, ...args], { encoding: 'utf8' });
  const [seconds, maxrssKb, code, cpu] = result.stdout.trim().split(' ').map(Number);
  if (result.status !== 0 || code !== 0) throw new Error(`bench: \`${args.join(' ')}\` failed: ${result.stderr || result.stdout}`);
  return { seconds, megabytes: maxrssKb / 1024, cpu };
}

/** Every file under a folder, by relative path. */
function snapshot(folder) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-bench-'));
const PODS = ['collect', 'clean_orders', 'clean_parts', 'join_zones', 'oee'];
const newProjectArgs = (destination) => [
  bin,
  destination,
  '--defaults',
  '--repository',
  'ghcr.io/acme',
  '--container',
  'factory-pods',
  '--tag',
  '1.0.0',
  '--packages',
  'pandas==2.2.3 pyarrow>=14,<20 requests',
  '--pods',
  PODS.join(','),
];

// A project for `pod` and `package` to work in, copied afresh before every run (outside the timing).
const base = join(work, 'base');
timed(work, newProjectArgs(base));

const SCENARIOS = [
  {
    name: 'new project (5 pods)',
    command: 'pod-ingestion DIR --defaults ...',
    fresh: () => undefined,
    args: (dir) => newProjectArgs(dir),
    cwd: () => work,
  },
  {
    name: 'pod NAME',
    command: 'pod-ingestion pod report --after join_zones',
    fresh: (dir) => cpSync(base, dir, { recursive: true }),
    args: () => [bin, 'pod', 'report', '--after', 'join_zones'],
    cwd: (dir) => dir,
  },
  {
    name: 'package SPEC',
    command: 'pod-ingestion package requests==2.32.3',
    fresh: (dir) => cpSync(base, dir, { recursive: true }),
    args: () => [bin, 'package', 'requests==2.32.3'],
    cwd: (dir) => dir,
  },
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let counter = 0;
const freshDir = () => join(work, `run-${counter++}`);

try {
  console.log(`bench: node ${process.version}, ${runs} runs each (after one warm-up), command and floor alternating`);
  for (const scenario of SCENARIOS) {
    // What the command writes, found by running it once: the floor writes exactly that.
    const probe = freshDir();
    scenario.fresh(probe);
    const before = scenario.fresh === SCENARIOS[0].fresh ? {} : snapshot(probe);
    timed(scenario.cwd(probe), scenario.args(probe));
    const after = snapshot(probe);
    const written = Object.fromEntries(Object.entries(after).filter(([path, text]) => before[path] !== text));
    const plan = join(work, `plan-${counter}.json`);
    writeFileSync(plan, JSON.stringify({ files: written }));

    const command = [];
    const floorRuns = [];
    for (let index = -1; index < runs; index++) {
      const dir = freshDir();
      scenario.fresh(dir);
      const sample = timed(scenario.cwd(dir), scenario.args(dir));
      const floorDir = freshDir();
      scenario.fresh(floorDir);
      mkdirSync(floorDir, { recursive: true });
      const floorSample = timed(floorDir, [floor, plan, floorDir]);
      if (index >= 0) {
        command.push(sample);
        floorRuns.push(floorSample);
      }
    }
    const seconds = median(command.map((sample) => sample.seconds));
    const megabytes = median(command.map((sample) => sample.megabytes));
    const cpu = median(command.map((sample) => sample.cpu));
    const floorCpu = median(floorRuns.map((sample) => sample.cpu));
    const floorSeconds = median(floorRuns.map((sample) => sample.seconds));
    const floorMegabytes = median(floorRuns.map((sample) => sample.megabytes));
    const target = TARGET_SECONDS[major];
    const verdict = [
      target ? `${seconds <= target ? 'within' : 'OVER'} the ${target} s target` : 'no time target for this Node',
      `${megabytes <= TARGET_MEGABYTES ? 'within' : 'OVER'} the ${TARGET_MEGABYTES} MB target`,
    ].join(', ');
    console.log(`bench: ${scenario.name}: \`${scenario.command}\` (${Object.keys(written).length} files written)`);
    console.log(
      `bench:   median ${seconds.toFixed(3)} s (min ${Math.min(...command.map((s) => s.seconds)).toFixed(3)}, max ${Math.max(...command.map((s) => s.seconds)).toFixed(3)}), CPU ${cpu.toFixed(3)} s, peak RSS ${megabytes.toFixed(1)} MB`,
    );
    console.log(`bench:   floor  ${floorSeconds.toFixed(3)} s, CPU ${floorCpu.toFixed(3)} s, peak RSS ${floorMegabytes.toFixed(1)} MB`);
    console.log(
      `bench:   ratio  ${(seconds / floorSeconds).toFixed(1)}x wall time, ${(cpu / floorCpu).toFixed(1)}x CPU, ${(megabytes / floorMegabytes).toFixed(1)}x memory; ${verdict}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
