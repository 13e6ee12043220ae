// The bin loads its bundle with V8's code cache (src/bin/code-cache.ts), kept per user under XDG_CACHE_HOME.
// Whatever state that cache is in, a run does the same work: missing, made by an earlier run, corrupt, or
// impossible to write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

afterAll(cleanupTempDirs);

/** A new project in a fresh folder, with the code cache under `cacheHome`. */
async function newProject(cacheHome: string) {
  const dir = tempDir('cache');
  const result = await runBin(['proj', '--defaults', '--pods', 'collect,clean'], dir, { env: { XDG_CACHE_HOME: cacheHome } });
  // The status lines name the folder, which differs from run to run.
  return { ...result, stdout: result.stdout.replaceAll(dir, '<dir>'), dag: readFileSync(join(dir, 'proj/dags/proj_pipeline.py'), 'utf8') };
}

const cacheFiles = (cacheHome: string) => readdirSync(join(cacheHome, 'pod-ingestion'));

describe('the code cache', () => {
  it('is written by the first run and used by the next, which does the same work', async () => {
    const home = tempDir('cache-home');
    const first = await newProject(home);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(cacheFiles(home)).toEqual([expect.stringMatching(/^v\d+\.\d+\.\d+-\w+-\d+-\d+\.v8cache$/)]);
    const written = readFileSync(join(home, 'pod-ingestion', cacheFiles(home)[0]!));
    const second = await newProject(home);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.dag).toBe(first.dag);
    // An accepted cache is left as it is.
    expect(readFileSync(join(home, 'pod-ingestion', cacheFiles(home)[0]!)).equals(written)).toBe(true);
  });

  it('a corrupt cache is ignored and replaced', async () => {
    const home = tempDir('cache-home');
    expect((await newProject(home)).exitCode).toBe(0);
    const file = join(home, 'pod-ingestion', cacheFiles(home)[0]!);
    writeFileSync(file, 'not a code cache');
    const run = await newProject(home);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('a cache folder that cannot be made is no error: the run compiles as without a cache', async () => {
    // A file where the cache folder would go: mkdir fails for every user, root included.
    const blocked = join(tempDir('cache-home'), 'not-a-folder');
    writeFileSync(blocked, '');
    const run = await newProject(blocked);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('create proj/Dockerfile');
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });
});
