// npm run bench: wall time and peak memory of one non-interactive run of the bin, as a user would start it.
// One warm-up, then 5 measured runs; prints the median, min and max. Peak RSS is the child's ru_maxrss,
// read through Python's getrusage(RUSAGE_CHILDREN) because Node does not expose it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin/pod-ingestion.js', import.meta.url));
const measure = `
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
`;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-bench-'));

function once(index) {
  const destination = join(work, `project-${index}`);
  const args = [process.execPath, bin, destination, '--defaults', '--repository', 'ghcr.io/acme', '--container', 'factory-pods', '--tag', '1.0.0',
    '--packages', 'pandas==2.2.3 pyarrow>=14,<20 requests', '--pods', 'collect,clean_orders,clean_parts,join_zones,oee'];
  const result = spawnSync('/usr/bin/python3', ['-c', measure, ...args], { encoding: 'utf8' });
  const [seconds, maxrssKb, code] = result.stdout.trim().split(' ').map(Number);
  if (result.status !== 0 || code !== 0) throw new Error(`bench run failed: ${result.stderr || result.stdout}`);
  return { seconds, megabytes: maxrssKb / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  once('warm-up');
  const samples = Array.from({ length: runs }, (_, index) => once(index));
  const times = samples.map((sample) => sample.seconds);
  const memory = samples.map((sample) => sample.megabytes);
  console.log(`bench: node ${process.version}, ${runs} runs of \`pod-ingestion <dir> --defaults ...\` (5 pods)`);
  console.log(`bench: wall time median ${median(times).toFixed(3)} s (min ${Math.min(...times).toFixed(3)}, max ${Math.max(...times).toFixed(3)})`);
  console.log(`bench: peak RSS median ${median(memory).toFixed(1)} MB (max ${Math.max(...memory).toFixed(1)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
