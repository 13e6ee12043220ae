// The README's `graph` and `run` examples, executed as shown on the real Docker engine: the pipeline of its
// "Growing a pipeline" section (grown with that section's own `pod` commands) is drawn exactly as the README
// draws it, and the commands of "Running the pipeline locally" run, word for word, with the states they imply.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/docker/run-pipeline.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { requireTool } from './support/required-tool.js';
import { engineProblem } from './support/test-engine.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** The first fenced block after `after` in the README (its body). */
function blockAfter(after: string, fence = '```sh'): string {
  const from = README.indexOf(after);
  expect(from, `the README has "${after}"`).toBeGreaterThanOrEqual(0);
  const start = README.indexOf(`${fence}\n`, from) + fence.length + 1;
  return README.slice(start, README.indexOf('\n```', start));
}

/** A README command's words as a POSIX shell splits them: spaces, and single or double quotes around a word. */
function wordsOf(command: string): string[] {
  const words = [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
  expect(words[0], command).toBe('pod-ingestion');
  return words.slice(1);
}

const ready = requireTool(await engineProblem(), "the README's run examples (they run containers on the real engine)");

describe.runIf(ready)("the README's graph and run examples", () => {
  const root = tempDir('readme-run');
  const project = join(root, 'plant');
  afterAll(() => {
    spawnSync('docker', ['image', 'rm', '--force', 'plant:1.0.0'], { stdio: 'ignore' });
    cleanupTempDirs();
  });

  it("`graph --format text` draws the README's pipeline, grown with the README's own commands, as the README shows it", async () => {
    expect(
      (await runBin(['plant', '--container', 'plant', '--tag', '1.0.0', '--python', '3.11', '--pods', 'collect'], root)).exitCode,
    ).toBe(0);
    const growing = blockAfter('## Growing a pipeline')
      .split('\n')
      .filter((line) => line.startsWith('pod-ingestion pod '));
    expect(growing.length).toBe(2);
    // join_zones (the second command) comes after clean_orders (the first) and clean_parts, which the README's project already has.
    for (const command of [growing[0]!, 'pod-ingestion pod clean_parts --after collect', growing[1]!]) {
      const result = await runBin(wordsOf(command), project);
      expect(result.exitCode, `${command}\n${result.output}`).toBe(0);
    }
    const graph = await runBin(['graph', '--format', 'text'], project);
    expect(graph.exitCode, graph.output).toBe(0);
    expect(graph.stdout.trimEnd()).toBe(blockAfter('`pod-ingestion graph --format text` an indented tree', '```').trimEnd());
  }, 120_000);

  it('the commands of "Running the pipeline locally" run as written: every task succeeds, then one task and what follows it', async () => {
    // What the commands expect beside them: the secret's files (readable by the image's user) and the conf file.
    mkdirSync(join(project, 'secrets/gcp-key'), { recursive: true });
    writeFileSync(join(project, 'secrets/gcp-key/key.json'), '{}\n', { mode: 0o644 });
    writeFileSync(join(project, 'conf.json'), '{"RUN_DATE": "2026-01-31"}\n');
    const commands = blockAfter('## Running the pipeline locally').split('\n').filter(Boolean);
    expect(commands.length).toBe(2);
    const records: RunRecord[] = [];
    for (const command of commands) {
      const before = new Set(safeList(join(project, '.pod-ingestion/runs')));
      const result = await runBin(wordsOf(command), project);
      expect(result.exitCode, `${command}\n${result.output}`).toBe(0);
      const [runId] = safeList(join(project, '.pod-ingestion/runs')).filter((name) => !before.has(name));
      records.push(JSON.parse(readFileSync(join(project, '.pod-ingestion/runs', runId!, 'run.json'), 'utf8')) as RunRecord);
      expect(result.stdout).toMatch(/task\s+state\s+duration\s+exit\s+tries\s+log/);
    }
    const states = (record: RunRecord) => Object.fromEntries(record.tasks.map((task) => [task.task, task.state]));
    expect(states(records[0]!)).toEqual({ collect: 'success', clean_parts: 'success', clean_orders: 'success', join_zones: 'success' });
    expect(states(records[1]!)).toEqual({ clean_orders: 'success', join_zones: 'success' });
    expect(records[1]!.logicalDate).toBe('2026-01-31');
    // The conf's RUN_DATE reached the task's script.
    const log = readFileSync(join(project, records[0]!.tasks.find((task) => task.task === 'clean_orders')!.log), 'utf8');
    expect(log).toContain('ingesting 2026-01-31');
  }, 300_000);
});

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
