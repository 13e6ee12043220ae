/* eslint-disable @typescript-eslint/no-explicit-any -- these tests write values of the wrong type into a parsed .yo-rc.json on purpose */
// Issue 12 ("trust nothing"), in the core: each reproduction of the adversarial probe is a regression test,
// with pip's own parser and real jinja2 as the references where a value lands in their files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { InvalidAnswersError, type FieldError } from '../src/core/field-error.js';
import { checkRepository } from '../src/core/image-reference.js';
import { checkJinjaTemplate } from '../src/core/jinja-template.js';
import { checkPodName, checkQuantity, checkSchedule } from '../src/core/names.js';
import { checkPodsAgainstPackages } from '../src/core/package-imports.js';
import { addPod } from '../src/core/pipeline.js';
import { logicalLines, splitLinesLikePython } from '../src/core/pip-requirements-file.js';
import { parseProjectConfig } from '../src/core/project-config-schema.js';
import type { RawAnswers } from '../src/core/questions.js';
import { renderProject } from '../src/core/render-project.js';
import { checkPackages, checkRequirementsFile, splitPackages } from '../src/core/requirements.js';
import { jinjaMissing } from './checkers/jinja.js';
import { pipParserMissing, readWithPip } from './checkers/pip-file.js';
import { PYTHON } from './checkers/python.js';
import { requireTool } from './support/required-tool.js';
import { refusalOf } from './support/refusal.js';

const BASE: RawAnswers = { repository: 'acme', container: 'lab', tag: '1.0.0', pods: 'collect', defaults: true };

const refusal = (run: () => unknown): FieldError[] => refusalOf(run).errors;

const pip = requireTool(pipParserMissing(), "pip's own requirements parser");
const jinja = requireTool(jinjaMissing(), 'jinja2');

