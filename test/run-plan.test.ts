// The plan of a local run, without Docker: which tasks in which order, each container's environment with
// Airflow's templates rendered for the logical date and conf, and every refusal at once.
import { describe, expect, it } from 'vitest';
import { newPod, type PodSpec, type ProjectConfig } from '../src/core/project-config.js';
import { dockerCpus, dockerMemory, planRun, renderTemplate, RunRefusedError, type RunRequest } from '../src/core/run-plan.js';
import { refusalOf } from './support/refusal.js';

const pod = (name: string, settings: Partial<PodSpec> = {}): PodSpec => ({ ...newPod(name), ...settings });

function project(pods: PodSpec[], kubernetes: Partial<ProjectConfig['kubernetes']> = {}): ProjectConfig {
  return {
    repository: '',
    container: 'demo',
    tag: '1.0.0',
    python: '3.12',
    dagId: 'demo',
    schedule: '',
    kubernetes: {
      namespace: 'airflow',
      imagePullPolicy: 'IfNotPresent',
      imagePullSecret: '',
      onFinishAction: 'delete_pod',
      retries: 2,
      retryDelayMinutes: 5,
      cpuRequest: '',
      memoryRequest: '',
      cpuLimit: '',
      memoryLimit: '',
      kubernetesConnId: '',
      ...kubernetes,
    },
    pods,
  } as ProjectConfig;
}

const request = (overrides: Partial<RunRequest> = {}): RunRequest => ({
  tasks: [],
  downstream: false,
  confText: '',
  confField: 'conf',
  logicalDate: '2026-01-31',
  runId: 'local_x',
  sets: [],
  secretsDir: '',
  mounts: [],
  retries: true,
  projectDir: '/work/demo',
  ...overrides,
});

const DIAMOND = [
  pod('a'),
  pod('b', { after: ['a'] }),
  pod('c', { after: ['a'] }),
  pod('d', { after: ['b', 'c'] }),
  pod('e', { after: ['d'] }),
];

const refusal = (run: () => unknown): string => refusalOf(run, RunRefusedError).message;

describe('which tasks, in which order', () => {
  it('runs every task in dependency order by default', () => {
    const plan = planRun(project(DIAMOND), request(), () => true);
    expect(plan.tasks.map((task) => [task.id, task.upstream])).toEqual([
      ['a', []],
      ['b', ['a']],
      ['c', ['a']],
      ['d', ['b', 'c']],
      ['e', ['d']],
    ]);
  });

  it('runs only the named tasks, their upstream tasks taken as done; --downstream adds what follows them', () => {
    expect(planRun(project(DIAMOND), request({ tasks: ['d', 'b'] }), () => true).tasks.map((task) => [task.id, task.upstream])).toEqual([
      ['b', []],
      ['d', ['b']],
    ]);
    expect(planRun(project(DIAMOND), request({ tasks: ['c'], downstream: true }), () => true).tasks.map((task) => task.id)).toEqual([
      'c',
      'd',
      'e',
    ]);
  });

  it("takes the project's retries unless --no-retries", () => {
    expect(planRun(project(DIAMOND), request(), () => true).tasks[0]!.retries).toBe(2);
    expect(planRun(project(DIAMOND), request({ retries: false }), () => true).tasks[0]!.retries).toBe(0);
  });
});

