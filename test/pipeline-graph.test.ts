// `pod-ingestion graph` and the README's picture of the pipeline: the Mermaid text is checked by Mermaid's own
// parser, the edges against the model, and the README block follows every `pod`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPod, type PodSpec } from '../src/core/project-config.js';
import { renderMermaid, renderTextTree } from '../src/core/pipeline-graph.js';
import { parseMermaid } from './checkers/mermaid.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

const pod = (name: string, after: string[] = []): PodSpec => ({ ...newPod(name), after });

const DIAMOND = [pod('a'), pod('b', ['a']), pod('c', ['a']), pod('d', ['b', 'c'])];
// `end` and `graph` are Mermaid keywords, and valid pod names.
const AWKWARD = [pod('end'), pod('graph', ['end']), pod('subgraph', ['end']), pod('style', ['graph', 'subgraph'])];
const SIX = [
  pod('collect'),
  pod('clean_orders', ['collect']),
  pod('clean_parts', ['collect']),
  pod('clean_confirmations', ['collect']),
  pod('join_zones', ['clean_orders', 'clean_parts', 'clean_confirmations']),
  pod('oee', ['join_zones']),
];

/** The edges a Mermaid text draws, as `upstream -> downstream` task ids, read back through the node labels. */
function mermaidEdges(text: string): string[] {
  const labels = new Map([...text.matchAll(/^\s+(\S+)\["([^"]+)"\]$/gm)].map((match) => [match[1]!, match[2]!]));
  return [...text.matchAll(/^\s+(\S+) --> (\S+)$/gm)].map((match) => `${labels.get(match[1]!)} -> ${labels.get(match[2]!)}`).sort();
}

const modelEdges = (pods: PodSpec[]) => pods.flatMap((item) => item.after.map((upstream) => `${upstream} -> ${item.name}`)).sort();

describe('the Mermaid flowchart', () => {
  it.each([
    ['one pod', [pod('collect')]],
    ['a diamond', DIAMOND],
    ['Mermaid keywords as pod names', AWKWARD],
    ['the six-pod pipeline', SIX],
  ])("%s: Mermaid parses it as a flowchart, with exactly the model's edges", async (_, pods) => {
    const text = renderMermaid(pods);
    expect(await parseMermaid(text)).toBe('flowchart-v2');
    expect(mermaidEdges(text)).toEqual(modelEdges(pods));
  });

  it('the checker is real: Mermaid refuses a broken flowchart', async () => {
    await expect(parseMermaid('flowchart LR\n  a["x"] --> \n  -->')).rejects.toThrow(/Parse error/);
  });
});

describe('the text tree', () => {
  it("puts each task under its upstreams and draws a fan-in task's subtree once", () => {
    const text = renderTextTree([...SIX, pod('report', ['oee'])]);
    expect(text).toBe(
      [
        'collect',
        '├── clean_orders',
        '│   └── join_zones  (after clean_orders, clean_parts, clean_confirmations)',
        '│       └── oee',
        '│           └── report',
        '├── clean_parts',
        '│   └── join_zones  (see above)',
        '└── clean_confirmations',
        '    └── join_zones  (see above)',
        '',
      ].join('\n'),
    );
  });
});

describe('pod-ingestion graph and the README block', () => {
  let project = '';

  beforeAll(async () => {
    const root = tempDir('graph');
    expect((await runBin(['diamond', '--container', 'diamond', '--pods', 'a'], root)).exitCode).toBe(0);
    project = join(root, 'diamond');
  });
  afterAll(cleanupTempDirs);

  it('the README block follows every pod, and a user edit outside it survives', async () => {
    const readme = join(project, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('## What is here', 'My own notes.\n\n## What is here'));
    for (const [name, after] of [
      ['b', 'a'],
      ['c', 'a'],
      ['d', 'b,c'],
    ] as const) {
      const result = await runBin(['pod', name, '--after', after], project);
      expect(result.exitCode, result.output).toBe(0);
    }
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('My own notes.');
    const block = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    expect(await parseMermaid(block)).toBe('flowchart-v2');
    expect(mermaidEdges(block)).toEqual(modelEdges(DIAMOND));
  });

  it('prints the flowchart by default and the tree with --format text, to stdout', async () => {
    const mermaid = await runBin(['graph'], project);
    expect(mermaid.exitCode, mermaid.output).toBe(0);
    expect(await parseMermaid(mermaid.stdout)).toBe('flowchart-v2');
    expect(mermaidEdges(mermaid.stdout)).toEqual(modelEdges(DIAMOND));
    const text = await runBin(['graph', '--format', 'text'], project);
    expect(text.stdout).toBe(`${renderTextTree(DIAMOND).trimEnd()}\n`);
  });

  it('refuses an unknown format and a folder that is not a project', async () => {
    const bad = await runBin(['graph', '--format', 'dot'], project);
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toContain('--format "dot": one of mermaid, text');
    const outside = await runBin(['graph'], tempDir('graph-outside'));
    expect(outside.exitCode).toBe(1);
    expect(outside.output).toContain('not a pod-ingestion project');
  });
});