describe('1. requirements are split and checked exactly as pip reads them', () => {
  const SMUGGLED = ['\u001c', '\u001d', '\u001e', '\r', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'].map(
    (separator) => `pkg===1${separator}--index-url=http://127.0.0.1:9/simple`,
  );

  it.runIf(pip)('pip itself would take an --index-url from each smuggled value (the threat is real)', () => {
    const read = readWithPip(Object.fromEntries(SMUGGLED.map((text, index) => [String(index), `${text}\n`])));
    for (const index of SMUGGLED.keys())
      expect(
        read[String(index)]?.lines?.some((line) => line.options.index_url === 'http://127.0.0.1:9/simple'),
        SMUGGLED[index],
      ).toBe(true);
  });

  it('--packages, package and the answers file refuse every line separator pip knows', () => {
    for (const value of SMUGGLED) {
      const errors = checkPackages('packages', splitPackages(value));
      expect(errors.map((error) => error.rule).join(' '), JSON.stringify(value)).toMatch(
        /control or line-separator character \(found (\\x[0-9a-f]{2}|U\+[0-9A-F]{4})/,
      );
      expect(refusal(() => resolveAppAnswers({ ...BASE, packages: value })).map((error) => error.field)).toContain('packages');
    }
  });

  it('--requirements refuses a comment followed by \\r, and any other separator inside a line', () => {
    expect(checkRequirementsFile('requirements', '# pinned\r--index-url http://127.0.0.1:9/simple\npandas==2.2.3\n')[0]?.rule).toMatch(
      /found \\x0d/,
    );
    for (const value of SMUGGLED) expect(checkRequirementsFile('requirements', `${value}\n`)).not.toEqual([]);
    // Windows line ends are line ends: accepted, and written with "\n".
    expect(checkRequirementsFile('requirements', 'pandas==2.2.3\r\nrequests\r\n')).toEqual([]);
    expect(resolveAppAnswers(BASE, 'pandas==2.2.3\r\nrequests\r\n').requirementsText).toBe('pandas==2.2.3\nrequests\n');
  });

  it("splits lines like Python's str.splitlines and joins continuations like pip", () => {
    const python = spawnSync(PYTHON, ['-c', 'import json,sys; print(json.dumps(sys.stdin.read().splitlines()))'], {
      input: 'a\rb\r\nc\u001cd\u2028e\u0085f\n\ng',
      encoding: 'utf8',
    });
    expect(splitLinesLikePython('a\rb\r\nc\u001cd\u2028e\u0085f\n\ng')).toEqual(JSON.parse(python.stdout));
    expect(logicalLines('pandas==2.2.3 \\\n    --hash=sha256:abc # c\n# only a comment\n\nrequests  # why\n')).toEqual([
      { number: 1, text: 'pandas==2.2.3     --hash=sha256:abc' },
      { number: 5, text: 'requests' },
    ]);
  });

  it('--packages keeps an environment marker with spaces, and spaces around operators, in one requirement (issue 9)', () => {
    expect(splitPackages("requests pandas==2.2.3; python_version >= '3.10' pyarrow")).toEqual([
      'requests',
      "pandas==2.2.3; python_version >= '3.10'",
      'pyarrow',
    ]);
    expect(
      splitPackages(
        'a ; python_version < "3.11" and sys_platform == "linux" b c[x, y] >= 1.0 d @ https://example.com/d.whl ; os_name == "posix" e',
      ),
    ).toEqual([
      'a ; python_version < "3.11" and sys_platform == "linux"',
      'b',
      'c[x, y] >= 1.0',
      'd @ https://example.com/d.whl ; os_name == "posix"',
      'e',
    ]);
    expect(splitPackages("x; platform_release not in '5.10 6.1' y")).toEqual(["x; platform_release not in '5.10 6.1'", 'y']);
    expect(checkPackages('packages', splitPackages("requests pandas==2.2.3; python_version >= '3.10' pyarrow"))).toEqual([]);
    const plan = resolveAppAnswers({ ...BASE, packages: "requests pandas==2.2.3; python_version >= '3.10' pyarrow" });
    expect(plan.requirementsText.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      'requests',
      "pandas==2.2.3; python_version >= '3.10'",
      'pyarrow',
    ]);
  });

  const HASH = `sha256:${'0123456789abcdef'.repeat(4)}`;
  const WITH_OPTIONS = [
    '# company index',
    '--index-url https://pypi.acme.internal/simple',
    '--extra-index-url=https://${PYPI_TOKEN}@pypi.acme.internal/extra/simple',
    '-f https://download.acme.internal/wheels/',
    '--trusted-host pypi.acme.internal:8443',
    '--pre',
    '--only-binary :all:',
    '--no-binary=psycopg2,lxml',
    `pandas==2.2.3 \\`,
    `    --hash=${HASH}`,
    `requests==2.32.3 --hash=${HASH}`,
    '',
  ].join('\n');

  it("--requirements keeps pip's index options verbatim and checks their shape (issue 9)", () => {
    expect(checkRequirementsFile('requirements', WITH_OPTIONS)).toEqual([]);
    expect(resolveAppAnswers(BASE, WITH_OPTIONS).requirementsText).toBe(WITH_OPTIONS);
    for (const [line, rule] of [
      ['--index-url ftp://x/simple', /http:\/\/ or https:\/\/ URL/],
      ['--index-url', /needs a value/],
      ['--index-url "https://x/simple"', /without quotes/],
      ['--trusted-host bad_host!', /host name or IP/],
      ['--only-binary :al:', /:all:, :none: or package names/],
      ['--pre=yes', /takes no value/],
      ['pandas==2.2.3 --hash=md5:abc', /sha256:, sha384: or sha512:/],
      ['pandas==2.2.3 --hash=sha256:abc', /sha256:, sha384: or sha512:/],
      ['pandas==2.2.3 --index-url https://x/simple', /after a requirement/],
      ['--prefix /tmp', /not supported here/],
      ['-r other.txt', /-r includes another requirements file, which is not in the image's build context/],
      ['--requirement=other.txt', /includes another requirements file/],
      ['-c constraints.txt', /-c includes a constraints file/],
      ['-e ./src', /-e an editable install needs its source tree.*use a requirement/],
      ['--editable=git+https://x/y#egg=y', /editable install/],
      ['-rother.txt', /-r includes another requirements file/],
    ] as const) {
      const errors = checkRequirementsFile('requirements', `requests\n${line}\n`);
      expect(errors, line).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: 'requirements', value: `line 2: ${line}`, rule: expect.stringMatching(rule) });
    }
  });

  it.runIf(pip)('pip reads an accepted file with the same requirements and options the check saw', () => {
    const read = readWithPip({ file: WITH_OPTIONS }).file!;
    expect(read.error).toBeUndefined();
    const requirements = read.lines!.filter((line) => line.requirement).map((line) => [line.requirement!.trim(), line.options.hashes]);
    expect(requirements).toEqual([
      ['pandas==2.2.3', { sha256: ['0123456789abcdef'.repeat(4)] }],
      ['requests==2.32.3', { sha256: ['0123456789abcdef'.repeat(4)] }],
    ]);
    const options = Object.assign({}, ...read.lines!.filter((line) => !line.requirement).map((line) => line.options));
    expect(options).toMatchObject({
      index_url: 'https://pypi.acme.internal/simple',
      find_links: ['https://download.acme.internal/wheels/'],
      trusted_hosts: ['pypi.acme.internal:8443'],
      pre: true,
      no_binary: ['lxml', 'psycopg2'],
    });
  });
});

