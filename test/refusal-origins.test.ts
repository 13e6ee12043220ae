// A refusal names where its value came from, so that the user finds what to change: `--name` only for a value
// given as that option; a key of the answers file, a key path of .yo-rc.json, a positional argument, a prompt's
// answer, a file the command read, each in words (field-error.ts decides the label from the value's origin).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, copyOfProject, tempDir } from './support/temp-dirs.js';

afterAll(cleanupTempDirs);

const NAME_RULE =
  'Docker requires lowercase letters and digits, optionally joined by ".", "_", "__" or "-" (no uppercase, no leading or trailing separator). Try: bad_name';

/** The refusal's lines (stderr), asserting that the run was refused. */
async function refused(args: string[], cwd: string): Promise<string[]> {
  const run = await runBin(args, cwd);
  expect(run.exitCode, run.output).toBe(1);
  expect(run.stdout).toBe('');
  return run.stderr.trimEnd().split('\n');
}

let project = '';
beforeAll(async () => {
  const dir = tempDir('origins');
  const made = await runBin(['proj', '--defaults', '--pods', 'collect'], dir);
  expect(made.exitCode, made.output).toBe(0);
  project = join(dir, 'proj');
});

describe('a new project', () => {
  it('names an option as --name, byte for byte as before', async () => {
    expect(await refused(['p1', '--container', 'Bad_Name', '--defaults'], tempDir('origins'))).toEqual([
      'Nothing was written: one answer is invalid.',
      `  - --container "Bad_Name": ${NAME_RULE}`,
    ]);
  });

  it('names a value of the answers file by its key and the file, not as an option', async () => {
    const dir = tempDir('origins');
    writeFileSync(join(dir, 'class.json'), JSON.stringify({ container: 'Bad_Name', dagId: '../x' }));
    const lines = await refused(['p1', '--answers', 'class.json', '--defaults'], dir);
    expect(lines).toContain(`  - container (answers file class.json) "Bad_Name": ${NAME_RULE}`);
    // The key as the file spells it (dagId, not dag-id).
    expect(lines.some((line) => line.startsWith('  - dagId (answers file class.json) "../x": '))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/--(container|dag-id) /);
    // The option given as well wins, and is named as the option.
    const both = await refused(['p1', '--answers', 'class.json', '--container', 'Bad_Name', '--defaults'], dir);
    expect(both).toContain(`  - --container "Bad_Name": ${NAME_RULE}`);
    // A value of the wrong JSON type, refused as the file is read, likewise.
    writeFileSync(join(dir, 'typed.json'), JSON.stringify({ python: 3.1 }));
    expect((await refused(['p1', '--answers', 'typed.json', '--defaults'], dir))[1]).toMatch(
      /^ {2}- python \(answers file typed\.json\) "3\.1": a number loses its written form/,
    );
  });

  it('names the answers file in Portuguese when the project speaks it', async () => {
    const dir = tempDir('origins');
    writeFileSync(join(dir, 'turma.json'), JSON.stringify({ lang: 'pt-BR', retries: 'x' }));
    expect(await refused(['p1', '--answers', 'turma.json', '--defaults'], dir)).toEqual([
      'Nada foi gravado: uma resposta é inválida.',
      '  - retries (arquivo de respostas turma.json) "x": um número inteiro de 0 a 20.',
    ]);
  });

  it('names the destination as the positional argument it is', async () => {
    const lines = await refused(['publsh', '--defaults'], project);
    expect(lines[1]).toMatch(/^ {2}- the destination argument "publsh": inside the project /);
  });
});

