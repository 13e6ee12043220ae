// `pod-ingestion package SPEC...` inside a project: appends new requirements, replaces a package already
// listed under its PEP 503 normalised name, never duplicates, and refuses invalid specs without writing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeProjectName } from '../src/core/requirements.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { runGenerator } from './support/run-generator.js';

let project = '';
const requirements = () => readFileSync(join(project, 'requirements.txt'), 'utf8');
/** The requirement lines (no comments, no blanks). */
const specs = () =>
  requirements()
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));
/** How many lines name each package, by normalised name. */
function counts(): Record<string, number> {
  const result: Record<string, number> = {};
  for (const line of specs()) {
    const key = normalizeProjectName(/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(line)?.[0] ?? line);
    result[key] = (result[key] ?? 0) + 1;
  }
  return result;
}

async function expectUnchangedRefusal(args: string[], message: RegExp) {
  const before = snapshot(project);
  const result = await runBin(['package', ...args], project);
  expect(result.exitCode, result.output).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  return result;
}

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('package');
  const made = await runBin(
    [
      'lab',
      '--repository',
      'ghcr.io/acme',
      '--container',
      'lab',
      '--tag',
      '1.0.0',
      '--pods',
      'collect',
      '--packages',
      'requests==2.32.3 typing_extensions>=4.12',
    ],
    root,
  );
  expect(made.exitCode, made.output).toBe(0);
  project = join(root, 'lab');
});

// The steps share one project, in order.
describe('pod-ingestion package', () => {
  it('appends new specs after the existing ones, in the order given', async () => {
    const before = specs();
    expect(before).toEqual(['requests==2.32.3', 'typing_extensions>=4.12']);
    const result = await runBin(['package', 'pandas==2.2.3', 'pyarrow>=14,<20'], project);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('added pandas==2.2.3 to requirements.txt');
    expect(result.output).toContain('added pyarrow>=14,<20 to requirements.txt');
    expect(specs()).toEqual([...before, 'pandas==2.2.3', 'pyarrow>=14,<20']);
    expect(requirements()).toMatch(/^# Python packages installed into the image/);
    expect(requirements().endsWith('pyarrow>=14,<20\n')).toBe(true);
  });

  it('replaces a package listed under the same normalised name, in place, and says so', async () => {
    const result = await runBin(['package', 'Pandas==2.2.2'], project);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('replaced pandas==2.2.3 with Pandas==2.2.2 in requirements.txt');
    expect(specs()).toEqual(['requests==2.32.3', 'typing_extensions>=4.12', 'Pandas==2.2.2', 'pyarrow>=14,<20']);
    const renamed = await runBin(['package', 'Typing.Extensions==4.12.2'], project);
    expect(renamed.exitCode, renamed.output).toBe(0);
    expect(renamed.output).toContain('replaced typing_extensions>=4.12 with Typing.Extensions==4.12.2');
    expect(specs()).toEqual(['requests==2.32.3', 'Typing.Extensions==4.12.2', 'Pandas==2.2.2', 'pyarrow>=14,<20']);
  });

  it('adds nothing twice: the same spec again changes no byte', async () => {
    const first = await runBin(['package', 'numpy==2.1.3'], project);
    expect(first.exitCode, first.output).toBe(0);
    const before = snapshot(project);
    const again = await runBin(['package', 'numpy==2.1.3'], project);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toContain('already lists these; nothing changed');
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
    expect(
      Object.values(counts()).every((count) => count === 1),
      JSON.stringify(counts()),
    ).toBe(true);
    expect(counts().numpy).toBe(1);
  });

  it('refuses the same package twice in one command', async () => {
    await expectUnchangedRefusal(
      ['scipy==1.14.1', 'SciPy>=1.13'],
      /the SPEC argument "SciPy>=1\.13": the package is already listed as scipy==1\.14\.1; name each package once/,
    );
  });

  it('refuses "flask==" with the PEP 508 rule, and writes nothing', async () => {
    const result = await expectUnchangedRefusal(['flask=='], /the SPEC argument "flask==": each requirement is a PEP 508 specifier/);
    expect(result.stderr).toContain('Try: flask');
  });

  it('refuses a mix of valid and invalid specs without adding the valid one', async () => {
    await expectUnchangedRefusal(['scipy==1.14.1', 'flask=='], /the SPEC argument "flask=="/);
    expect(counts().scipy).toBeUndefined();
  });

  it('refuses "-r x.txt": as a pip include, and as options', async () => {
    // After "--" the text reaches the validator as a spec.
    await expectUnchangedRefusal(
      ['--defaults', '--', '-r x.txt'],
      /the SPEC argument "-r x\.txt": pip options belong in a requirements file \(--requirements FILE\), not in a package list/,
    );
    // Without "--", -r is an unknown option and no spec is left: without a terminal, nothing to add is refused, saying how.
    await expectUnchangedRefusal(['-r', 'x.txt'], /the SPEC argument "": it is needed: pod-ingestion package SPEC\.\.\./);
  });

  it('works through yeoman-test too, inside the project', async () => {
    await runGenerator('package')
      .cd(project)
      .withArguments(['polars==1.9.0'])
      .withOptions({ force: false } as Record<string, unknown>);
    expect(specs().at(-1)).toBe('polars==1.9.0');
    expect(counts().polars).toBe(1);
  });

  it('fails clearly outside a project', async () => {
    const folder = tempDir('package-outside');
    const result = await runBin(['package', 'pandas'], folder);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toMatch(/this folder is not a pod-ingestion project/);
  });
});