const ADOPTED_DAG = {
  description: 'Industrial ingestion',
  tags: ['ingestion'],
  catchup: false,
  startDate: '2026-01-01',
  defaultArgs: { owner: 'smedina', email: ['a@example.com'] },
};

describe('2. .yo-rc.json is checked like the options, naming the key and the rule', () => {
  const good = () => structuredClone(resolveAppAnswers({ ...BASE, pods: 'collect clean' }).config) as unknown as Record<string, any>;

  it('accepts what the generator saves', () => {
    expect(parseProjectConfig(good())).toEqual(good());
  });

  it("accepts what adopt saves: task ids, the adopted mark, the old DAG's arguments", () => {
    const adopted = good();
    Object.assign(adopted.pods[0], { taskId: 'coleta_dados', adopted: true });
    adopted.airflow = ADOPTED_DAG;
    expect(parseProjectConfig(adopted)).toEqual(adopted);
  });

  it.each([
    [
      'dagId',
      (config: any) => (config.dagId = '../../escaped_dag'),
      /\.yo-rc\.json generator-pod-ingestion\.dagId "\.\.\/\.\.\/escaped_dag": an Airflow DAG id/,
    ],
    [
      'kubernetes.retries as code',
      (config: any) => (config.kubernetes.retries = '1}; import os #'),
      /kubernetes\.retries "1}; import os #": must be a whole number/,
    ],
    [
      'kubernetes.retries too high',
      (config: any) => (config.kubernetes.retries = 99),
      /kubernetes\.retries "99": a whole number from 0 to 20/,
    ],
    [
      'pods[].after holding Python',
      (config: any) => (config.pods[1].after = ['collect"]) or __import__("os") #']),
      /pods\[1\]\.after\[0\] .*no pod of that name/,
    ],
    ['pods as a number', (config: any) => (config.pods = 5), /generator-pod-ingestion\.pods "5": must be a list/],
    ['a pod as a string', (config: any) => (config.pods[0] = 'collect'), /pods\[0\] "collect": must be an object/],
    ['an unknown key', (config: any) => (config.extra = 1), /generator-pod-ingestion\.extra "1": unknown key/],
    ['a missing key', (config: any) => delete config.kubernetes, /generator-pod-ingestion\.kubernetes "undefined": must be an object/],
    [
      'an env value with a control character',
      (config: any) => (config.pods[0].env = [{ name: 'A', value: 'x\ny' }]),
      /pods\[0\]\.env\[0\] "A=x\\ny": a value is one line/,
    ],
    ['an env name with "="', (config: any) => (config.pods[0].env = [{ name: 'A=B', value: 'x' }]), /pods\[0\]\.env\[0\]\.name "A=B"/],
    [
      'a secret over /app',
      (config: any) => (config.pods[0].secrets = [{ secret: 's', mountPath: '/app' }]),
      /pods\[0\]\.secrets\[0\] "s:\/app": a secret mounted at \/app would cover/,
    ],
    [
      'a pull policy',
      (config: any) => (config.kubernetes.imagePullPolicy = 'Sometimes'),
      /imagePullPolicy "Sometimes": one of Always, IfNotPresent, Never/,
    ],
    ['a pod name', (config: any) => (config.pods[0].name = 'os'), /pods\[0\]\.name "os": "os" is a Python 3\.12 standard-library module/],
    [
      'a cycle',
      (config: any) => {
        config.pods[0].after = ['clean'];
        config.pods[1].after = ['collect'];
      },
      /pods ".*": the pods' "after" lists form a cycle/,
    ],
    [
      'a description',
      (config: any) => (config.pods[0].description = 'a\u0007b'),
      /pods\[0\]\.description "a\\u0007b": a description is one line/,
    ],
    [
      'a request above its limit',
      (config: any) => Object.assign(config.kubernetes, { cpuRequest: '2', cpuLimit: '1' }),
      /kubernetes\.cpuRequest "2": the request is above its limit 1 \(\.yo-rc\.json generator-pod-ingestion\.kubernetes\.cpuLimit\)/,
    ],
    // What adopt saves: a task id, the adopted mark and the old DAG's arguments, each landing in Python text.
    [
      'a task id holding Python',
      (config: any) => (config.pods[0].taskId = 'a") or __import__("os'),
      /pods\[0\]\.taskId .*an Airflow task id/,
    ],
    ['a task id taken by another pod', (config: any) => (config.pods[0].taskId = 'clean'), /pods\[1\]\.taskId "clean": each task id once/],
    ['adopted as text', (config: any) => (config.pods[0].adopted = 'yes'), /pods\[0\]\.adopted "yes": must be true or false/],
    [
      'a start date',
      (config: any) => (config.airflow = { ...ADOPTED_DAG, startDate: '2026-02-30' }),
      /airflow\.startDate "2026-02-30": a date YYYY-MM-DD/,
    ],
    [
      'a default_args key',
      (config: any) => (config.airflow = { ...ADOPTED_DAG, defaultArgs: { 'x": 1, "y': 2 } }),
      /airflow\.defaultArgs\.x.*a default_args key is a Python identifier/,
    ],
    [
      'catchup as text',
      (config: any) => (config.airflow = { ...ADOPTED_DAG, catchup: 'False' }),
      /airflow\.catchup "False": must be true or false/,
    ],
  ])('refuses %s', (_, edit, message) => {
    const config = good();
    edit(config);
    let thrown: unknown;
    try {
      parseProjectConfig(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidAnswersError);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('4. one option, one value', () => {
  const project = resolveAppAnswers(BASE).config;

  it('--env and --param keep spaces, "=" and ":" inside one value', () => {
    const { pod } = addPod(project, 'load', { env: 'SQL=select * from t where a=1', param: 'Q=x y=z' });
    expect(pod.env).toEqual([{ name: 'SQL', value: 'select * from t where a=1' }]);
    expect(pod.params).toEqual([{ name: 'Q', default: 'x y=z' }]);
    const repeated = addPod(project, 'load', {
      env: ['A=1 B=2', 'C=x:y'] as unknown as string,
      secret: ['db:/var/secrets/db'] as unknown as string,
    }).pod;
    expect(repeated.env).toEqual([
      { name: 'A', value: '1 B=2' },
      { name: 'C', value: 'x:y' },
    ]);
    expect(repeated.secrets).toEqual([{ secret: 'db', mountPath: '/var/secrets/db' }]);
  });
});

describe('7. a pod named like a module the packages install, one rule for every way in', () => {
  it('knows import names that differ from the distribution, and common dependencies', () => {
    for (const [packages, pod] of [
      ['requests==2.32.3', 'urllib3'],
      ['PyYAML==6.0.2', 'yaml'],
      ['beautifulsoup4', 'bs4'],
      ['scikit-learn', 'sklearn'],
      ['pillow', 'PIL'],
      ['python-dateutil', 'dateutil'],
      ['pandas==2.2.3', 'numpy'],
      ['pandas==2.2.3', 'pandas'],
      ['google-cloud-storage', 'google'],
      ['my-private-lib', 'my_private_lib'],
    ]) {
      expect(checkPodsAgainstPackages([pod!], [packages!], 'pods')[0]?.rule, `${packages} / ${pod}`).toMatch(
        new RegExp(`named like the module ${pod} that ${packages!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} installs`),
      );
    }
    expect(checkPodsAgainstPackages(['collect'], ['requests', 'PyYAML'], 'pods')).toEqual([]);
  });

  it('serves the generator (--packages and --requirements), pod and package', () => {
    expect(refusal(() => resolveAppAnswers({ ...BASE, packages: 'requests==2.32.3', pods: 'urllib3' }))).toEqual([
      expect.objectContaining({ field: 'pods', value: 'urllib3', suggestion: 'urllib3_job' }),
    ]);
    expect(refusal(() => resolveAppAnswers({ ...BASE, pods: 'yaml' }, '# file\nPyYAML==6.0.2\n'))).toEqual([
      expect.objectContaining({ field: 'pods', value: 'yaml' }),
    ]);
    const project = resolveAppAnswers(BASE).config;
    expect(refusal(() => addPod(project, 'pandas', {}, ['pandas==2.2.3']))).toEqual([
      expect.objectContaining({ field: 'name', value: 'pandas' }),
    ]);
  });

  it('the image build stops on a pod that shadows an installed module, naming it', () => {
    const dockerfile = renderProject(resolveAppAnswers(BASE).config, '').Dockerfile!;
    const code = /^RUN python -c '([^']*)' \/app$/m.exec(dockerfile)?.[1];
    expect(code).toBeDefined();
    const app = mkdtempSync(join(tmpdir(), 'pod-ingestion-shadow-'));
    try {
      writeFileSync(join(app, 'collect.py'), '');
      expect(spawnSync(PYTHON, ['-c', code!, app], { cwd: app, encoding: 'utf8' }).status).toBe(0);
      // jinja2 is installed on this machine (python3-jinja2), as a package would be in the image.
      writeFileSync(join(app, 'jinja2.py'), '');
      writeFileSync(join(app, 'json.py'), '');
      const result = spawnSync(PYTHON, ['-c', code!, app], { cwd: app, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `pod scripts named like installed modules, which they would hide from every script in ${app}: jinja2, json. Rename them (e.g. jinja2_job.py)`,
      );
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe('8. the schedule is checked as croniter reads it', () => {
  it.each(['0 0 * * MON-FRI', '*/15 * * * *', '0 0 L * *', '0 0 * * 1#2', '0 6 * * 1-5', '0 0 1 JAN,JUL *', '0 0 * * * 30', '@daily', ''])(
    'accepts %j',
    (value) => {
      expect(checkSchedule(value)).toBeUndefined();
    },
  );
  it.each([
    ['99 99 99 99 99', /expected range 0-59/],
    ['foo bar baz qux quux', /Invalid characters/],
    ['61 0 * * *', /range 0-59/],
    ['0 0 31 2 *', /day of month/],
    ['0 6 * *', /5 fields/],
    ['H 0 * * *', /"H" is not/],
  ])('refuses %j', (value, rule) => {
    expect(checkSchedule(value)?.rule).toMatch(rule);
  });
});

describe('9. an --env value is a valid Jinja template or refused', () => {
  it('refuses an unclosed comment or a statement, accepts expressions, comments and raw blocks', () => {
    const project = resolveAppAnswers(BASE).config;
    expect(refusal(() => addPod(project, 'paint', { env: 'COLOR={#ff0000' }))).toEqual([
      expect.objectContaining({ field: 'env', rule: expect.stringMatching(/never closed by "#}"/) }),
    ]);
    for (const value of ['{% if x %}y{% endif %}', '{{ }}', '{{ a b }}', '{{ "x }}', '{{ a', '{% raw %}{{ x }}'])
      expect(checkJinjaTemplate(value), value).toBeDefined();
    for (const value of [
      '{{ ds }}',
      'x {# c #} y',
      '{% raw %}{{ literal }}{% endraw %}',
      "{{ dag_run.conf.get('x', 'y') | upper }}",
      '{{ macros.ds_add(ds, 7) }}',
      '#ff0000 {not} jinja }}',
    ]) {
      expect(checkJinjaTemplate(value), value).toBeUndefined();
    }
  });

  it.runIf(jinja)('every value the check accepts compiles with real jinja2 (generated from Jinja fragments)', () => {
    const text = fc.constantFrom('a', ' ', '{', '}', '}}', '#', '%', '{#', '#}', '{%', '%}', 'x y');
    const token = fc.constantFrom(
      'a',
      'ds',
      '.',
      '|',
      'upper',
      '(',
      ')',
      '[',
      ']',
      "'s'",
      '"t"',
      ',',
      '1',
      '+',
      '-',
      'if',
      'else',
      'not',
      'in',
      'is',
      ':',
      '=',
      '==',
      '~',
      '{',
      '}',
      '*',
      '**',
      'none',
      '0.5',
      "'}}'",
    );
    const part = fc.oneof(
      text,
      fc.array(token, { minLength: 1, maxLength: 7 }).map((tokens) => `{{ ${tokens.join(' ')} }}`),
      fc.array(token, { minLength: 1, maxLength: 5 }).map((tokens) => `{{${tokens.join('')}}}`),
      fc.constantFrom('{# note #}', '{#- x -#}', '{% raw %}{{ x }}{% endraw %}', '{%- raw -%}{%{%- endraw %}', '{{- a -}}'),
    );
    const values = fc.sample(
      fc.array(part, { maxLength: 5 }).map((parts) => parts.join('')),
      { numRuns: 4000, seed: 12 },
    );
    const accepted = [...new Set(values.filter((value) => checkJinjaTemplate(value) === undefined))];
    const script =
      'import json,sys\nfrom jinja2.sandbox import SandboxedEnvironment\ne=SandboxedEnvironment()\nbad=[]\nfor t in json.load(sys.stdin):\n  try: e.parse(t)\n  except Exception as x: bad.append([t,str(x)])\nprint(json.dumps(bad))';
    const result = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(accepted), encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual([]);
    // The sample holds templates, not only plain text.
    expect(accepted.filter((value) => value.includes('{{')).length).toBeGreaterThan(50);
  });
});

describe("12, 13 and the users' requests", () => {
  it('checks pod names against the standard library of the chosen Python', () => {
    expect(refusal(() => resolveAppAnswers({ ...BASE, python: '3.10', pods: 'binhex' }))[0]?.rule).toMatch(
      /Python 3\.10 standard-library module/,
    );
    expect(resolveAppAnswers({ ...BASE, python: '3.12', pods: 'binhex' }).config.pods[0]?.name).toBe('binhex');
    expect(checkPodName('tomllib', '3.10')).toBeUndefined();
    expect(checkPodName('tomllib', '3.11')).toBeDefined();
    expect(checkPodName('cgi', '3.13')).toBeUndefined();
    expect(checkPodName('cgi', '3.12')).toBeDefined();
  });

  it('refuses secrets mounted over /app, the run script or system folders', () => {
    const project = resolveAppAnswers(BASE).config;
    for (const path of [
      '/app',
      '/app/x',
      '/run_in_docker.sh',
      '/usr',
      '/usr/local/lib',
      '/etc',
      '/bin',
      '/home/appuser/.config',
      '/var',
      '/tmp/',
    ]) {
      expect(refusal(() => addPod(project, 'load', { secret: `s:${path}` }))[0]?.rule, path).toMatch(/would cover/);
    }
    for (const path of ['/var/secrets/db', '/etc/secrets/db', '/secrets', '/opt/keys/x'])
      expect(addPod(project, 'load', { secret: `s:${path}` }).pod.secrets[0]?.mountPath).toBe(path);
  });

  it('refuses a CPU or memory request above its limit, as Kubernetes would', () => {
    expect(refusal(() => resolveAppAnswers({ ...BASE, 'cpu-request': '250', 'cpu-limit': '1' }))).toEqual([
      expect.objectContaining({ field: 'cpu-request', rule: expect.stringMatching(/above its limit 1 \(--cpu-limit\)/) }),
    ]);
    expect(refusal(() => resolveAppAnswers({ ...BASE, 'memory-request': '2Gi', 'memory-limit': '1G' }))[0]?.field).toBe('memory-request');
    expect(
      resolveAppAnswers({ ...BASE, 'cpu-request': '250m', 'cpu-limit': '1', 'memory-request': '1G', 'memory-limit': '1Gi' }).config
        .kubernetes.cpuRequest,
    ).toBe('250m');
  });

  it('suggests what the user meant', () => {
    expect(checkRepository('SMedina')?.suggestion).toBe('smedina');
    expect(checkRepository('ghcr.io/SMedina')?.suggestion).toBe('ghcr.io/smedina');
    expect(checkPackages('package', ['pandas=2.2.3'])[0]?.suggestion).toBe('pandas==2.2.3');
    expect(checkPackages('package', ['psycopg2 binary'])[0]?.suggestion).toBe('psycopg2-binary');
    expect(checkQuantity('512MB')?.suggestion).toBe('512M or 512Mi');
    expect(checkQuantity('2GiB')?.suggestion).toBe('2Gi');
    // A suggestion is itself accepted.
    expect(checkRepository('smedina')).toBeUndefined();
  });

  it('14: never suggests an IPv6 registry Docker cannot parse; blames a too-long repository; refuses an empty package', () => {
    const ipv6 = checkRepository('[::1]:5000/team');
    expect(ipv6?.suggestion).toBe('127.0.0.1:5000/team');
    expect(checkRepository(ipv6!.suggestion!)).toBeUndefined();
    expect(refusal(() => resolveAppAnswers({ ...BASE, repository: `ghcr.io/${'a'.repeat(260)}` }))[0]?.field).toBe('repository');
    expect(checkPackages('package', [''])[0]?.rule).toMatch(/not empty/);
  });
});
