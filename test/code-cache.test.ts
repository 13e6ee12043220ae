// The bin loads its bundle with V8's code cache (src/bin/code-cache.ts), kept per user under XDG_CACHE_HOME.
// Whatever state that cache is in, a run does the same work: missing, made by an earlier run, corrupt, or
// impossible to write.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './support/run-generator.js';

const workspace = () => mkdtempSync(join(tmpdir(), 'pod-ingestion-cache-'));

/** A new project in a fresh folder, with the code cache under `cacheHome`. */
function newProject(cacheHome: string) {
  const dir = workspace();
  const result = spawnSync(process.execPath, [BIN, 'proj', '--defaults', '--pods', 'collect,clean'], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  // The status lines name the folder, which differs from run to run.
  const stdout = result.stdout.replaceAll(dir, '<dir>');
  return { code: result.status, stdout, stderr: result.stderr, dag: readFileSync(join(dir, 'proj/dags/proj_pipeline.py'), 'utf8') };
}

const cacheFiles = (cacheHome: string) => readdirSync(join(cacheHome, 'pod-ingestion'));

describe('the code cache', () => {
  it('is written by the first run and used by the next, which does the same work', () => {
    const home = workspace();
    const first = newProject(home);
    expect(first.code, first.stderr).toBe(0);
    expect(cacheFiles(home)).toEqual([expect.stringMatching(/^v\d+\.\d+\.\d+-\w+-\d+-\d+\.v8cache$/)]);
    const written = readFileSync(join(home, 'pod-ingestion', cacheFiles(home)[0]!));
    const second = newProject(home);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.dag).toBe(first.dag);
    // An accepted cache is left as it is.
    expect(readFileSync(join(home, 'pod-ingestion', cacheFiles(home)[0]!)).equals(written)).toBe(true);
  });

  it('a corrupt cache is ignored and replaced', () => {
    const home = workspace();
    expect(newProject(home).code).toBe(0);
    const file = join(home, 'pod-ingestion', cacheFiles(home)[0]!);
    writeFileSync(file, 'not a code cache');
    const run = newProject(home);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('a cache folder that cannot be made is no error: the run compiles as without a cache', () => {
    // A file where the cache folder would go: mkdir fails for every user, root included.
    const blocked = join(workspace(), 'not-a-folder');
    writeFileSync(blocked, '');
    const run = newProject(blocked);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('create proj/Dockerfile');
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });
});