describe('a re-run', () => {
  /** Sets saved Kubernetes settings in the project's .yo-rc.json, as a hand edit would. */
  function saveKubernetes(copy: string, settings: Record<string, string>): void {
    const file = join(copy, '.yo-rc.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(config['generator-pod-ingestion'].kubernetes, settings);
    writeFileSync(file, JSON.stringify(config, null, 2));
  }

  it('names a value read from .yo-rc.json by its key path when a new option meets it', async () => {
    const copy = copyOfProject(project, 'origins', 'proj');
    saveKubernetes(copy, { cpuRequest: '2' });
    const lines = await refused(['--cpu-limit', '1', '--defaults'], copy);
    expect(lines[1]).toMatch(
      /^ {2}- \.yo-rc\.json generator-pod-ingestion\.kubernetes\.cpuRequest "2": the request is above its limit 1 \(--cpu-limit\)/,
    );
    expect(lines.join('\n')).not.toContain('--cpu-request');
  });

  it('names the other value a rule cites by where it came from too: a saved limit by its key, not as --cpu-limit', async () => {
    const copy = copyOfProject(project, 'origins', 'proj');
    saveKubernetes(copy, { cpuLimit: '1' });
    const limit = '(.yo-rc.json generator-pod-ingestion.kubernetes.cpuLimit)';
    expect((await refused(['--cpu-request', '2', '--defaults'], copy))[1]).toBe(
      `  - --cpu-request "2": the request is above its limit 1 ${limit}; Kubernetes refuses a pod whose request exceeds its limit. Try: 1`,
    );
    // Both saved (a hand edit), read by a subcommand whose own options say nothing of them.
    saveKubernetes(copy, { cpuRequest: '2' });
    const lines = await refused(['pod', 'extra', '--defaults'], copy);
    expect(lines[1]).toMatch(/^ {2}- \.yo-rc\.json generator-pod-ingestion\.kubernetes\.cpuRequest "2": the request is above its limit 1 /);
    expect(lines[1]).toContain(limit);
    expect(lines.join('\n')).not.toContain('--cpu-');
  });
});

describe('subcommands', () => {
  it('name a positional argument as the argument of the usage line (NAME, SPEC, TASK)', async () => {
    expect((await refused(['pod', 'Bad-Name', '--defaults'], project))[1]).toMatch(/^ {2}- the NAME argument "Bad-Name": a pod name is/);
    expect((await refused(['pod', '--defaults'], project))[1]).toBe('  - the NAME argument "": it is needed: pod-ingestion pod NAME.');
    expect((await refused(['remove', 'nope'], project))[1]).toMatch(/^ {2}- the NAME argument "nope": the project has no pod/);
    expect((await refused(['package', 'not a spec!!'], project))[1]).toMatch(/^ {2}- the SPEC argument "not a spec!!": each requirement/);
    expect((await refused(['run', 'nope'], project))[1]).toMatch(/^ {2}- the TASK argument "nope": no task of that name/);
    expect((await refused(['pod', 'x', '--defaults'], tempDir('origins')))[1]).toMatch(/^ {2}- the folder ".*": this folder is not/);
  });

  it('keep an option named as the option', async () => {
    expect((await refused(['pod', 'clean', '--after', 'nope', '--defaults'], project))[1]).toBe(
      '  - --after "nope": no pod of that name; the project has: collect.',
    );
    expect((await refused(['graph', '--format', 'x'], project))[1]).toBe('  - --format "x": one of mermaid, text.');
    expect((await refused(['publish', '--tag', 'bad tag'], project))[1]).toMatch(/^ {2}- --tag "bad tag": a Docker tag is/);
  });

  it('name the project files a value came from: requirements.txt for package, .yo-rc.json for run', async () => {
    const copy = copyOfProject(project, 'origins', 'proj');
    writeFileSync(join(copy, 'requirements.txt'), `${readFileSync(join(copy, 'requirements.txt'), 'utf8')}-r other.txt\n`);
    const lines = await refused(['package', 'requests'], copy);
    expect(lines[1]).toMatch(/^ {2}- requirements\.txt "line \d+: -r other\.txt": -r includes another requirements file/);
    const added = await runBin(['pod', 'b', '--env', 'X={{ params.NOPE }}', '--defaults'], copy);
    expect(added.exitCode, added.output).toBe(0);
    const run = await refused(['run', 'b'], copy);
    expect(run[1]).toMatch(/^ {2}- \.yo-rc\.json generator-pod-ingestion\.pods\[1\]\.env\[0\] "b:X=\{\{ params\.NOPE \}\}": /);
  });
});

describe('a prompt', () => {
  // Plain text, with the terminal's line wrapping (at 80 columns) undone.
  const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n/g, '');

  it('explains a bad answer naming its question, not an option', async () => {
    const run = await runInTerminal(['pod'], project, {
      steps: [
        { wait: 'Name of the pod script', keys: 'Bad-Name\\r' },
        // The explanation, in red under the prompt; then Ctrl-C.
        { wait: '\\x1b\\[31m>', keys: '\\x03' },
      ],
    });
    const output = plain(run.output);
    expect(output).toContain('the answer to "Name of the pod script (a Python module name)" "Bad-Name": a pod name is');
    expect(output).not.toContain('--name');
  });

  it('names the prompt whose answer a later rule refuses', async () => {
    const run = await runInTerminal(['p1', '--packages', 'pandas'], tempDir('origins'), {
      steps: [
        { wait: '\\?|\\)', keys: '\\r', until: 'Pod script names' },
        { wait: 'Pod script names', keys: 'pandas\\r' },
        { wait: '\\?|\\)', keys: '\\r', until: 'Nothing was written' },
      ],
    });
    expect(run.exitCode, run.output).toBe(1);
    const output = plain(run.output);
    expect(output).toContain('  - the answer to "Pod script names (separated by spaces or commas)" "pandas": the pod pandas is named like');
    expect(output).not.toContain('--pods');
  });
});

describe('adopt', () => {
  /** The decorator fixture of test/adopt.test.ts, with `change` made to one of its files. */
  function handMade(path: string, change: (text: string) => string): string {
    const root = join(tempDir('origins-adopt'), 'sales');
    cpSync(fileURLToPath(new URL('./fixtures/hand-made/decorator/', import.meta.url)), root, { recursive: true });
    writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
    return root;
  }

  it('names the old DAG for a setting read from it, and the option when the user gives the value', async () => {
    const root = handMade('dags/sales.py', (text) => text.replaceAll('namespace="data"', 'namespace="Data_Team"'));
    const lines = await refused(['adopt', '--defaults'], root);
    expect(lines.join('\n')).toMatch(/^ {2}- dags\/sales\.py "Data_Team": /m);
    expect(lines.join('\n')).not.toContain('--namespace');
    const given = await refused(['adopt', '--defaults', '--namespace', 'Bad_NS'], root);
    expect(given.join('\n')).toMatch(/^ {2}- --namespace "Bad_NS": /m);
  });

  it('names requirements.txt for a line of it', async () => {
    const root = handMade('requirements.txt', (text) => `${text}-r other.txt\n`);
    const lines = await refused(['adopt', '--defaults'], root);
    expect(lines.join('\n')).toMatch(/^ {2}- requirements\.txt "line \d+: -r other\.txt": /m);
    expect(lines.join('\n')).not.toContain('--requirements');
  });
});
