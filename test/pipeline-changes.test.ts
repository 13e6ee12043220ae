// updatePod and removePod, the pipeline model's operations behind `pod NAME --update` and `remove NAME`.
import { describe, expect, it } from 'vitest';
import { InvalidAnswersError } from '../src/core/field-error.js';
import { downstreamOf, findCycle, removePod, updatePod } from '../src/core/pipeline.js';
import { podUpdateQuestions } from '../src/core/pod-questions.js';
import { changedSettings, parsePodSettings, podSettingsAnswers } from '../src/core/pod-settings.js';
import { newPod, type PodSpec, type ProjectConfig } from '../src/core/project-config.js';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import type { RawAnswers } from '../src/core/questions.js';
import { refusalOf } from './support/refusal.js';

const pod = (name: string, ...after: string[]): PodSpec => ({ ...newPod(name), after });

/** collect >> [clean_orders, clean_parts] >> join_zones >> oee, with settings on clean_orders. */
function project(): ProjectConfig {
  const base = resolveAppAnswers({ pods: 'collect' }).config;
  const cleanOrders: PodSpec = {
    ...pod('clean_orders', 'collect'),
    description: 'Cleans orders',
    env: [{ name: 'ZONE', value: 'processing area' }],
    params: [
      { name: 'RUN_DATE', default: null },
      { name: 'LINE_ID', default: '1' },
    ],
    secrets: [{ secret: 'gcp-key', mountPath: '/var/secrets/gcp' }],
  };
  return {
    ...base,
    pods: [
      ...base.pods,
      cleanOrders,
      pod('clean_parts', 'collect'),
      pod('join_zones', 'clean_orders', 'clean_parts'),
      pod('oee', 'join_zones'),
    ],
  };
}

/** The refusal's field errors, or a failure when nothing was refused. */
const refusal = (run: () => unknown) => refusalOf(run).errors;

const byName = (config: ProjectConfig, name: string) => config.pods.find((item) => item.name === name)!;

describe('updatePod', () => {
  const SETTINGS: [string, RawAnswers, Partial<PodSpec>][] = [
    ['after', { after: 'clean_parts' }, { after: ['clean_parts'] }],
    [
      'env',
      { env: ['A=1', 'B={{ ds }}'] as unknown as string },
      {
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '{{ ds }}' },
        ],
      },
    ],
    ['param', { param: 'SOURCE_DIR=/data' }, { params: [{ name: 'SOURCE_DIR', default: '/data' }] }],
    ['secret', { secret: 'db:/var/secrets/db' }, { secrets: [{ secret: 'db', mountPath: '/var/secrets/db' }] }],
    ['description', { description: 'Normalises orders' }, { description: 'Normalises orders' }],
  ];
  for (const [setting, answers, changed] of SETTINGS) {
    it(`replaces ${setting} and keeps every other setting, the pod's place and the input project`, () => {
      const before = project();
      const frozen = structuredClone(before);
      const { config, pod: updated } = updatePod(before, 'clean_orders', answers);
      expect(updated).toEqual({ ...byName(before, 'clean_orders'), ...changed });
      expect(config.pods.map((item) => item.name)).toEqual(before.pods.map((item) => item.name));
      expect(config.pods.filter((item) => item.name !== 'clean_orders')).toEqual(
        before.pods.filter((item) => item.name !== 'clean_orders'),
      );
      expect(before).toEqual(frozen);
    });
  }

  it('clears a setting given empty (--after "", --env "")', () => {
    const { pod: updated } = updatePod(project(), 'clean_orders', { after: '', env: '', secret: '' });
    expect(updated.after).toEqual([]);
    expect(updated.env).toEqual([]);
    expect(updated.secrets).toEqual([]);
    expect(updated.params).toHaveLength(2);
  });

  it('changes nothing when no setting is given', () => {
    const before = project();
    expect(updatePod(before, 'clean_orders', { update: true }).config).toEqual(before);
  });

  it('refuses a cycle the update would create, naming it', () => {
    const errors = refusal(() => updatePod(project(), 'collect', { after: 'oee' }));
    expect(errors).toEqual([{ field: 'after', value: 'oee', rule: expect.stringMatching(/cycle: .*collect.*oee|cycle: .*oee.*collect/) }]);
    expect(refusal(() => updatePod(project(), 'join_zones', { after: 'join_zones' }))[0]!.rule).toMatch(/cannot run after itself/);
  });

  it('refuses an unknown pod, an unknown upstream and bad values, all at once', () => {
    expect(refusal(() => updatePod(project(), 'nope', { after: 'collect' }))).toEqual([
      {
        field: 'name',
        value: 'nope',
        rule: 'the project has no pod of that name; it has: collect, clean_orders, clean_parts, join_zones, oee',
      },
    ]);
    const errors = refusal(() => updatePod(project(), 'oee', { after: 'ghost', env: '1BAD=x', secret: 'nocolon' }));
    expect(errors.map((error) => `${error.field} ${error.value}`)).toEqual(['env 1BAD=x', 'secret nocolon', 'after ghost']);
  });

  it('refuses settings that clash with the ones kept (a variable set by --env and --param)', () => {
    const errors = refusal(() => updatePod(project(), 'clean_orders', { env: 'LINE_ID=2' }));
    expect(errors).toEqual([{ field: 'env', value: 'LINE_ID', rule: 'each variable is set once, by --env or by --param' }]);
  });
});

