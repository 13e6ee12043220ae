// `pod NAME --update` and `remove NAME`, run with the compiled bin (and through yeoman-test for the prompts
// and `yo pod-ingestion:remove`) on one project carrying hand edits. After every step the DAG passes the
// same checkers as after `pod` and its graph is .yo-rc.json's; the user's lines outside the managed blocks
// and the pod scripts are byte for byte theirs; a refusal changes no byte of the project.
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDagReport, dagTasks, edgeSet, inspectDag } from './checkers/dag.js';
import { checkPython, PYTHON } from './checkers/python.js';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { requireTool, toolMissing } from './support/required-tool.js';
import { runGenerator } from './support/run-generator.js';

const IMAGE = 'ghcr.io/acme/plant:1.0.0';
const pythonReady = () =>
  requireTool(toolMissing(PYTHON) ?? toolMissing('pyflakes3'), 'the changed DAG (ast, pyflakes3, structural checks)');

interface SavedPod {
  name: string;
  after: string[];
  env: { name: string; value: string }[];
  params: { name: string; default: string | null }[];
  secrets: { secret: string; mountPath: string }[];
  description: string;
}

let project = '';
let dag = '';
/** The DAG as the user left it, and their edited script: compared after every step. */
let userDag = '';
let userScript: Buffer;

const HELPER =
  '\n# Hand-written helper: must survive update and remove.\ndef on_failure_alert(context):\n    print("task failed:", context)\n\n';
const AFTER_WITH = '\n# Hand-written line after the with-block.\ndag.doc_md = "Plant pipeline, edited by hand"\n';
const SCRIPT_EDIT = '\n\ndef summarise(rows):\n    """Added by hand."""\n    return len(rows)\n';

