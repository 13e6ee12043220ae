// Each validation rule of the core, with the message a user sees.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import {
  checkContainer,
  checkImageReference,
  checkRepository,
  checkTag,
  registryHost,
  suggestImageName,
} from '../src/core/image-reference.js';
import { checkDagId, checkEnvName, checkNamespace, checkPodName, checkSchedule, kubernetesName } from '../src/core/names.js';
import { bumpTag } from '../src/core/image-version.js';
import { PYTHON_STDLIB_MODULES } from '../src/core/python-stdlib-modules.js';
import { checkPython, pythonEndOfLifeWarning } from '../src/core/python-version.js';
import { addRequirements, checkPackages, checkRequirementsFile, splitPackages } from '../src/core/requirements.js';
import { requireTool, toolMissing } from './support/required-tool.js';
import { refusalOf } from './support/refusal.js';

const refusal = (answers: Record<string, string | boolean>) => refusalOf(() => resolveAppAnswers({ defaults: true, ...answers }));

describe('image reference', () => {
  it.each(['smedina1304', 'ghcr.io/acme', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'localhost:5000/team', '127.0.0.1:5000/ns', ''])(
    'accepts the repository %j',
    (value) => {
      expect(checkRepository(value)).toBeUndefined();
    },
  );

  it('refuses the seed example and proposes a lowercase name', () => {
    expect(checkContainer('runPodsPython')).toMatchObject({ rule: expect.stringContaining('lowercase'), suggestion: 'run-pods-python' });
    const error = refusal({ repository: 'smedina1304', container: 'runPodsPython', tag: 'v1.0' });
    expect(error.message).toMatch(/--container "runPodsPython": Docker requires lowercase.*Try: run-pods-python/);
  });

  it.each([
    ['repository', 'Smedina1304', /lowercase/],
    ['repository', 'ghcr.io/Acme', /lowercase/],
    ['repository', 'a//b', /lowercase/],
    ['container', 'app-', /separator/],
    ['container', 'team/app', /one path component/],
    ['tag', '-bad', /1 to 128/],
    ['tag', 'v1.0 beta', /1 to 128/],
    ['tag', 'x'.repeat(129), /1 to 128/],
  ])('refuses %s %j', (field, value, rule) => {
    const error = refusal({ container: 'app', [field]: value });
    expect(error.errors).toContainEqual(expect.objectContaining({ field, value, rule: expect.stringMatching(rule) }));
  });

  it('agrees with the Docker reference grammar library on accepted names', () => {
    expect(checkImageReference({ repository: 'ghcr.io/org', container: 'app', tag: '1.0.0' })).toBeUndefined();
    expect(checkImageReference({ repository: '', container: 'a'.repeat(300), tag: '1' })).toBeDefined();
    expect(checkTag('v1.0.0')).toBeUndefined();
  });

  it('suggests names Docker accepts', () => {
    for (const input of ['runPodsPython', 'My App!', 'data__', '--x--', 'ÄÖÜ'])
      expect(checkContainer(suggestImageName(input))).toBeUndefined();
  });

  it('knows which registry a push goes to', () => {
    expect(registryHost('smedina1304')).toBe('docker.io');
    expect(registryHost('ghcr.io/acme')).toBe('ghcr.io');
    expect(registryHost('127.0.0.1:5000/ns')).toBe('127.0.0.1:5000');
    expect(registryHost('')).toBeUndefined();
  });
});

