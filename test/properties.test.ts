// Property tests with fast-check.
// (a) Whatever the validators accept (generated from the accepted grammars, not picked by hand) renders to
//     a project the real checkers pass: Dockerfile lint, ast.parse + pyflakes, PEP 508, the DAG's structure
//     (read with `ast`; Airflow cannot be installed here), shellcheck; and every value comes back exactly
//     through Python's parser and through jinja2, as Airflow would render it.
// (b) What the validators refuse makes resolveAppAnswers / addPod throw InvalidAnswersError naming the
//     field, and the compiled generator write nothing at all.
// (c) --packages accepts exactly what the PEP 508 reference parser (python3-packaging) accepts; the
//     disagreements it found are kept at the end of the file: fixed ones as regression tests, open ones with it.fails.
// External tools run once over every generated tree, after fast-check has produced them all.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import helpers from 'yeoman-test';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { InvalidAnswersError } from '../src/core/field-error.js';
import { imageReference } from '../src/core/image-reference.js';
import { addPod } from '../src/core/pipeline.js';
import type { ProjectConfig } from '../src/core/project-config.js';
import { PYTHON_STDLIB_MODULES } from '../src/core/python-stdlib-modules.js';
import type { RawAnswers } from '../src/core/questions.js';
import { dagPath, EXECUTABLE_FILES, renderDag, renderProject } from '../src/core/render-project.js';
import { checkJinjaTemplate } from '../src/core/jinja-template.js';
import { coveredByMount } from '../src/core/pod-settings.js';
import { checkPackages } from '../src/core/requirements.js';
import { quantityValue } from '../src/core/resources.js';
import { inspectDags } from './checkers/dag.js';
import { checkDockerfile } from './checkers/dockerfile.js';
import { jinjaMissing, renderJinja } from './checkers/jinja.js';
import { pythonToolsMissing } from './checkers/python.js';
import { checkRequirementsFiles, packagingMissing } from './checkers/requirements.js';
import { shellToolsMissing } from './checkers/shell.js';
import { checkTrees, failures } from './checkers/tree.js';
import { requireTool } from './support/required-tool.js';
import { generatorPath } from './support/run-generator.js';
import { writeTree } from './support/tree.js';

const tools = requireTool(pythonToolsMissing() ?? shellToolsMissing() ?? packagingMissing() ?? jinjaMissing(), 'generated projects for arbitrary answers');
const SEED = Number(process.env.FC_SEED ?? 20261125);
const ORIGINAL_CWD = process.cwd();

// ---------------------------------------------------------------------------------------------------
// The accepted grammars.

const PYTHON_KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'];

/** A Docker path component: lowercase alphanumerics joined by ".", "_", "__" or runs of "-". */
const pathComponent = fc.stringMatching(/^[a-z0-9]{1,8}(?:(?:[._]|__|-{1,3})[a-z0-9]{1,8}){0,2}$/);
/** A Docker Hub namespace: a component without "." (a dot would make it a registry host). */
const hubNamespace = fc.stringMatching(/^[a-z0-9]{1,10}(?:(?:_|__|-{1,2})[a-z0-9]{1,8}){0,2}$/);
const registryHost = fc.oneof(
  fc.constantFrom('ghcr.io', 'localhost:5000', 'localhost', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'registry.example.com:443', 'Registry.Example.COM'),
  fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?\.(?:io|com|dev|internal)(?::[0-9]{2,5})?$/),
);
const repository = fc.oneof(
  fc.constant(''),
  hubNamespace,
  fc.tuple(registryHost, fc.array(pathComponent, { minLength: 0, maxLength: 2 })).map(([host, path]) => [host, ...path].join('/')),
);
const tag = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}$/), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{127}$/));
/** A pod name: a Python module name, lowercase, not a keyword or a standard-library module, not test*. */
const podName = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,20}$/)
  .filter((name) => !PYTHON_KEYWORDS.includes(name) && !PYTHON_STDLIB_MODULES.has(name) && !name.startsWith('test'));
