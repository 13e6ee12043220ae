// The bin at its edges, as users meet them: where output goes and how it looks, refusals of a destination that
// cannot take the project, a project that appears whole or not at all (closed stdout, Ctrl-C), one value per
// option, and how an unexpected error reads.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runBin, runInTerminal, type BinOptions } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot } from './support/tree.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ANSI = /\x1b\[/;

afterAll(cleanupTempDirs);

/** The bin with the test's environment as it is: whether to colour is the bin's own decision here. */
async function bin(args: string[], cwd: string, env: Record<string, string> = {}, options: BinOptions = {}) {
  const run = await runBin(args, cwd, { ...options, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  return { code: run.exitCode, stdout: run.stdout, stderr: run.stderr, raw: run.raw };
}

/** The command in a pseudo-terminal; `keys` are typed once the output matches `wait`. */
async function inTerminal(args: string[], cwd: string, wait = '^$', keys = '', env: Record<string, string> = {}) {
  const run = await runInTerminal(args, cwd, { wait, keys, env });
  return { code: run.exitCode, output: run.output };
}

const workspace = () => tempDir('edges');
/** Every file under a folder, relative, sorted. */
const tree = (folder: string): string[] => [...snapshot(folder).keys()].sort();

describe('output', () => {
  it('progress and status lines go to stdout, warnings and errors to stderr, with no ANSI codes off a terminal', async () => {
    const dir = workspace();
    // FORCE_COLOR is what CI systems set; off a terminal the bin still prints plain text.
    const run = await bin(['proj', '--python', '3.8', '--pods', 'collect'], dir, { FORCE_COLOR: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('create proj/Dockerfile');
    expect(run.stdout).toContain('Project written to');
    expect(run.stderr).toMatch(/^Warning: Python 3.8 reached end of life/);
    expect(run.stdout).not.toContain('Warning');
    expect(run.raw).not.toMatch(ANSI);
    const refused = await bin(['bad', '--container', 'Bad_Name'], dir, { FORCE_COLOR: '1' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^Nothing was written/);
    expect(refused.raw).not.toMatch(ANSI);
  });

  it('says `create` for every file of a new project, .yo-rc.json included (the merge bases, copies kept for a re-run, go unsaid)', async () => {
    const dir = workspace();
    const run = await bin(['proj', '--pods', 'collect'], dir);
    const created = [...run.stdout.matchAll(/^\s+create (\S+)$/gm)].map((match) => match[1]!.replace(/^proj\//, '')).sort();
    const files = tree(join(dir, 'proj'));
    expect(files).toContain('.pod-ingestion/generated/Dockerfile');
    expect(created).toEqual(files.filter((path) => !path.startsWith('.pod-ingestion/generated/')));
    expect(created).toContain('.yo-rc.json');
    expect(run.stdout).not.toMatch(/^\s+force /m);
  });

  it('in a terminal, colours unless NO_COLOR is set', async () => {
    const dir = workspace();
    expect((await inTerminal(['coloured', '--defaults', '--pods', 'collect'], dir)).output).toMatch(ANSI);
    const plain = await inTerminal(['plain', '--defaults', '--pods', 'collect'], dir, '^$', '', { NO_COLOR: '1' });
    expect(plain.code, plain.output).toBe(0);
    expect(plain.output).not.toMatch(ANSI);
  });

  it('Ctrl-C at a prompt prints one plain line, exits 130 and writes nothing', async () => {
    const dir = workspace();
    const run = await inTerminal(['proj'], dir, 'Docker repository', '\\x03');
    expect(run.code, run.output).toBe(130);
    expect(run.output).toContain('cancelled, nothing written');
    expect(run.output).not.toContain('force closed');
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unexpected error is one line and what to do; its stack only with --debug or DEBUG=pod-ingestion', async () => {
    // A broken installation (a template missing) is not the user's doing.
    const broken = tempDir('broken');
    for (const part of ['dist', 'generators', 'templates', 'package.json'])
      cpSync(join(ROOT, part), join(broken, part), { recursive: true });
    rmSync(join(broken, 'templates/app/Dockerfile.ejs'));
    const brokenBin = join(broken, 'dist/bin/pod-ingestion.js');
    const dir = workspace();
    const plain = await bin(['proj'], dir, {}, { bin: brokenBin });
    expect(plain.code).toBe(1);
    const lines = plain.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^pod-ingestion: unexpected error: .*Dockerfile\.ejs/);
    expect(lines[1]).toContain('--debug');
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    for (const debug of [
      await bin(['proj', '--debug'], dir, {}, { bin: brokenBin }),
      await bin(['proj'], dir, { DEBUG: 'pod-ingestion' }, { bin: brokenBin }),
    ]) {
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/^\s+at /m);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the destination', () => {
  it('an existing file as destination is refused by name, before anything is written', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const run = await bin(['notes.txt'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'notes.txt')} is a file`);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect((await bin(['notes.txt/proj'], dir)).stderr).toContain(`${join(dir, 'notes.txt')} is a file`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    // In a terminal, before any question: no answer could make a file a folder.
    const asked = await inTerminal(['notes.txt'], dir);
    expect(asked.code, asked.output).toBe(1);
    expect(asked.output).toContain(`${join(dir, 'notes.txt')} is a file`);
    expect(asked.output).not.toContain('Docker repository');
  });

  it('a folder where a generated file goes is refused by name, and nothing is written (not even .yo-rc.json)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'proj/run_in_docker.sh'), { recursive: true });
    const run = await bin(['proj'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'proj/run_in_docker.sh')} is a folder`);
    expect(readdirSync(join(dir, 'proj'))).toEqual(['run_in_docker.sh']);
  });

  it('a folder that cannot be written is refused by name, before anything is written', async () => {
    // Root may write anywhere: the bin runs as an unprivileged user, which must be able to read the package.
    const dir = workspace();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    if (
      !requireTool(
        toolMissing('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '1']),
        'a folder the user cannot write',
      )
    )
      return;
    const run = await bin(
      ['locked/proj', '--defaults'],
      dir,
      { HOME: dir },
      { under: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] },
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`the folder ${join(dir, 'locked')} cannot be written`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(join(dir, 'locked'))).toEqual([]);
  });
});

describe('a new project appears whole or not at all', () => {
  const PODS = Array.from({ length: 150 }, (_, index) => `job_${index}`).join(',');

  it('a closed stdout (`| head -1`) does not stop the write: the project is whole and the exit code 0', async () => {
    const dir = workspace();
    const reference = await bin(['reference', '--pods', PODS], dir);
    expect(reference.code, reference.stderr).toBe(0);
    // The reader goes away after the first line, as `| head -1` does.
    const run = await bin(
      ['proj', '--pods', PODS],
      dir,
      {},
      { onStart: (child) => child.stdout.once('data', () => child.stdout.destroy()) },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(tree(join(dir, 'proj'))).toEqual(
      tree(join(dir, 'reference'))
        .map((file) => file.replace('reference', 'proj'))
        .sort(),
    );
  });

  it('Ctrl-C while the files are written leaves nothing behind', async () => {
    const dir = workspace();
    // The moment the hidden folder the project is written into appears, as a user's Ctrl-C would land.
    let pressed = false;
    let watcher: ReturnType<typeof watch> | undefined;
    const run = await bin(
      ['proj', '--pods', PODS],
      dir,
      {},
      {
        onStart: (child) => {
          watcher = watch(dir, (_, file) => {
            if (pressed || !String(file).startsWith('.proj.pod-ingestion-')) return;
            pressed = true;
            child.kill('SIGINT');
          });
        },
      },
    );
    watcher?.close();
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('cancelled, nothing written');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'proj'))).toBe(false);
  });
});

describe('one option, one value', () => {
  it('a single-value option given twice is refused, naming both values', async () => {
    const dir = workspace();
    const run = await bin(['proj', '--container', 'a', '--container', 'b'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--container "b": is given more than once ("a", then "b")');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a value starting with "-" in the `--opt value` form is that option\'s value, never dropped', async () => {
    const dir = workspace();
    expect((await bin(['proj', '--pods', 'collect'], dir)).code).toBe(0);
    const project = join(dir, 'proj');
    const added = await bin(['pod', 'clean', '--description', '- removes old rows', '--after', 'collect'], project);
    expect(added.code, added.stderr).toBe(0);
    expect(readFileSync(join(project, 'pods/clean.py'), 'utf8')).toContain('- removes old rows');
    expect(JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'].pods[1].description).toBe(
      '- removes old rows',
    );
    // Taken as --env's value, and refused by its rule rather than lost.
    const env = await bin(['pod', 'load', '--env', '-X=1'], project);
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('--env "-X=1"');
    expect(existsSync(join(project, 'pods/load.py'))).toBe(false);
  });
});
