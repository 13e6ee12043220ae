// Pictures of the pipeline, read from the pipeline model: a Mermaid flowchart (GitHub and GitLab draw it in
// the README) and an indented tree for a terminal. Pure: text in, text out.
import { t } from './i18n/translate.js';
import { taskId, topologicalOrder } from './pipeline.js';
import type { PodSpec } from './project-config.js';

export const GRAPH_FORMATS = ['mermaid', 'text'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

// Mermaid reserves some words as node ids (`end` breaks a flowchart); a prefix keeps every pod name safe.
function nodeId(pod: PodSpec): string {
  return `task_${pod.name}`;
}

/** A Mermaid flowchart, left to right, one node per task labelled with its task id, one edge per upstream. */
export function renderMermaid(pods: readonly PodSpec[]): string {
  const ordered = topologicalOrder(pods);
  const byName = new Map(ordered.map((pod) => [pod.name, pod]));
  // Task ids are [a-z0-9_]; the quotes make the label literal text all the same.
  const nodes = ordered.map((pod) => `  ${nodeId(pod)}["${taskId(pod)}"]`);
  const edges = ordered.flatMap((pod) => pod.after.map((upstream) => `  ${nodeId(byName.get(upstream)!)} --> ${nodeId(pod)}`));
  return ['flowchart LR', ...nodes, ...edges].join('\n') + '\n';
}

/**
 * An indented tree: each task under its upstreams, starting from the tasks without any. A task with several
 * upstreams appears under each; its own downstream tasks are drawn the first time only.
 */
export function renderTextTree(pods: readonly PodSpec[]): string {
  const ordered = topologicalOrder(pods);
  const lines: string[] = [];
  const drawn = new Set<string>();
  const draw = (pod: PodSpec, prefix: string, branch: string, childPrefix: string) => {
    const upstreams = pod.after.length > 1 ? `  ${t('graph.after', { names: pod.after.join(', ') })}` : '';
    if (drawn.has(pod.name)) {
      lines.push(`${prefix}${branch}${taskId(pod)}  ${t('graph.seeAbove')}`);
      return;
    }
    drawn.add(pod.name);
    lines.push(`${prefix}${branch}${taskId(pod)}${upstreams}`);
    const children = ordered.filter((child) => child.after.includes(pod.name));
    children.forEach((child, index) => {
      const last = index === children.length - 1;
      draw(child, prefix + childPrefix, last ? '└── ' : '├── ', last ? '    ' : '│   ');
    });
  };
  for (const root of ordered.filter((pod) => pod.after.length === 0)) draw(root, '', '', '');
  return lines.join('\n') + '\n';
}

export function renderGraph(pods: readonly PodSpec[], format: GraphFormat): string {
  return format === 'text' ? renderTextTree(pods) : renderMermaid(pods);
}

/** The README's picture of the pipeline: a fenced Mermaid block between managed-block markers. */
export function renderReadmePipelineBlock(pods: readonly PodSpec[], note: string): string {
  return [
    `<!-- >>> pod-ingestion managed: pipeline ${note} -->`,
    '```mermaid',
    renderMermaid(pods).trimEnd(),
    '```',
    '<!-- <<< pod-ingestion managed: pipeline -->',
  ].join('\n');
}