const envName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,14}$/).filter((name) => name !== 'PRG_NAME');

/** Text that tries to escape every context a value lands in: Python strings and docstrings, Jinja, shell, Markdown. */
const trickyPiece = fc.constantFrom('"', "'", '\\', '}}', '{{', '{%', '%}', '{#', '#}', '"""', "'''", '\\n', '\\x7b', '\\u00e9', 'é', '日本', '🙂', '$HOME', '`id`',
  ';', '#', ' ', '\u00a0', '\u2028', '\u0085', 'ﬁ', '\u200b', '\ufeff', '|', '*', '<b>', '${x}', '%s', ':', '=');
const anyText = fc.array(fc.oneof({ weight: 2, arbitrary: trickyPiece }, { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 7 }).map((parts) => parts.join(''));
/** A value of --env / --param / --description: one line without control characters; one option is one value, trimmed. */
const oneLine = anyText.filter((value) => !/[\u0000-\u001f\u007f]/.test(value) && value === value.trim());
/** An --env value: one line that Jinja accepts (Airflow renders it); the Jinja check is tested against jinja2 in trust-inputs.test.ts. */
const envValue = oneLine.filter((value) => checkJinjaTemplate(value) === undefined);
const dnsSubdomain = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?){0,2}$/);
// Not over the image's own files (/app, /usr...: refused, see trust-inputs.test.ts).
const mountPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/).filter((segment) => segment !== '..' && segment !== '.'), { minLength: 1, maxLength: 3 })
  .map((parts) => `/${parts.join('/')}`)
  .filter((path) => coveredByMount(path) === undefined);
const requirement = fc.constantFrom('pandas==2.2.3', 'pyarrow>=14,<20', 'google-cloud-storage==2.18.2', 'requests', 'numpy~=1.26', 'SQLAlchemy[asyncio]>=2.0', 'psycopg2-binary!=2.9.0', 'boto3>=1.34.0,<2', 'torch==2.3.0+cpu', 'attrs;python_version>"3.8"');

interface PodInput {
  name: string;
  after: string[];
  env: [string, string][];
  params: [string, string | null][];
  secrets: [string, string][];
  description: string;
}

const podInput = (name: string) =>
  fc
    .record({
      names: fc.uniqueArray(envName, { minLength: 0, maxLength: 5 }),
      values: fc.array(oneLine, { minLength: 5, maxLength: 5 }),
      envValues: fc.array(envValue, { minLength: 5, maxLength: 5 }),
      split: fc.nat({ max: 5 }),
      required: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      secrets: fc.uniqueArray(fc.tuple(dnsSubdomain, mountPath), { maxLength: 2, selector: ([, path]) => path }),
      description: oneLine.map((text) => text.slice(0, 300).trim()),
      afterPick: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    })
    .map(({ names, values, envValues, split, required, secrets, description, afterPick }) => ({
      name,
      afterPick,
      env: names.slice(0, split).map((key, index): [string, string] => [key, envValues[index]!]),
      params: names.slice(split).map((key, index): [string, string | null] => [key, required[index] ? null : values[split + index]!]),
      secrets,
      description,
    }));