describe("the --update prompts' defaults", () => {
  it('read back as the same settings (parameters without a default first), and an accepted default is no change', () => {
    const reordered: PodSpec = {
      ...pod('late'),
      params: [
        { name: 'LINE_ID', default: '1 2' },
        { name: 'RUN_DATE', default: null },
      ],
    };
    // One value per item: a default with a space stays one value.
    expect(podSettingsAnswers(reordered).param).toEqual(['LINE_ID=1 2', 'RUN_DATE']);
    for (const item of [...project().pods, reordered]) {
      const answers = podSettingsAnswers(item);
      const errors: InvalidAnswersError['errors'] = [];
      const parsed = { ...item, ...parsePodSettings(answers, errors) };
      expect({ ...parsed, params: [...parsed.params].sort((a, b) => a.name.localeCompare(b.name)) }).toEqual({
        ...item,
        params: [...item.params].sort((a, b) => a.name.localeCompare(b.name)),
      });
      expect(changedSettings(answers, item)).toEqual({});
      expect(changedSettings({ ...answers, after: 'x', update: true }, item)).toEqual({ after: 'x', update: true });
      expect(errors).toEqual([]);
      const questions = podUpdateQuestions(item);
      expect(
        Object.fromEntries(questions.filter((question) => question.message).map((question) => [question.name, question.default({})])),
      ).toEqual(answers);
    }
    expect(podSettingsAnswers(byName(project(), 'clean_orders'))).toEqual({
      after: 'collect',
      env: ['ZONE=processing area'],
      param: ['RUN_DATE', 'LINE_ID=1'],
      secret: ['gcp-key:/var/secrets/gcp'],
      description: 'Cleans orders',
    });
  });
});

describe('removePod', () => {
  it('removes a pod nothing depends on, and leaves the others as they were', () => {
    const before = project();
    const { config, removed, rewired } = removePod(before, 'oee');
    expect(removed.name).toBe('oee');
    expect(rewired).toEqual([]);
    expect(config.pods).toEqual(before.pods.filter((item) => item.name !== 'oee'));
  });

  it('refuses a pod others depend on, naming them and the way out', () => {
    expect(refusal(() => removePod(project(), 'collect'))).toEqual([
      {
        field: 'name',
        value: 'collect',
        rule: 'clean_orders, clean_parts run after it; remove those pods first, or add --rewire to make them run first instead',
      },
    ]);
    expect(refusal(() => removePod(project(), 'join_zones'))[0]!.rule).toBe(
      'oee runs after it; remove that pod first, or add --rewire to make it run after clean_orders, clean_parts instead',
    );
    expect(refusal(() => removePod(project(), 'ghost'))[0]!.rule).toMatch(/no pod of that name; it has: collect, /);
  });

  it('with rewire, hands a fan-in its upstreams, in place and without duplicates', () => {
    const base = project();
    // report runs after clean_orders and join_zones; join_zones after clean_orders and clean_parts.
    const before = { ...base, pods: [...base.pods, pod('report', 'clean_orders', 'join_zones')] };
    const { config, rewired } = removePod(before, 'join_zones', { rewire: true });
    expect(rewired.map((item) => [item.name, item.after])).toEqual([
      ['oee', ['clean_orders', 'clean_parts']],
      ['report', ['clean_orders', 'clean_parts']],
    ]);
    expect(config.pods.map((item) => item.name)).toEqual(['collect', 'clean_orders', 'clean_parts', 'oee', 'report']);
    expect(findCycle(config.pods)).toBeUndefined();
    // Every order between the remaining pods still holds, and no new one appears.
    for (const item of config.pods) {
      const was = [...downstreamOf(before.pods, [item.name])].filter((name) => name !== 'join_zones').sort();
      expect([...downstreamOf(config.pods, [item.name])].sort()).toEqual(was);
    }
  });

  it('with rewire on a first pod, its dependents run first', () => {
    const { config } = removePod(project(), 'collect', { rewire: true });
    expect(byName(config, 'clean_orders').after).toEqual([]);
    expect(byName(config, 'clean_parts').after).toEqual([]);
  });
});
