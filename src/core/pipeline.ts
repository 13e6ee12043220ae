// The pipeline: the pods of a project and the order between them. Every command that changes the pods
// (the generator, `pod`, `pod --update`, `remove`) and everything that reads their order (the DAG) goes
// through this module.
import { checkDagParams } from './dag-params.js';
import { t } from './i18n/translate.js';
import { check, InvalidAnswersError, type FieldError } from './field-error.js';
import { checkPodName, stripPodName } from './names.js';
import { checkPodsAgainstPackages } from './package-imports.js';
import { podScriptPath } from './pods-dir.js';
import { checkPodConsistency, parsePodSettings } from './pod-settings.js';
import { newPod, type PodSpec, type ProjectConfig } from './project-config.js';
import type { RawAnswers } from './questions.js';

/** The task id of a pod in the DAG (and in a local run). */
export function taskId(pod: PodSpec): string {
  return pod.taskId ?? pod.name;
}

/** A task id is unique in the DAG (another pod's script name is its id unless it has its own). */
function checkTaskIdFree(others: PodSpec[], pod: PodSpec): FieldError[] {
  if (!others.some((other) => taskId(other) === taskId(pod))) return [];
  // A task id nobody gave is the pod's name: the name is what to change (or a --task-id to give).
  return pod.taskId === undefined
    ? [{ field: 'name', value: pod.name, rule: t('pipeline.nameTaskIdTaken') }]
    : [{ field: 'task-id', value: pod.taskId, rule: t('pipeline.taskIdTaken') }];
}