describe('names', () => {
  it.each([
    ['a/b', /without folders/],
    ['Collect', /Python module name/],
    ['clean-orders', /Python module name/],
    ['class', /keyword/],
    ['logging', /standard-library/],
    ['test_x', /unit tests/],
  ])('refuses the pod name %j', (value, rule) => {
    expect(checkPodName(value)?.rule).toMatch(rule);
  });

  it('accepts name, name.py and ./name.py', () => {
    for (const value of ['collect', 'collect.py', './collect.py']) expect(checkPodName(value)).toBeUndefined();
  });

  it('reports every bad field at once', () => {
    const error = refusal({
      container: 'Bad',
      tag: '-x',
      pods: 'a/b logging',
      namespace: 'Air_flow',
      'dag-id': 'bad id',
      schedule: 'every day',
      python: '2.7',
      retries: 'many',
    });
    expect(new Set(error.errors.map((item) => item.field))).toEqual(
      new Set(['container', 'tag', 'pods', 'namespace', 'dag-id', 'schedule', 'python', 'retries']),
    );
    expect(error.message).toMatch(/^Nothing was written: 9 answers are invalid/);
  });

  it('refuses a pod named like a listed package, which it would hide in /app', () => {
    const error = refusal({ packages: 'pandas==2.2.3 google-cloud-storage', pods: 'collect pandas' });
    expect(error.errors).toEqual([expect.objectContaining({ field: 'pods', value: 'pandas', rule: expect.stringContaining('hide it') })]);
  });

  it('keeps the variables the image relies on out of --env and --param', () => {
    for (const name of ['PRG_NAME', 'APP_DIR', 'PATH', 'PYTHONPATH']) expect(checkEnvName(name)?.rule).toContain(name);
    expect(checkEnvName('LINE_ID')).toBeUndefined();
  });

  it('follows Airflow and Kubernetes rules', () => {
    expect(checkDagId('factory.pipeline-1')).toBeUndefined();
    expect(checkNamespace('data-team')).toBeUndefined();
    expect(checkNamespace('-x')).toBeDefined();
    expect(checkSchedule('@daily')).toBeUndefined();
    expect(checkSchedule('0 6 * * 1-5')).toBeUndefined();
    expect(checkSchedule('0 6 * *')).toBeDefined();
    expect(kubernetesName('clean__orders_')).toBe('clean-orders');
  });

  it("knows the standard library of the machine's Python", () => {
    const python = toolMissing('/usr/bin/python3');
    if (!requireTool(python, 'the standard-library module list')) return;
    const result = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import sys; print("\\n".join(sorted(n for n in sys.stdlib_module_names if not n.startswith("_"))))'],
      { encoding: 'utf8' },
    );
    const machine = result.stdout.trim().split('\n');
    expect(machine.filter((name) => !PYTHON_STDLIB_MODULES.has(name))).toEqual([]);
  });
});

describe('python version', () => {
  it('warns about an end-of-life version but allows it', () => {
    expect(checkPython('3.8')).toBeUndefined();
    expect(pythonEndOfLifeWarning('3.8', new Date('2026-11-25'))).toMatch(/end of life on 2024-10-07/);
    expect(pythonEndOfLifeWarning('3.12', new Date('2026-11-25'))).toBeUndefined();
    expect(resolveAppAnswers({ python: '3.8' }).warnings[0]).toMatch(/Python 3.8/);
    expect(checkPython('3.99')).toBeDefined();
  });
});

describe('requirements', () => {
  it('splits on whitespace and keeps commas inside a specifier', () => {
    expect(splitPackages('pandas==2.2.3 pyarrow>=14,<20  requests')).toEqual(['pandas==2.2.3', 'pyarrow>=14,<20', 'requests']);
    expect(checkPackages('packages', splitPackages('pandas==2.2.3 pyarrow>=14,<20 requests'))).toEqual([]);
  });

  it.each(['flask==', 'pandas==banana', '-r other.txt', 'git+https://x/y', 'pandas pandas'])('refuses %j', (value) => {
    expect(checkPackages('packages', splitPackages(value))).not.toEqual([]);
  });

  it('validates every line of a requirements file and keeps its comments', () => {
    const text = '# pinned for the course\n\npandas==2.2.3  # dataframes\nrequests\n';
    expect(checkRequirementsFile('requirements', text)).toEqual([]);
    expect(resolveAppAnswers({}, text).requirementsText).toBe(text);
    expect(checkRequirementsFile('requirements', 'ok\nflask==\n')[0]?.value).toBe('line 2: flask==');
  });

  it('replaces a package already listed under its normalised name', () => {
    const change = addRequirements('# header\nPandas==2.0\nrequests\n', ['pandas==2.2.3', 'pyarrow>=14,<20']);
    expect(change.text).toBe('# header\npandas==2.2.3\nrequests\npyarrow>=14,<20\n');
    expect(change.replaced).toEqual([{ before: 'Pandas==2.0', after: 'pandas==2.2.3' }]);
  });
});

describe('publish versions', () => {
  it('bumps semantic and short versions and keeps a v prefix', () => {
    expect(bumpTag('1.0.0', 'minor')).toBe('1.1.0');
    expect(bumpTag('v1.2', 'patch')).toBe('v1.2.1');
    expect(bumpTag('latest', 'major')).toBeUndefined();
  });
});