const savedPods = (folder = project): SavedPod[] =>
  JSON.parse(readFileSync(join(folder, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'].pods;
const pod = (name: string, folder = project) => savedPods(folder).find((item) => item.name === name)!;
/** The DAG with its two managed blocks cut out: the user's part. */
const outsideBlocks = (text: string) => text.replace(/# >>> pod-ingestion managed: (\w+)[\s\S]*?# <<< pod-ingestion managed: \1/g, '<$1>');

/** The checks after every step: the user's bytes kept, the DAG valid and exactly .yo-rc.json's graph. */
function checkProject(folder = project) {
  const dagFile = join(folder, 'dags/plant_pipeline.py');
  expect(outsideBlocks(readFileSync(dagFile, 'utf8'))).toBe(outsideBlocks(userDag));
  expect(readFileSync(join(folder, 'pods/clean_orders.py')).equals(userScript)).toBe(true);
  return checkDagAgainstConfig(folder);
}

/** The DAG passes the checkers run after `pod`, and its graph is exactly the one .yo-rc.json describes. */
function checkDagAgainstConfig(folder: string) {
  const dagFile = join(folder, 'dags/plant_pipeline.py');
  if (!pythonReady()) return undefined;
  expect(checkPython([dagFile])).toEqual([]);
  const report = inspectDag(dagFile);
  expect(checkDagReport(report, IMAGE)).toEqual([]);
  const tasks = dagTasks(report);
  const pods = savedPods(folder);
  expect(Object.keys(tasks).sort()).toEqual(pods.map((item) => item.name).sort());
  expect(edgeSet(report.edges)).toEqual(
    edgeSet(pods.flatMap((item) => item.after.map((upstream): [string, string] => [upstream, item.name]))),
  );
  return { tasks, edges: report.edges, imports: report.imports.map((item) => `${item.module}.${item.name}`) };
}

async function expectSuccess(args: string[], folder = project) {
  const result = await runBin(args, folder);
  expect(result.exitCode, result.output).toBe(0);
  return result;
}

/** Runs a command that must be refused: exit 1, our message (no stack trace), not one byte changed. */
async function expectRefusal(args: string[], message: RegExp, folder = project) {
  const before = snapshot(folder);
  const result = await runBin(args, folder);
  expect(result.exitCode, result.output).toBe(1);
  expect(result.stderr).toMatch(/^Nothing was written/);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(snapshotDiff(before, snapshot(folder))).toEqual([]);
}

afterAll(cleanupTempDirs);

beforeAll(async () => {
  const root = tempDir('update-remove');
  await expectSuccess(['plant', '--repository', 'ghcr.io/acme', '--container', 'plant', '--tag', '1.0.0', '--pods', 'collect'], root);
  project = join(root, 'plant');
  dag = join(project, 'dags/plant_pipeline.py');
  for (const args of [
    ['clean_orders', '--after', 'collect'],
    ['clean_parts', '--after', 'collect'],
    ['join_zones', '--after', 'clean_orders,clean_parts'],
    ['oee', '--after', 'join_zones'],
  ]) {
    await expectSuccess(['pod', ...args]);
  }
  let text = readFileSync(dag, 'utf8');
  const settings = text.indexOf('# >>> pod-ingestion managed: settings');
  text = `${text.slice(0, settings)}${HELPER}${text.slice(settings)}`.replace('tags=["pod-ingestion"]', 'tags=["pod-ingestion", "plant"]');
  userDag = `${text.replace(/\n*$/, '\n')}${AFTER_WITH}`;
  writeFileSync(dag, userDag);
  appendFileSync(join(project, 'pods/clean_orders.py'), SCRIPT_EDIT);
  userScript = readFileSync(join(project, 'pods/clean_orders.py'));
}, 120_000);

describe('pod NAME --update', () => {
  it('--env replaces the constants and keeps the upstreams', async () => {
    const result = await expectSuccess(['pod', 'clean_orders', '--update', '--env', 'ZONE=processing', '--env', 'MODE=full']);
    expect(result.output).toMatch(/Updated the task clean_orders \(now runs after collect\)/);
    expect(pod('clean_orders')).toMatchObject({
      after: ['collect'],
      env: [
        { name: 'ZONE', value: 'processing' },
        { name: 'MODE', value: 'full' },
      ],
    });
    const graph = checkProject();
    expect(graph?.tasks.clean_orders!.env_vars).toEqual({
      PRG_NAME: 'clean_orders.py',
      RUN_DATE: '{{ ds }}',
      OUTPUT_DIR: '{{ params.OUTPUT_DIR }}',
      ZONE: 'processing',
      MODE: 'full',
    });
  });

  it('--param replaces the run-time parameters and keeps the constants', async () => {
    await expectSuccess(['pod', 'clean_orders', '--update', '--param', 'LINE_ID=1', '--param', 'RUN_DATE']);
    expect(pod('clean_orders').env).toHaveLength(2);
    const graph = checkProject();
    expect(graph?.tasks.clean_orders!.env_vars).toMatchObject({
      LINE_ID: '{{ params.LINE_ID }}',
      RUN_DATE: '{{ params.RUN_DATE }}',
      ZONE: 'processing',
    });
  });

  it('--secret mounts a secret (and the DAG imports Secret)', async () => {
    await expectSuccess(['pod', 'clean_orders', '--update', '--secret', 'gcp-key:/var/secrets/gcp']);
    expect(pod('clean_orders').secrets).toEqual([{ secret: 'gcp-key', mountPath: '/var/secrets/gcp' }]);
    const graph = checkProject();
    expect(Object.keys(graph?.tasks.clean_orders ?? {})).toContain('secrets');
    expect(graph?.imports).toContain('airflow.providers.cncf.kubernetes.secret.Secret');
  });

  it("--description changes the task's doc, not the user's script", async () => {
    await expectSuccess(['pod', 'clean_orders', '--update', '--description', 'Cleans the orders of every line']);
    expect(pod('clean_orders')).toMatchObject({
      description: 'Cleans the orders of every line',
      params: [
        { name: 'LINE_ID', default: '1' },
        { name: 'RUN_DATE', default: null },
      ],
    });
    const graph = checkProject();
    expect(Object.keys(graph?.tasks.clean_orders ?? {})).toContain('doc_md');
    expect(readFileSync(dag, 'utf8')).toContain('doc_md="Cleans the orders of every line"');
  });

  it('--after replaces the upstreams; --after "" and --secret "" clear them', async () => {
    await expectSuccess(['pod', 'clean_parts', '--update', '--after', 'clean_orders']);
    expect(pod('clean_parts').after).toEqual(['clean_orders']);
    checkProject();
    await expectSuccess(['pod', 'clean_parts', '--update', '--after', '']);
    expect(pod('clean_parts').after).toEqual([]);
    const graph = checkProject();
    expect(edgeSet(graph?.edges ?? [])).not.toContain('collect -> clean_parts');
    await expectSuccess(['pod', 'clean_orders', '--update', '--secret', '']);
    expect(pod('clean_orders').secrets).toEqual([]);
    expect(checkProject()?.imports).not.toContain('airflow.providers.cncf.kubernetes.secret.Secret');
    await expectSuccess(['pod', 'clean_parts', '--update', '--after', 'collect']);
    checkProject();
  });

  it('refuses a cycle the update would create, and changes no byte', async () => {
    await expectRefusal(['pod', 'collect', '--update', '--after', 'oee'], /--after "oee": the dependencies form a cycle: .*collect.*oee/);
  });

  it('refuses an unknown pod, an unknown upstream and a bad value, and changes no byte', async () => {
    await expectRefusal(
      ['pod', 'ghost', '--update', '--env', 'A=1'],
      /the NAME argument "ghost": the project has no pod of that name; it has: collect, clean_orders/,
    );
    await expectRefusal(['pod', 'oee', '--update', '--after', 'nope'], /--after "nope": no pod of that name/);
    await expectRefusal(['pod', 'oee', '--update', '--env', '1BAD=x'], /--env "1BAD=x": .*not starting with a digit/);
  });

  it('without --update, an existing name is refused as before, pointing at --update', async () => {
    await expectRefusal(['pod', 'oee', '--after', 'collect'], /already has a pod "oee".*unique\. Try: pod-ingestion pod oee --update/);
  });

  it('in a terminal, an existing name is refused before any question: no answer could mend it', async () => {
    const run = await runInTerminal(['pod', 'oee'], project);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toMatch(/the NAME argument "oee": the project already has a pod "oee" \(pods\/oee\.py\)/);
    expect(run.output).not.toContain('Runs after which pods');
    // Its task id is the same name: one problem, said once.
    expect(run.output).not.toContain('task id');
  });

  it('in a terminal, a required --param on a scheduled DAG is asked again with the reason, before anything is written', async () => {
    const parent = tempDir('scheduled-param');
    expect((await runBin(['daily', '--defaults', '--pods', 'collect', '--schedule', '@daily'], parent)).exitCode).toBe(0);
    const daily = join(parent, 'daily');
    const run = await runInTerminal(['pod', 'load', '--after', 'collect', '--param', 'LINE_ID'], daily, {
      steps: [
        { wait: 'Constant environment variable', keys: '\\r' },
        { wait: 'LINE_ID \\(pods load\\) has no default', keys: 'LINE_ID=7\\r' },
        { wait: '\\?', keys: '\\r', until: 'Added' },
      ],
    });
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('Try: LINE_ID=VALUE');
    expect(readFileSync(join(daily, 'dags', 'daily_pipeline.py'), 'utf8')).toContain('"LINE_ID": Param("7"');
  });

  it('alone in a terminal, asks each setting with its current value as the default', async () => {
    const copy = join(tempDir('update-prompts'), 'plant');
    cpSync(project, copy, { recursive: true });
    const before = pod('clean_orders', copy);
    // yeoman-test answers the prompts: only after is changed, every other prompt takes its default.
    const result = await runGenerator('pod')
      .cd(copy)
      .withArguments(['clean_orders'])
      .withOptions({ update: true, force: false } as Record<string, unknown>)
      .withAnswers({ after: 'clean_parts' });
    const asked = Object.fromEntries(result.askedQuestions.map((question) => [question.name, question.answer]));
    // Repeatable settings first offer to keep their current values (one value each); no secret yet, so none to keep.
    expect(asked).toMatchObject({
      after: 'clean_parts',
      'keep-env': true,
      'keep-param': true,
      description: 'Cleans the orders of every line',
    });
    expect(pod('clean_orders', copy)).toEqual({ ...before, after: ['clean_parts'] });
    checkProject(copy);
  });
});

describe('remove NAME', () => {
  it('refuses a pod others depend on, naming them, and changes no byte', async () => {
    await expectRefusal(
      ['remove', 'join_zones'],
      /the NAME argument "join_zones": oee runs after it; .*--rewire to make it run after clean_orders, clean_parts instead/,
    );
    await expectRefusal(['remove', 'collect'], /clean_orders, clean_parts run after it/);
    await expectRefusal(['remove', 'ghost', '--rewire'], /no pod of that name/);
  });

  it('--rewire on a fan-in: the dependents take its upstreams; the script and test stay', async () => {
    const result = await expectSuccess(['remove', 'join_zones', '--rewire']);
    expect(result.output).toContain('oee now runs after clean_orders, clean_parts');
    expect(result.output).toContain('Kept pods/join_zones.py and tests/test_join_zones.py');
    expect(savedPods().map((item) => item.name)).toEqual(['collect', 'clean_orders', 'clean_parts', 'oee']);
    expect(pod('oee').after).toEqual(['clean_orders', 'clean_parts']);
    expect(existsSync(join(project, 'pods/join_zones.py'))).toBe(true);
    expect(existsSync(join(project, 'tests/test_join_zones.py'))).toBe(true);
    const graph = checkProject();
    expect(edgeSet(graph?.edges ?? [])).toEqual([
      'clean_orders -> oee',
      'clean_parts -> oee',
      'collect -> clean_orders',
      'collect -> clean_parts',
    ]);
  });

  it('--delete-script removes a pod without dependents with its script and test', async () => {
    const result = await expectSuccess(['remove', 'oee', '--delete-script']);
    expect(result.output).toContain('Deleted pods/oee.py and tests/test_oee.py');
    expect(existsSync(join(project, 'pods/oee.py'))).toBe(false);
    expect(existsSync(join(project, 'tests/test_oee.py'))).toBe(false);
    expect(savedPods().map((item) => item.name)).toEqual(['collect', 'clean_orders', 'clean_parts']);
    checkProject();
  });

  it('works as `yo pod-ingestion:remove` too, and the kept scripts still pass their tests', async () => {
    await runGenerator('remove')
      .cd(project)
      .withArguments(['collect'])
      .withOptions({ rewire: true, force: false } as Record<string, unknown>);
    expect(savedPods().map((item) => [item.name, item.after])).toEqual([
      ['clean_orders', []],
      ['clean_parts', []],
    ]);
    checkProject();
    if (!requireTool(toolMissing(PYTHON), "the project's own unit tests")) return;
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(PYTHON, ['-B', '-m', 'unittest', 'discover', '-s', 'tests'], { cwd: project, encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

describe("the README's commands for correcting a pipeline", () => {
  it('run as shown, in a project with the pods they name', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const block = /Correcting a pipeline:\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has a "Correcting a pipeline" sh block').toBeDefined();
    const root = tempDir('readme-correcting');
    await expectSuccess(
      ['plant', '--repository', 'ghcr.io/acme', '--container', 'plant', '--tag', '1.0.0', '--pods', 'collect clean_parts'],
      root,
    );
    const folder = join(root, 'plant');
    await expectSuccess(['pod', 'clean_parts', '--update', '--after', 'collect'], folder);
    for (const args of [
      ['clean_orders', '--after', 'collect'],
      ['join_zones', '--after', 'clean_orders,clean_parts'],
      ['oee', '--after', 'join_zones'],
    ])
      await expectSuccess(['pod', ...args], folder);
    const commands = block!.trim().split('\n');
    for (const command of commands) {
      // Words as a POSIX shell splits these lines: spaces, and double quotes around one word.
      const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
      expect(words[0]).toBe('pod-ingestion');
      await expectSuccess(words.slice(1), folder);
    }
    expect(savedPods(folder).map((item) => [item.name, item.after])).toEqual([
      ['collect', []],
      ['clean_parts', ['collect']],
      ['clean_orders', []],
    ]);
    expect(pod('clean_orders', folder).env).toEqual([{ name: 'ZONE', value: 'processing' }]);
    expect(existsSync(join(folder, 'pods/join_zones.py'))).toBe(true);
    expect(existsSync(join(folder, 'pods/oee.py'))).toBe(false);
    checkDagAgainstConfig(folder);
  });
});