/** Whether the upstream relation has a cycle; returns one cycle's names when it has. */
export function findCycle(pods: readonly PodSpec[]): string[] | undefined {
  const upstream = new Map(pods.map((pod) => [pod.name, pod.after]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of upstream.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const pod of pods) {
    const cycle = visit(pod.name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The pods in an order where each comes after all of its upstreams; among pods that are ready together,
 * the project's own order. Throws on a cycle (callers check with findCycle first).
 */
export function topologicalOrder(pods: readonly PodSpec[]): PodSpec[] {
  const done = new Set<string>();
  const order: PodSpec[] = [];
  while (order.length < pods.length) {
    const ready = pods.filter((pod) => !done.has(pod.name) && pod.after.every((name) => done.has(name)));
    if (ready.length === 0) throw new Error(`the pods' dependencies form a cycle: ${findCycle(pods)?.join(' -> ')}`);
    for (const pod of ready) {
      done.add(pod.name);
      order.push(pod);
    }
  }
  return order;
}

/** The pods that list `name` among their upstreams. */
export function dependentsOf(pods: readonly PodSpec[], name: string): PodSpec[] {
  return pods.filter((pod) => pod.after.includes(name));
}

/** Every pod downstream of the given names (not including them). */
export function downstreamOf(pods: readonly PodSpec[], names: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    for (const pod of dependentsOf(pods, queue.shift()!)) {
      if (!found.has(pod.name)) {
        found.add(pod.name);
        queue.push(pod.name);
      }
    }
  }
  return found;
}

/** Refusals for upstream names: unknown pods and the pod itself. */
export function checkUpstreams(pods: readonly PodSpec[], name: string, after: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const upstream of after) {
    if (upstream === name) errors.push({ field: 'after', value: upstream, rule: t('pipeline.afterItself') });
    else if (!pods.some((pod) => pod.name === upstream)) {
      errors.push({
        field: 'after',
        value: upstream,
        rule: t('pipeline.unknownUpstream', { names: pods.map((pod) => pod.name).join(', ') }),
      });
    }
  }
  return errors;
}

function cycleError(pods: readonly PodSpec[], after: readonly string[]): FieldError[] {
  const cycle = findCycle(pods);
  return cycle ? [{ field: 'after', value: after.join(','), rule: t('pipeline.cycle', { cycle: cycle.join(' -> ') }) }] : [];
}

/**
 * Validates a new pod against the project (and the requirements its image installs) and returns the project
 * with it added, and the pod; throws InvalidAnswersError listing every problem, so nothing is written.
 */
export function addPod(
  config: ProjectConfig,
  rawName: string,
  answers: RawAnswers,
  requirements: readonly string[] = [],
): { config: ProjectConfig; pod: PodSpec } {
  const errors: FieldError[] = [];
  const name = stripPodName(rawName);
  errors.push(...check('name', rawName, checkPodName(rawName, config.python)));
  if (errors.length === 0) errors.push(...checkPodsAgainstPackages([name], requirements, 'name'));
  const exists = config.pods.some((pod) => pod.name === name);
  if (exists) {
    const script = podScriptPath(config, name);
    errors.push({
      field: 'name',
      value: name,
      rule: t('pipeline.exists', { name, script }),
      suggestion: t('pipeline.existsSuggestion', { name }),
    });
  }
  const pod: PodSpec = { ...newPod(name), ...parsePodSettings(answers, errors) };
  // A name the project has is refused above; its task id, the same name, is no second problem.
  if (!exists || pod.taskId !== undefined) errors.push(...checkTaskIdFree(config.pods, pod));
  errors.push(...checkUpstreams(config.pods, name, pod.after), ...checkPodConsistency(pod));
  const pods = [...config.pods, pod];
  if (errors.length === 0) errors.push(...cycleError(pods, pod.after), ...checkDagParams({ ...config, pods }, 'param'));
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  return { config: { ...config, pods }, pod };
}

/** The pod called `name`, or a refusal naming the pods the project has. */
function existingPod(config: ProjectConfig, name: string, errors: FieldError[]): PodSpec | undefined {
  const pod = config.pods.find((candidate) => candidate.name === name);
  if (!pod)
    errors.push({ field: 'name', value: name, rule: t('pipeline.noSuchPod', { names: config.pods.map((item) => item.name).join(', ') }) });
  return pod;
}

/**
 * Changes the settings of an existing pod: each setting given in `answers` replaces the pod's, the others
 * keep their values (`after: ''` clears the upstreams). The pod keeps its place in the project. Throws
 * InvalidAnswersError listing every problem (unknown pod or upstream, bad value, cycle), so nothing is written.
 */
export function updatePod(config: ProjectConfig, rawName: string, answers: RawAnswers): { config: ProjectConfig; pod: PodSpec } {
  const errors: FieldError[] = [];
  const name = stripPodName(rawName);
  const current = existingPod(config, name, errors);
  const settings = parsePodSettings(answers, errors);
  if (!current) throw new InvalidAnswersError(errors);
  const pod: PodSpec = { ...current, ...settings };
  errors.push(
    ...checkTaskIdFree(
      config.pods.filter((item) => item !== current),
      pod,
    ),
  );
  errors.push(...checkUpstreams(config.pods, name, pod.after), ...checkPodConsistency(pod));
  const pods = config.pods.map((item) => (item === current ? pod : item));
  if (errors.length === 0) errors.push(...cycleError(pods, pod.after), ...checkDagParams({ ...config, pods }, 'param'));
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  return { config: { ...config, pods }, pod };
}

/**
 * Takes a pod out of the pipeline. Refused (naming them) when other pods run after it, unless `rewire`:
 * then each of them runs after the removed pod's upstreams instead, in its place and without duplicates,
 * so every order the pipeline had between the remaining pods still holds. Returns the project, the removed
 * pod and the pods that were rewired.
 */
export function removePod(
  config: ProjectConfig,
  rawName: string,
  { rewire = false }: { rewire?: boolean } = {},
): { config: ProjectConfig; removed: PodSpec; rewired: PodSpec[] } {
  const errors: FieldError[] = [];
  const name = stripPodName(rawName);
  const removed = existingPod(config, name, errors);
  if (!removed) throw new InvalidAnswersError(errors);
  const dependents = dependentsOf(config.pods, name);
  if (dependents.length > 0 && !rewire) {
    const names = dependents.map((pod) => pod.name).join(', ');
    throw new InvalidAnswersError([
      {
        field: 'name',
        value: name,
        rule: t(dependents.length === 1 ? 'pipeline.hasDependentsOne' : 'pipeline.hasDependentsMany', {
          names,
          instead: removed.after.length > 0 ? t('pipeline.runAfter', { names: removed.after.join(', ') }) : t('pipeline.runFirst'),
        }),
      },
    ]);
  }
  const rewired: PodSpec[] = [];
  const pods = config.pods
    .filter((pod) => pod !== removed)
    .map((pod) => {
      if (!pod.after.includes(name)) return pod;
      const changed = { ...pod, after: [...new Set(pod.after.flatMap((upstream) => (upstream === name ? removed.after : [upstream])))] };
      rewired.push(changed);
      return changed;
    });
  return { config: { ...config, pods }, removed, rewired };
}

/** The pods with these names added (as new pods without settings); pods already there keep their settings. */
export function withPodNames(pods: readonly PodSpec[], names: readonly string[]): PodSpec[] {
  return [
    ...pods,
    ...names.filter((name, index) => names.indexOf(name) === index && !pods.some((pod) => pod.name === name)).map((name) => newPod(name)),
  ];
}