describe("each container's environment", () => {
  const pods = [
    pod('collect', {
      env: [
        { name: 'DAY', value: '{{ ds }}' },
        { name: 'STAMP', value: 'x-{{ds_nodash}}-{{ logical_date }}' },
        { name: 'RUN', value: '{{ run_id }}' },
        { name: 'LINE', value: "{{ dag_run.conf.get('LINE', '7') }}" },
      ],
      params: [
        { name: 'RUN_DATE', default: '2026-01-01' },
        { name: 'ZONE', default: null },
      ],
    }),
    pod('clean', {
      after: ['collect'],
      env: [
        { name: 'FROM_PARAM', value: '{{ params.ZONE }}' },
        { name: 'STRICT', value: "{{ dag_run.conf['ZONE'] }}" },
      ],
    }),
  ];

  it('PRG_NAME, OUTPUT_DIR, constants with templates rendered for the logical date and run, then params: conf value, else default', () => {
    const plan = planRun(project(pods), request({ confText: '{"ZONE": "north", "LINE": 3}' }), () => true);
    // The DAG's order (dag-params.ts): collect declares RUN_DATE itself, so only OUTPUT_DIR is built in.
    expect(plan.tasks[0]!.env).toEqual([
      ['PRG_NAME', 'collect.py'],
      ['OUTPUT_DIR', '/tmp/pod-ingestion-output'],
      ['DAY', '2026-01-31'],
      ['STAMP', 'x-20260131-2026-01-31T00:00:00+00:00'],
      ['RUN', 'local_x'],
      ['LINE', '3'],
      ['RUN_DATE', '2026-01-01'],
      ['ZONE', 'north'],
    ]);
    expect(plan.tasks[1]!.env).toEqual([
      ['PRG_NAME', 'clean.py'],
      ['RUN_DATE', '2026-01-31'],
      ['OUTPUT_DIR', '/tmp/pod-ingestion-output'],
      ['FROM_PARAM', 'north'],
      ['STRICT', 'north'],
    ]);
  });

  it('a conf value wins over a default, and a fresh conf gives fresh values', () => {
    const first = planRun(project(pods), request({ confText: '{"ZONE": "a", "RUN_DATE": "2025-12-31"}' }), () => true);
    const second = planRun(project(pods), request({ confText: '{"ZONE": "b"}' }), () => true);
    expect(Object.fromEntries(first.tasks[0]!.env)).toMatchObject({ ZONE: 'a', RUN_DATE: '2025-12-31' });
    expect(Object.fromEntries(second.tasks[0]!.env)).toMatchObject({ ZONE: 'b', RUN_DATE: '2026-01-01' });
  });

  it('--set replaces a value for one task or for every task that has the key', () => {
    const plan = planRun(project(pods), request({ confText: '{"ZONE": "n"}', sets: ['collect:DAY=today', 'RUN=mine'] }), () => true);
    expect(Object.fromEntries(plan.tasks[0]!.env)).toMatchObject({ DAY: 'today', RUN: 'mine' });
  });

  it("renders conf values as Jinja prints them (Python's str)", () => {
    const context = { logicalDate: '2026-01-31', runId: 'r', conf: { yes: true, none: null, n: 2.5 }, params: new Map() };
    expect(
      renderTemplate(
        "{{ dag_run.conf['yes'] }} {{ dag_run.conf.none }} {{ dag_run.conf.get('n') }} {{ dag_run.conf.get('gone') }}",
        context,
      ).value,
    ).toBe('True None 2.5 None');
  });

  it('mounts DIR/<secret> read-only at the mount path, host paths of --mount from the project folder', () => {
    const plan = planRun(
      project([pod('a', { secrets: [{ secret: 'gcp-key', mountPath: '/var/secrets/gcp' }] })]),
      request({ secretsDir: '/s', mounts: ['data:/data', '/abs/x:/x'] }),
      () => true,
    );
    expect(plan.tasks[0]!.secrets).toEqual([{ source: '/s/gcp-key', target: '/var/secrets/gcp' }]);
    expect(plan.mounts).toEqual([
      { source: '/work/demo/data', target: '/data' },
      { source: '/abs/x', target: '/x' },
    ]);
  });

  it("gives docker the project's limits in docker's units", () => {
    const plan = planRun(project([pod('a')], { memoryLimit: '512Mi', cpuLimit: '500m' }), request(), () => true);
    expect([plan.memory, plan.cpus]).toEqual(['512m', '0.5']);
    expect([dockerMemory('1Gi'), dockerMemory('1G'), dockerMemory('1.5Gi'), dockerCpus('2'), dockerCpus('1.5')]).toEqual([
      '1g',
      '1000000000',
      String(1.5 * 1024 ** 3),
      '2',
      '1.5',
    ]);
  });
});

describe('refusals, all at once, before anything runs', () => {
  const pods = [
    pod('a', { params: [{ name: 'RUN_DATE', default: null }], secrets: [{ secret: 'key', mountPath: '/var/secrets/key' }] }),
    pod('b', {
      after: ['a'],
      env: [
        { name: 'TOKEN', value: '{{ var.value.token }}' },
        { name: 'LOOP', value: '{% for x in y %}{% endfor %}' },
        { name: 'STRICT', value: "{{ dag_run.conf['MISSING'] }}" },
      ],
    }),
  ];

  it('names the task and param, the template, the secret folder, the unknown task and the bad date', () => {
    const message = refusal(() =>
      planRun(project(pods), request({ tasks: ['a', 'b', 'zz'], secretsDir: '/s', logicalDate: '2026-13-01' }), () => false),
    );
    expect(message).toContain('task a needs the param RUN_DATE, which has no default');
    expect(message).toContain('{{ var.value.token }}: a local run renders only');
    expect(message).toContain('--set b:TOKEN=VALUE');
    expect(message).toContain('Jinja statements');
    expect(message).toContain(`{{ dag_run.conf['MISSING'] }}: the conf has no "MISSING"`);
    expect(message).toContain('there is no folder /s/key');
    expect(message).toContain('--task "zz": no task of that name; the pipeline has: a, b');
    expect(message).toContain('--logical-date "2026-13-01"');
  });

  it('--set supplies what a local run cannot render', () => {
    const plan = planRun(
      project(pods),
      request({ confText: '{"RUN_DATE": "x", "MISSING": "m"}', secretsDir: '/s', sets: ['b:TOKEN=t', 'b:LOOP=l'] }),
      () => true,
    );
    expect(Object.fromEntries(plan.tasks[1]!.env)).toMatchObject({ TOKEN: 't', LOOP: 'l', STRICT: 'm' });
  });

  it('refuses bad conf text, bad --set and bad --mount values', () => {
    expect(refusal(() => planRun(project(DIAMOND), request({ confText: '{"a":' }), () => true))).toContain('the conf is JSON');
    expect(refusal(() => planRun(project(DIAMOND), request({ sets: ['no-equals'] }), () => true))).toContain('TASK:KEY=VALUE or KEY=VALUE');
    expect(refusal(() => planRun(project(DIAMOND), request({ mounts: ['data:relative'] }), () => true))).toContain('HOST:CONTAINER');
    expect(refusal(() => planRun(project(DIAMOND), request({ sets: ['zz:A=1'] }), () => true))).toContain('no task "zz"');
  });
});
