// `pod-ingestion pod` refuses bad input with exit 1 and a message naming the option, the value and the
// rule; the project is then byte for byte what it was (no pods/*.py, no DAG or .yo-rc.json change).
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

let base = '';

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('refusals-base');
  const made = await runBin(['plant', '--repository', 'ghcr.io/acme', '--container', 'plant', '--tag', '1.0.0', '--pods', 'collect'], root);
  expect(made.exitCode, made.output).toBe(0);
  base = join(root, 'plant');
  const added = await runBin(['pod', 'clean_orders', '--after', 'collect'], base);
  expect(added.exitCode, added.output).toBe(0);
});

function copyOfBase(): string {
  const project = join(tempDir('refusal'), 'plant');
  cpSync(base, project, { recursive: true });
  return project;
}

/** Runs `pod ARGS` in a copy of the project and checks the refusal: exit 1, the message, nothing written. */
async function expectRefusal(args: string[], field: string, value: string, rule: RegExp, project = copyOfBase()) {
  const before = snapshot(project);
  const pods = readdirSync(join(project, 'pods')).sort();
  const result = await runBin(['pod', ...args], project);
  expect(result.exitCode, result.output).toBe(1);
  expect(result.stderr).toContain('Nothing was written');
  // The pod's NAME is the command's argument; the rest are options.
  const label = `${field === 'name' ? 'the NAME argument' : `--${field}`} ${JSON.stringify(value)}: `;
  expect(result.stderr).toContain(label);
  const line = result.stderr.split('\n').find((text) => text.includes(label)) ?? '';
  expect(line).toMatch(rule);
  expect(readdirSync(join(project, 'pods')).sort()).toEqual(pods);
  expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  return result;
}

const CASES: [string, string[], string, string, RegExp][] = [
  [
    'an unknown upstream pod',
    ['normalise', '--after', 'nope'],
    'after',
    'nope',
    /no pod of that name; the project has: collect, clean_orders/,
  ],
  ['a pod that runs after itself (a cycle)', ['loop', '--after', 'collect,loop'], 'after', 'loop', /cannot run after itself.*cycle/],
  ['a duplicate pod name', ['clean_orders', '--after', 'collect'], 'name', 'clean_orders', /already has a pod "clean_orders".*unique/],
  ['--env without "="', ['normalise', '--env', 'NOEQUALS'], 'env', 'NOEQUALS', /KEY=VALUE.*Try: NOEQUALS=value/],
  [
    '--env whose name starts with a digit',
    ['normalise', '--env', '1BAD=x'],
    'env',
    '1BAD=x',
    /environment variable name .*not starting with a digit/,
  ],
  [
    '--param with a "-" in its name',
    ['normalise', '--param', 'BAD-NAME'],
    'param',
    'BAD-NAME',
    /environment variable name is letters, digits and "_".*Try: BAD_NAME/,
  ],
  [
    '--secret without a mount path',
    ['normalise', '--secret', 'nocolon'],
    'secret',
    'nocolon',
    /SECRET:\/mount\/path.*Try: nocolon:\/var\/secrets\/nocolon/,
  ],
  [
    '--secret with an invalid Kubernetes name',
    ['normalise', '--secret', 'Bad_Name:/x'],
    'secret',
    'Bad_Name:/x',
    /Kubernetes secret name is a DNS-1123 subdomain/,
  ],
  [
    '--secret with a relative mount path',
    ['normalise', '--secret', 'ok:relative/path'],
    'secret',
    'ok:relative/path',
    /mount path is an absolute path/,
  ],
  ['--secret with ".." in the mount path', ['normalise', '--secret', 'ok:/a/../b'], 'secret', 'ok:/a/../b', /without "\.\."/],
  ['a standard-library module name', ['logging'], 'name', 'logging', /standard-library module.*Try: logging_job/],
  ['a Python keyword', ['class'], 'name', 'class', /Python keyword.*Try: class_job/],
  ['a name with a folder', ['a/b'], 'name', 'a/b', /without folders/],
  ['a name that is not a module name', ['Clean-Orders'], 'name', 'Clean-Orders', /Python module name.*Try: clean_orders/],
];

describe('pod-ingestion pod refuses and writes nothing', () => {
  for (const [what, args, field, value, rule] of CASES) {
    it.concurrent(`refuses ${what}`, async () => {
      await expectRefusal(args, field, value, rule);
    });
  }

  it.concurrent('reports every bad option at once', async () => {
    const result = await expectRefusal(
      ['normalise', '--after', 'nope', '--env', '1BAD=x', '--secret', 'nocolon'],
      'after',
      'nope',
      /no pod of that name/,
    );
    expect(result.stderr).toContain('3 answers are invalid');
    expect(result.stderr).toContain('--env "1BAD=x"');
    expect(result.stderr).toContain('--secret "nocolon"');
  });

  it.concurrent('refuses a project whose .yo-rc.json was edited into a cycle', async () => {
    const project = copyOfBase();
    const file = join(project, '.yo-rc.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved['generator-pod-ingestion'].pods[0].after = ['clean_orders'];
    writeFileSync(file, JSON.stringify(saved, null, 2));
    const before = snapshot(project);
    const result = await runBin(['pod', 'normalise', '--after', 'collect'], project);
    expect(result.exitCode, result.output).toBe(1);
    // The .yo-rc.json schema names the key and the rule.
    expect(result.stderr).toMatch(
      /\.yo-rc\.json generator-pod-ingestion\.pods "(collect -> clean_orders -> collect|clean_orders -> collect -> clean_orders)": the pods' "after" lists form a cycle/,
    );
    expect(snapshotDiff(before, snapshot(project))).toEqual([]);
  });

  it.concurrent('fails clearly outside a project, and creates nothing there', async () => {
    const folder = tempDir('not-a-project');
    const result = await runBin(['pod', 'collect'], folder);
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toMatch(/the folder ".*not-a-project.*": this folder is not a pod-ingestion project \(no \.yo-rc\.json/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