const projectInput = fc
  .record({
    repository, container: pathComponent, tag,
    python: fc.constantFrom('3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'),
    packages: fc.uniqueArray(requirement, { maxLength: 4, selector: (spec) => spec.split(/[^A-Za-z0-9_.-]/)[0]!.toLowerCase() }),
    podNames: fc.uniqueArray(podName, { minLength: 1, maxLength: 4 }),
    dagId: fc.option(fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/).filter((id) => !id.startsWith('.')), { nil: undefined }),
    schedule: fc.constantFrom('', '@daily', '@hourly', '0 6 * * 1-5', '*/15 * * * *', 'None'),
    namespace: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/),
    imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
    imagePullSecret: fc.oneof(fc.constant(''), dnsSubdomain),
    onFinishAction: fc.constantFrom('delete_pod', 'delete_succeeded_pod', 'keep_pod'),
    retries: fc.integer({ min: 0, max: 20 }),
    retryDelay: fc.integer({ min: 0, max: 1440 }),
    // CPU request, memory request, CPU limit, memory limit; a request is at most its limit (the other order is refused).
    quantities: fc
      .tuple(fc.constantFrom('', '250m', '0.5', '1', '.5', '2'), fc.constantFrom('', '512Mi', '1Gi', '1e3', '1G'), fc.constantFrom('', '250m', '0.5', '1', '.5', '2'), fc.constantFrom('', '512Mi', '1Gi', '1e3', '1G'))
      .map(([cpuRequest, memoryRequest, cpuLimit, memoryLimit]) => {
        const ordered = (request: string, limit: string) => (request && limit && quantityValue(request)! > quantityValue(limit)! ? [limit, request] : [request, limit]);
        const [cpuLow, cpuHigh] = ordered(cpuRequest, cpuLimit);
        const [memoryLow, memoryHigh] = ordered(memoryRequest, memoryLimit);
        return [cpuLow!, memoryLow!, cpuHigh!, memoryHigh!];
      }),
    connId: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/)),
  })
  .chain((project) =>
    fc.tuple(...project.podNames.slice(1).map(podInput)).map((pods) => ({
      ...project,
      // Each added pod runs after a subset of the pods before it: always a DAG, never a cycle.
      pods: pods.map((pod, index) => ({ ...pod, after: project.podNames.slice(0, index + 1).filter((_, k) => pod.afterPick[k]) })) as PodInput[],
    })),
  );
type ProjectInput = typeof projectInput extends fc.Arbitrary<infer T> ? T : never;

function appAnswers(input: ProjectInput): RawAnswers {
  const [cpuRequest, memoryRequest, cpuLimit, memoryLimit] = input.quantities;
  return {
    repository: input.repository, container: input.container, tag: input.tag, python: input.python, packages: input.packages.join(' '),
    pods: input.podNames[0], ...(input.dagId === undefined ? {} : { 'dag-id': input.dagId }), schedule: input.schedule, namespace: input.namespace,
    'image-pull-policy': input.imagePullPolicy, 'image-pull-secret': input.imagePullSecret, 'on-finish-action': input.onFinishAction,
    retries: String(input.retries), 'retry-delay': String(input.retryDelay), 'cpu-request': cpuRequest, 'memory-request': memoryRequest,
    'cpu-limit': cpuLimit, 'memory-limit': memoryLimit, 'kubernetes-conn-id': input.connId, defaults: true,
  };
}

/** The project as the generator's core makes it: the app's answers, then each further pod through addPod. */
function buildProject(input: ProjectInput): { config: ProjectConfig; requirementsText: string } {
  const plan = resolveAppAnswers(appAnswers(input));
  let config = plan.config;
  for (const pod of input.pods) {
    ({ config } = addPod(config, pod.name, {
      after: pod.after.join(','),
      env: pod.env.map(([key, value]) => `${key}=${value}`) as unknown as string,
      param: pod.params.map(([key, value]) => (value === null ? key : `${key}=${value}`)) as unknown as string,
      secret: pod.secrets.map(([secret, path]) => `${secret}:${path}`) as unknown as string,
      description: pod.description,
    }));
  }
  return { config, requirementsText: plan.requirementsText };
}

// ---------------------------------------------------------------------------------------------------

