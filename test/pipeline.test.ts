import { describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { useLanguage } from '../src/core/i18n/translate.js';
import { addPod, dependentsOf, downstreamOf, findCycle, topologicalOrder } from '../src/core/pipeline.js';
import { newPod, type PodSpec } from '../src/core/project-config.js';
import { refusalOf } from './support/refusal.js';

const pod = (name: string, ...after: string[]): PodSpec => ({ ...newPod(name), after });

describe('the pipeline model', () => {
  const diamond = [pod('d', 'b', 'c'), pod('c', 'a'), pod('b', 'a'), pod('a')];

  it('orders pods after their upstreams, keeping the project order among ready pods', () => {
    expect(topologicalOrder(diamond).map((item) => item.name)).toEqual(['a', 'c', 'b', 'd']);
    expect(() => topologicalOrder([pod('x', 'y'), pod('y', 'x')])).toThrow(/cycle/);
  });

  it('finds dependents, everything downstream, and cycles', () => {
    expect(dependentsOf(diamond, 'a').map((item) => item.name)).toEqual(['c', 'b']);
    expect([...downstreamOf(diamond, ['b'])]).toEqual(['d']);
    expect([...downstreamOf(diamond, ['a'])].sort()).toEqual(['b', 'c', 'd']);
    expect(findCycle(diamond)).toBeUndefined();
    expect(findCycle([pod('x', 'y'), pod('y', 'x')])).toEqual(['x', 'y', 'x']);
  });

  it('addPod returns the new project and the pod it made', () => {
    const base = resolveAppAnswers({ pods: 'collect' }).config;
    const { config, pod: added } = addPod(base, 'clean', { after: 'collect', env: 'A=1', description: 'Cleans' });
    expect(added).toEqual({
      name: 'clean',
      description: 'Cleans',
      after: ['collect'],
      env: [{ name: 'A', value: '1' }],
      params: [],
      secrets: [],
    });
    expect(config.pods.map((item) => item.name)).toEqual(['collect', 'clean']);
    expect(base.pods).toHaveLength(1);
  });

  it('addPod names a taken task id by what made it: the name, or the --task-id given', () => {
    const base = resolveAppAnswers({ pods: 'collect' }).config;
    const adopted = { ...base, podsDir: 'scripts', pods: [...base.pods, { ...pod('load'), taskId: 'load_orders' }] };
    const refusal = (name: string, answers = {}) =>
      refusalOf(() => addPod(adopted, name, answers)).errors.map(({ field, value, rule }) => ({ field, value, rule }));
    // A name the project has: one problem (its task id is the same name), the script named in the project's folder.
    expect(refusal('collect')).toEqual([
      { field: 'name', value: 'collect', rule: expect.stringContaining('already has a pod "collect" (scripts/collect.py)') },
    ]);
    expect(refusal('load_orders')).toEqual([
      { field: 'name', value: 'load_orders', rule: expect.stringMatching(/^its task id would be the same name/) },
    ]);
    expect(refusal('other', { 'task-id': 'load_orders' })).toEqual([
      { field: 'task-id', value: 'load_orders', rule: expect.stringMatching(/^another task of the DAG has this id/) },
    ]);
    expect(addPod(adopted, 'load_orders', { 'task-id': 'load_orders_v2' }).pod.taskId).toBe('load_orders_v2');
  });

  it('a required param on a scheduled DAG suggests the default to type, with the placeholder in the run language', () => {
    const daily = resolveAppAnswers({ pods: 'collect', schedule: '@daily' }).config;
    const suggestion = () => refusalOf(() => addPod(daily, 'load', { param: 'LINE_ID' })).errors[0]?.suggestion;
    expect(suggestion()).toBe('LINE_ID=VALUE');
    try {
      useLanguage('pt-BR');
      expect(suggestion()).toBe('LINE_ID=VALOR');
    } finally {
      useLanguage('en');
    }
  });
});
