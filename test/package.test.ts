// What npm ships and what yo finds: the packed tarball, unpacked with no dependency installed beside it (the
// bundle carries everything it runs), run as the bin and as generators looked up by Yeoman as `yo` does.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnv } from 'yeoman-environment';
import { SUBCOMMANDS } from '../src/core/destination.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATORS = ['app', ...SUBCOMMANDS];

describe('the npm package', () => {
  let installed: string;
  let shipped: string[];

  beforeAll(() => {
    // npm test has just built; --ignore-scripts packs that build as it is.
    const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-pack-'));
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    shipped = files.map((file) => file.path);
    // As `npm install` lays a package out: node_modules/<name>, with the bin linked from node_modules/.bin.
    const modules = join(work, 'node_modules');
    installed = join(modules, 'generator-pod-ingestion');
    mkdirSync(installed, { recursive: true });
    expect(spawnSync('tar', ['xzf', join(work, filename), '-C', installed, '--strip-components=1']).status).toBe(0);
    mkdirSync(join(modules, '.bin'));
    symlinkSync(join(installed, 'dist/bin/pod-ingestion.js'), join(modules, '.bin/pod-ingestion'));
  });

  it('ships the bundled bin and generators, templates, README and LICENSE; no tests, no TypeScript sources', () => {
    for (const name of GENERATORS) expect(shipped).toContain(`generators/${name}/index.js`);
    expect(shipped).toContain('dist/bin/pod-ingestion.js');
    expect(shipped).toContain('templates/app/Dockerfile.ejs');
    expect(shipped).toContain('python/read_dag.py');
    expect(shipped).toContain('templates/adopt/test_adopted_pod.py.ejs');
    expect(shipped).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(shipped.filter((file) => file.startsWith('test/') || file.startsWith('src/') || file.endsWith('.ts'))).toEqual([]);
  });

  it('runs as the installed bin with no dependency installed: --version, a project, a pod', () => {
    const bin = join(installed, '..', '.bin', 'pod-ingestion');
    const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-packed-'));
    const run = (args: string[], cwd: string) => spawnSync(bin, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run(['--version'], work).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const created = run(['factory', '--pods', 'collect'], work);
    expect(created.status, created.stderr).toBe(0);
    const pod = run(['pod', 'clean_orders', '--after', 'collect'], join(work, 'factory'));
    expect(pod.status, pod.stderr).toBe(0);
    expect(readFileSync(join(work, 'factory/dags/factory_pipeline.py'), 'utf8')).toContain('collect_task >> clean_orders_task');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('adopt and doctor run from the packed tarball: python/read_dag.py is found beside the bundle', () => {
    const bin = join(installed, '..', '.bin', 'pod-ingestion');
    const project = join(mkdtempSync(join(tmpdir(), 'pod-ingestion-packed-adopt-')), 'original');
    cpSync(join(ROOT, 'test/fixtures/hand-made/original'), project, { recursive: true });
    renameSync(join(project, 'dags/industrial_ingestion.py'), join(project, 'legacy_dag.py'));
    const run = (args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const doctor = run(['doctor']);
    expect(doctor.status, doctor.stderr).toBe(1);
    expect(doctor.stdout + doctor.stderr).toContain('legacy_dag.py');
    const adopted = run(['adopt', '--defaults', '--param-default', 'PARAM_DATE=2026-01-01']);
    expect(adopted.status, adopted.stderr).toBe(0);
    expect(readFileSync(join(project, 'dags/industrial_ingestion.py'), 'utf8')).toContain('task_id="coleta_dados"');
  });

  it('is found by yo as pod-ingestion with its subgenerators, and nothing else, and they run', async () => {
    // yo's own lookup and environment (here the test's unbundled yeoman-environment) load generators/<name>/index.js.
    const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-yo-'));
    const env = createEnv({ skipInstall: true, cwd: work } as Parameters<typeof createEnv>[0]);
    const found = await env.lookup({ npmPaths: [join(installed, '..')] });
    expect(found.map((meta) => meta.namespace).sort()).toEqual(GENERATORS.map((name) => `pod-ingestion:${name}`).sort());
    await env.run(['pod-ingestion:app', 'lab', '--defaults', '--pods', 'collect']);
    expect(readdirSync(join(work, 'lab')).sort()).toEqual(expect.arrayContaining(['Dockerfile', 'dags', 'pods', 'run_in_docker.sh']));
    // yo pod-ingestion:doctor on the project just made: clean, so it ends without an error.
    const checked = createEnv({ skipInstall: true, cwd: join(work, 'lab') } as Parameters<typeof createEnv>[0]);
    await checked.lookup({ npmPaths: [join(installed, '..')] });
    await checked.run(['pod-ingestion:doctor']);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('the source checkout is found by yo too (npm link), with the generators built at generators/<name>/index.js', async () => {
    const modules = join(mkdtempSync(join(tmpdir(), 'pod-ingestion-lookup-')), 'node_modules');
    mkdirSync(modules);
    symlinkSync(ROOT, join(modules, 'generator-pod-ingestion'));
    const found = await createEnv().lookup({ npmPaths: [modules] });
    expect(found.map((meta) => meta.namespace).sort()).toEqual(GENERATORS.map((name) => `pod-ingestion:${name}`).sort());
  });
});