describe.runIf(tools)('(a) every accepted answer set renders a project the real checkers pass', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pod-ingestion-properties-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('Dockerfile, Python (ast.parse + pyflakes), DAG structure (ast; no Airflow here), shellcheck, PEP 508, image reference; values survive Python and jinja2', () => {
    const samples: { root: string; input: ProjectInput; config: ProjectConfig; image: string }[] = [];

    // In-process part, with shrinking: the validators accept the input, store every value as given, and the
    // Dockerfile lints clean. Each tree is written for the tool runs below.
    fc.assert(
      fc.property(projectInput, (input) => {
        const { config, requirementsText } = buildProject(input);
        for (const pod of input.pods) {
          const stored = config.pods.find((candidate) => candidate.name === pod.name)!;
          expect(stored.env).toEqual(pod.env.map(([name, value]) => ({ name, value })));
          expect(stored.params).toEqual(pod.params.map(([name, fallback]) => ({ name, default: fallback })));
          expect(stored.description).toBe(pod.description);
        }
        const files = renderProject(config, requirementsText);
        expect(checkDockerfile(files.Dockerfile!)).toEqual([]);
        expect(Object.entries(files).filter(([, content]) => content.includes('\r')).map(([path]) => path)).toEqual([]);
        const root = join(work, `p${samples.length}`);
        writeTree(root, files, EXECUTABLE_FILES);
        samples.push({ root, input, config, image: imageReference(config) });
      }),
      { numRuns: 50, seed: SEED },
    );

    // The tools, once over every tree.
    const reports = checkTrees(samples.map(({ root, config, image }) => ({ root, image, dag: dagPath(config), python: config.python })));
    const failed = samples.map((sample) => ({ input: sample.input, failures: failures(reports[sample.root]!) })).filter((sample) => Object.keys(sample.failures).length > 0);
    expect(failed).toEqual([]);

    // Values come back exactly: through Python's parser (the env_vars dict read by ast.literal_eval), and through
    // jinja2 (a param's default with an empty conf, the conf's value when given; constants render to themselves
    // when they hold no Jinja delimiter; they are templates by design).
    const dags = inspectDags(samples.map(({ root, config }) => join(root, dagPath(config))));
    const jobs: { template: string; context: Record<string, unknown>; expected: string; what: string }[] = [];
    for (const { root, config, input } of samples) {
      const report = dags[join(root, dagPath(config))]!;
      for (const pod of config.pods) {
        const operator = report.operators.find((candidate) => report.task_ids[candidate.variable ?? ''] === pod.name);
        const env = operator?.keywords.find((keyword) => keyword.name === 'env_vars')?.value as Record<string, string> | undefined;
        const what = `${pod.name} of ${JSON.stringify(input)}`;
        expect(env, what).toBeDefined();
        expect(Object.keys(env!), what).toEqual(['PRG_NAME', ...pod.env.map(({ name }) => name), ...pod.params.map(({ name }) => name)]);
        for (const { name, value } of pod.env) {
          expect(env![name], what).toBe(value);
          if (!/\{[{%#]/.test(value)) jobs.push({ template: value, context: { dag_run: { conf: {} } }, expected: value, what: `${what}: env ${name}` });
        }
        for (const { name, default: fallback } of pod.params) {
          const given = `conf value for ${name} "}}" \\ ü`;
          jobs.push({ template: env![name]!, context: { dag_run: { conf: { [name]: given } } }, expected: given, what: `${what}: param ${name} given` });
          if (fallback !== null) jobs.push({ template: env![name]!, context: { dag_run: { conf: {} } }, expected: fallback, what: `${what}: param ${name} default` });
        }
      }
    }
    // The samples exercise what they are for: several pods, constants, params with and without defaults, secrets.
    const pods = samples.flatMap(({ config }) => config.pods);
    const coverage = {
      pods: pods.length, env: pods.flatMap((pod) => pod.env).length, defaults: pods.flatMap((pod) => pod.params).filter((param) => param.default !== null).length,
      required: pods.flatMap((pod) => pod.params).filter((param) => param.default === null).length, secrets: pods.flatMap((pod) => pod.secrets).length,
    };
    for (const count of Object.values(coverage)) expect(count).toBeGreaterThanOrEqual(10);
    const rendered = renderJinja(jobs);
    jobs.forEach((job, index) => expect(rendered[index], job.what).toEqual({ ok: true, value: job.expected }));
  });
});

// ---------------------------------------------------------------------------------------------------
// The refused grammars, built by construction (not by asking the validators).

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const badContainer = fc.oneof(
  fc.tuple(word, fc.constantFrom(...'ABCMRZ'), fc.stringMatching(/^[a-z0-9]{0,6}$/)).map(([a, upper, b]) => `${a}${upper}${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a}/${b}`),
  fc.tuple(fc.constantFrom('-', '.', '_', '__'), word).map(([separator, a]) => `${separator}${a}`),
  fc.tuple(word, fc.constantFrom('-', '.', '_')).map(([a, separator]) => `${a}${separator}`),
  fc.tuple(word, fc.constantFrom('..', '___', '._', '-.'), word).map(([a, separator, b]) => `${a}${separator}${b}`),
  fc.tuple(word, fc.constantFrom('!', '@', ':', '+', ' ', 'é', '~', '#'), word).map(([a, bad, b]) => `${a}${bad}${b}`),
  fc.constant(''),
  fc.integer({ min: 256, max: 300 }).map((length) => 'a'.repeat(length)),
);
const badTag = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('.', '-'), fc.stringMatching(/^[A-Za-z0-9_.-]{0,10}$/)).map(([first, rest]) => `${first}${rest}`),
  fc.tuple(word, fc.constantFrom('/', ':', '@', '+', ' ', 'é', '!', '*'), word).map(([a, bad, b]) => `${a}${bad}${b}`),
  fc.integer({ min: 129, max: 140 }).map((length) => 'v'.repeat(length)),
);
const badPodName = fc.oneof(
  fc.tuple(word, word).map(([a, b]) => `${a}/${b}`),
  fc.tuple(word, word).map(([a, b]) => `pods/${a}_${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a}-${b}`),
  fc.constantFrom('class', 'import', 'def', 'return', 'lambda', 'yield', 'async', 'await', 'global', 'pass', 'while'),
  fc.constantFrom('json', 'os', 'sys', 'csv', 'logging', 'typing', 'random', 'string', 'email', 'http', 'types', 'secrets', 'queue', 'signal', 'site', 'token', 'datetime', 'pathlib'),
  fc.tuple(fc.constantFrom(...'ABCXYZ'), word).map(([upper, rest]) => `${upper}${rest}`),
  fc.tuple(fc.integer({ min: 0, max: 9 }), word).map(([digit, rest]) => `${digit}${rest}`),
  word.map((rest) => `test_${rest}`),
  fc.constant(`a${'b'.repeat(50)}`),
  fc.tuple(word, word).map(([a, b]) => `${a}.${b}`),
  fc.tuple(word, fc.constantFrom('é', '!', '$', 'ß', '·')).map(([a, bad]) => `${a}${bad}`),
);
const badRepository = fc.oneof(
  fc.tuple(word, fc.constantFrom(...'ABZ')).map(([a, upper]) => `${a}${upper}`),
  fc.tuple(word, word).map(([a, b]) => `${a}//${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a}/${b}-`),
  fc.tuple(word, word).map(([a, b]) => `ghcr.io/${a}/_${b}`),
  fc.tuple(word, word).map(([a, b]) => `-${a}.io/${b}`),
);

const refusedAnswer = fc.oneof(
  fc.record({ field: fc.constant('container'), value: badContainer }),
  fc.record({ field: fc.constant('tag'), value: badTag }),
  fc.record({ field: fc.constant('pods'), value: badPodName }),
  fc.record({ field: fc.constant('repository'), value: badRepository }),
);

const VALID_ANSWERS: RawAnswers = { repository: 'smedina1304', container: 'run-pods-python', tag: 'v1.0', packages: 'pandas==2.2.3', python: '3.12', pods: 'collect', defaults: true };

function refusalOf(run: () => unknown): InvalidAnswersError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidAnswersError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('(b) every refused answer is reported by field, and nothing is written', () => {
  it('resolveAppAnswers throws InvalidAnswersError naming the field', () => {
    fc.assert(
      fc.property(refusedAnswer, ({ field, value }) => {
        const error = refusalOf(() => resolveAppAnswers({ ...VALID_ANSWERS, [field]: value }));
        expect(error.errors.map((item) => item.field)).toContain(field);
        expect(error.message).toContain(`--${field}`);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('addPod throws InvalidAnswersError naming the field (name, env, param, secret, description)', () => {
    const project = resolveAppAnswers(VALID_ANSWERS).config;
    const badPodAnswer = fc.oneof(
      fc.record({ field: fc.constant('name'), name: badPodName, answers: fc.constant({}) }),
      fc.record({ field: fc.constant('name'), name: fc.constant('collect'), answers: fc.constant({}) }),
      fc.record({
        field: fc.constant('env'), name: fc.constant('new_pod'),
        answers: fc.oneof(
          envName.map((key) => ({ env: key })),
          fc.tuple(fc.stringMatching(/^[0-9-][A-Za-z0-9_-]{0,6}$/), oneLine).map(([key, value]) => ({ env: `${key}=${value}` })),
          fc.tuple(envName, oneLine, fc.constantFrom('\t', '\u0000', '\u007f', '\u001b')).map(([key, value, control]) => ({ env: `${key}=${value}${control}x` })),
          fc.constant({ env: 'PRG_NAME=other.py' }),
        ),
      }),
      fc.record({
        field: fc.constant('param'), name: fc.constant('new_pod'),
        answers: fc.oneof(
          fc.stringMatching(/^[0-9][A-Za-z0-9_]{0,6}$/).map((key) => ({ param: key })),
          fc.tuple(envName, fc.constantFrom('\t', '\u0000', '\u007f')).map(([key, control]) => ({ param: `${key}=a${control}b` })),
        ),
      }),
      fc.record({
        field: fc.constant('secret'), name: fc.constant('new_pod'),
        answers: fc.oneof(
          dnsSubdomain.map((secret) => ({ secret })),
          fc.tuple(dnsSubdomain, fc.constantFrom('relative/path', '/a/../b', '/', '/with space', '/é')).map(([secret, path]) => ({ secret: `${secret}:${path}` })),
          mountPath.map((path) => ({ secret: `Upper_Case:${path}` })),
        ),
      }),
      fc.record({
        field: fc.constant('description'), name: fc.constant('new_pod'),
        answers: fc.oneof(
          fc.constant({ description: 'x'.repeat(301) }),
          fc.tuple(oneLine, fc.constantFrom('\n', '\t', '\u0007')).map(([text, control]) => ({ description: `a${control}${text}b` })),
        ),
      }),
      fc.record({ field: fc.constant('after'), name: fc.constant('new_pod'), answers: fc.constantFrom({ after: 'missing' }, { after: 'new_pod' }) }),
    );
    fc.assert(
      fc.property(badPodAnswer, ({ field, name, answers }) => {
        const error = refusalOf(() => addPod(project, name, answers as RawAnswers));
        expect(error.errors.map((item) => item.field)).toContain(field);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  describe('the compiled generator (yeoman-test) refuses them and writes nothing', () => {
    let work: string;
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'pod-ingestion-refusals-'));
    });
    afterAll(() => {
      process.chdir(ORIGINAL_CWD);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    // A generator run costs about 0.2 s, so a sample of the refused values, from every category.
    const cases = fc.sample(refusedAnswer, { numRuns: 16, seed: SEED }).map(({ field, value }, index) => ({ field, value, index }));
    it.each(cases)('--$field $value', async ({ field, value, index }) => {
      const cwd = join(work, `run${index}`);
      mkdirSync(cwd);
      const run = helpers.run(generatorPath('app'), { namespace: 'pod-ingestion:app', tmpdir: false, cwd, autoCleanup: false }).withOptions({ ...VALID_ANSWERS, [field]: value });
      await expect(run).rejects.toThrow(`--${field}`);
      expect(readdirSync(cwd)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// (c) The generator's requirement validator (pip-requirements-js + @renovatebot/pep440) against the
//     reference parser (packaging.requirements.Requirement), on generated specifiers.

const requirementSpec = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,8}[A-Za-z0-9])?$/),
    fc.option(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), { minLength: 1, maxLength: 2 }).map((extras) => `[${extras.join(',')}]`), { nil: '' }),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('==', '!=', '>=', '<=', '>', '<', '~=', '==='),
          fc.oneof(
            fc.stringMatching(/^(?:[0-9]!)?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}(?:(?:a|b|rc)[0-9])?(?:\.post[0-9])?(?:\.dev[0-9])?(?:\+[a-z0-9]{1,4})?$/),
            fc.stringMatching(/^[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}\.\*$/),
            fc.stringMatching(/^[A-Za-z0-9.*+!_-]{1,8}$/),
          ),
        ).map(([operator, version]) => `${operator}${version}`),
        { maxLength: 3 },
      )
      .map((specifiers) => specifiers.join(',')),
    fc.constantFrom('', ';python_version>"3.8"', ";os_name=='posix'", ';sys_platform=="linux"'),
  )
  .map(([name, extras, specifiers, marker]) => `${name}${extras}${specifiers}${marker}`);

// OPEN: arbitrary equality (===) in a list or with extras still disagrees with the reference parser (pinned
// with it.fails below); the property covers every other specifier.
const knownDisagreement = (spec: string) => spec.includes('===');

function referenceAccepts(specs: readonly string[]): boolean[] {
  const problems = checkRequirementsFiles(Object.fromEntries(specs.map((spec, index) => [String(index), spec])));
  return specs.map((_, index) => (problems[String(index)] ?? ['missing']).length === 0);
}

describe.runIf(tools)('(c) --packages accepts exactly what the PEP 508 reference parser accepts', () => {
  it('on generated requirement specifiers', () => {
    const specs = fc.sample(requirementSpec.filter((spec) => !knownDisagreement(spec)), { numRuns: 600, seed: SEED });
    const reference = referenceAccepts(specs);
    const disagreements = specs
      .map((spec, index) => ({ spec, generator: checkPackages('packages', [spec]).length === 0, packaging: reference[index] }))
      .filter(({ generator, packaging }) => generator !== packaging);
    expect(disagreements).toEqual([]);
    // Both verdicts occur, so the comparison means something.
    expect(new Set(reference).size).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------
// Bugs the properties above found (pinned with it.fails while open), now fixed and kept as regression tests.

describe.runIf(tools)('disagreements the properties found, still open', () => {
  it.fails('--packages accepts === beside other specifiers and extras, as PEP 508 does', () => {
    const specs = ['DK._-__od[de3e]===40.51.5.*,===31.*', '1[k,h--q]===132rc4+l03e;sys_platform=="linux"', '1===1.585.116.51.post2,~=*2!N!..'];
    expect(specs.map((spec) => checkPackages('packages', [spec]).length === 0)).toEqual(referenceAccepts(specs));
  });
});

describe.runIf(tools)('bugs the properties found, fixed', () => {
  it('--packages accepts "===" (arbitrary equality), which PEP 508 and pip accept', () => {
    expect(referenceAccepts(['Flask===3.0.0'])).toEqual([true]);
    expect(checkPackages('packages', ['Flask===3.0.0'])).toEqual([]);
  });

  it('--packages refuses a local version with an ordered comparison (torch>=2.0+cpu), which pip refuses', () => {
    expect(referenceAccepts(['torch>=2.0+cpu'])).toEqual([false]);
    expect(checkPackages('packages', ['torch>=2.0+cpu'])).not.toEqual([]);
  });

  it('--packages refuses ~= with one release segment (requests~=2), which pip refuses', () => {
    expect(referenceAccepts(['requests~=2'])).toEqual([false]);
    expect(checkPackages('packages', ['requests~=2'])).not.toEqual([]);
  });

  it('a pod name ending in "_" no longer gives the task a Kubernetes name ending in "-" (not DNS-1123)', () => {
    const plan = resolveAppAnswers({ ...VALID_ANSWERS, pods: 'collect_' });
    const file = join(mkdtempSync(join(tmpdir(), 'pod-ingestion-bug-')), 'dag.py');
    writeTree(dirname(file), { 'dag.py': renderDag(plan.config) });
    try {
      expect(inspectDags([file])[file]!.operators[0]!.keywords.find((keyword) => keyword.name === 'name')?.value).toMatch(/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/);
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
