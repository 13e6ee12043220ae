// The live view of `pod-ingestion run` in a terminal: the pure frame (one line per task, Airflow's states,
// elapsed time, try n/m, sized to the terminal), the writer's redraws on a fake stream, and real runs on the
// Docker engine in a pseudo-terminal (the frame is redrawn with cursor-up/erase, the final table is left alone
// below it, Ctrl-C still removes the containers) and off a terminal (not one escape code).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eraseFrame, renderStatusFrame, type TaskStatus } from '../src/core/run-status-frame.js';
import { startStatusView } from '../src/docker/run-status-view.js';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { requireTool } from './support/required-tool.js';
import { engineProblem } from './support/test-engine.js';

const NOW = Date.parse('2026-01-31T10:00:10.000Z');
const at = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const status = (task: string, state: TaskStatus['state'], settings: Partial<TaskStatus> = {}): TaskStatus => ({
  task,
  state,
  tries: 0,
  maxTries: 2,
  start: null,
  end: null,
  ...settings,
});
const WIDE = { color: false, columns: 100, rows: 40 };
const SGR = /\u001b\[[0-9;]*m/g;
const ESCAPE = /\u001b/;
const ERASE = /\r\u001b\[(\d+)A\u001b\[J/g;

describe('the frame of task states', () => {
  const diamond = [
    status('collect', 'success', { tries: 1, start: at(9), end: at(7.5) }),
    status('clean_orders', 'running', { tries: 1, start: at(3.25) }),
    status('clean_parts', 'up_for_retry', { tries: 2, start: at(6), end: null }),
    status('join_zones', 'queued'),
  ];

  it("is a summary line, then one line per task in the run's order: state, elapsed time, try n/m", () => {
    const lines = renderStatusFrame(diamond, NOW, WIDE);
    expect(lines[0]).toBe('tasks: 1 running, 1 up_for_retry, 1 queued, 1 success');
    expect(lines.slice(1).map((line) => line.trim().split(/\s{2,}/))).toEqual([
      ['collect', 'success', '1.5 s', 'try 1/2'],
      ['clean_orders', 'running', '3.3 s', 'try 1/2'],
      ['clean_parts', 'up_for_retry', '6.0 s', 'try 2/2'],
      ['join_zones', 'queued'],
    ]);
    // A running task's time moves with the clock; an ended one's does not.
    const later = renderStatusFrame(diamond, NOW + 2000, WIDE);
    expect(later[2]).toContain('5.3 s');
    expect(later[1]).toContain('1.5 s');
  });

  it('colours the state words only when asked, and the colours change nothing else', () => {
    const coloured = renderStatusFrame(diamond, NOW, { ...WIDE, color: true });
    expect(coloured.join('\n')).toMatch(/\u001b\[32msuccess\u001b\[0m/);
    expect(coloured.join('\n')).toMatch(/\u001b\[36mrunning\u001b\[0m/);
    expect(coloured.map((line) => line.replace(SGR, ''))).toEqual(renderStatusFrame(diamond, NOW, WIDE));
    expect(renderStatusFrame(diamond, NOW, WIDE).join('')).not.toMatch(ESCAPE);
  });

  it('never reaches the last column (a wrapped line would break the redraw), coloured or not', () => {
    const long = [status('a_task_with_a_very_long_name_indeed', 'upstream_failed'), status('b', 'running', { tries: 1, start: at(1) })];
    for (const color of [false, true]) {
      const lines = renderStatusFrame(long, NOW, { color, columns: 30, rows: 40 });
      for (const line of lines) expect(line.replace(SGR, '').length, line).toBeLessThan(30);
      expect(lines[1]).toMatch(/…$/);
    }
  });

  it('in a short terminal shows what is moving and what failed first, and counts the rest', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, index) => status(`done_${index}`, 'success', { tries: 1, start: at(9), end: at(8) })),
      status('late', 'running', { tries: 1, start: at(1) }),
      status('broken', 'failed', { tries: 2, start: at(5), end: at(2) }),
      ...Array.from({ length: 5 }, (_, index) => status(`next_${index}`, 'queued')),
    ];
    const lines = renderStatusFrame(many, NOW, { ...WIDE, rows: 10 });
    expect(lines.length).toBe(8);
    expect(lines.slice(1, -1).map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'late',
      'broken',
      'next_0',
      'next_1',
      'next_2',
      'next_3',
    ]);
    expect(lines.at(-1)).toBe('  … 13 more: 1 queued, 12 success');
    expect(lines[0]).toBe('tasks: 1 running, 1 failed, 5 queued, 12 success');
  });

  it('is erased by moving up over its lines and clearing below', () => {
    expect(eraseFrame(3)).toBe('\r\u001b[3A\u001b[J');
    expect(eraseFrame(0)).toBe('');
  });
});

describe('the writer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A stream with a terminal's size that keeps what was written. */
  function terminal() {
    const written: string[] = [];
    const stream = new Writable({
      write: (chunk, _encoding, done) => (written.push(String(chunk)), done()),
    }) as unknown as NodeJS.WriteStream;
    Object.assign(stream, { columns: 80, rows: 24, isTTY: true });
    return { stream, text: () => written.join('') };
  }

  it('writes lines above the frame, erases exactly the frame it drew before each redraw, and leaves nothing on close', () => {
    vi.useFakeTimers({ now: NOW });
    const { stream, text } = terminal();
    const view = startStatusView(stream, false);
    const tasks = [status('a', 'running', { tries: 1, start: at(0) }), status('b', 'queued')];
    // The frame as drawn now (the batch and the clock are the writer's only timers, advanced exactly to them).
    const frame = () => `${renderStatusFrame(tasks, Date.now(), { color: false, columns: 80, rows: 24 }).join('\n')}\n`;
    view.update(tasks);
    vi.advanceTimersByTime(50);
    expect(text()).toBe(frame());
    expect(frame().split('\n')[1]).toMatch(/^ {2}a\s+running\s+0\.1 s\s+try 1\/2$/);
    view.print('a | first line');
    view.print('a | second line');
    vi.advanceTimersByTime(50);
    // One redraw for the burst: erase the 3 frame lines, the two lines, the frame again.
    expect(text().split(eraseFrame(3)).length).toBe(2);
    expect(text().endsWith(`${eraseFrame(3)}a | first line\na | second line\n${frame()}`)).toBe(true);
    // The clock alone redraws (elapsed times move) once a second.
    vi.advanceTimersByTime(900);
    expect(text().endsWith(`${eraseFrame(3)}${frame()}`)).toBe(true);
    expect(frame()).toContain(' 1.0 s ');
    view.print('a | last line');
    view.close();
    expect(text().endsWith(`${eraseFrame(3)}a | last line\n`)).toBe(true);
    // Closed: no timer draws again.
    const before = text();
    vi.advanceTimersByTime(5000);
    view.update(tasks);
    expect(text()).toBe(before);
  });
});

// The real thing: a project whose `fast` task prints, `slow` waits, `flaky` fails twice (its one retry).
const ready = requireTool(await engineProblem(), 'the live view of a real run in a pseudo-terminal (real Docker engine)');
const SCRIPTS: Record<string, string> = {
  fast: 'for n in range(3):\n    print("fast line", n)\n',
  slow: 'import os, time\nprint("slow started")\ntime.sleep(float(os.environ["PAUSE"]))\nprint("slow done")\n',
  flaky: 'import sys\nprint("flaky fails")\nsys.exit(3)\n',
};

/** The containers the engine still has for a run. */
const containersOf = (runId: string) =>
  spawnSync('docker', ['ps', '--all', '--quiet', '--filter', `label=pod-ingestion.run=${runId}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
const runIdIn = (output: string) => /Run (local_\S+):/.exec(output)?.[1] ?? '';

describe.runIf(ready)('a real run', () => {
  let project = '';

  /** `pod-ingestion ARGS` in a pseudo-terminal that understands cursor moves; `keys` are typed once the output matches `wait`. */
  async function inTerminal(args: string[], env: Record<string, string> = {}, wait = '^$', keys = '') {
    const run = await runInTerminal(args, project, { wait, keys, env: { TERM: 'xterm-256color', ...env } });
    return { code: run.exitCode, output: run.output };
  }
  /** What stays on the screen after the last redraw: the frame erased for good, then the table. */
  const afterLastErase = (output: string) => output.slice([...output.matchAll(ERASE)].at(-1)!.index! + eraseFrame(1).length);

  beforeAll(async () => {
    const root = tempDir('status-view');
    expect((await runBin(['view', '--container', 'run-status-view', '--python', '3.11', '--pods', 'fast'], root)).exitCode).toBe(0);
    project = join(root, 'view');
    for (const args of [
      ['pod', 'slow', '--after', 'fast', '--env', 'PAUSE=2'],
      ['pod', 'flaky', '--after', 'fast'],
    ]) {
      const result = await runBin(args, project);
      expect(result.exitCode, result.output).toBe(0);
    }
    for (const [name, script] of Object.entries(SCRIPTS)) writeFileSync(join(project, `pods/${name}.py`), script);
    const build = await runBin(['publish'], project);
    expect(build.exitCode, build.output).toBe(0);
  }, 300_000);

  afterAll(() => {
    spawnSync('docker', ['image', 'rm', '--force', 'run-status-view:1.0.0'], { stdio: 'ignore' });
    cleanupTempDirs();
  });

  it('in a terminal: the frame of states is redrawn under the container lines, and the final table stays below it', async () => {
    const { code, output } = await inTerminal(['run', '--no-build']);
    expect(code, output).toBe(1);
    const redraws = [...output.matchAll(ERASE)];
    expect(redraws.length, output).toBeGreaterThan(2);
    const plain = output.replace(SGR, '');
    expect(plain).toMatch(/^ {2}slow\s+running\s+\d+\.\d s\s+try 1\/2\r?$/m);
    expect(plain).toMatch(/^ {2}flaky\s+(up_for_retry|running)\s+\d+\.\d s\s+try 2\/2\r?$/m);
    expect(plain).toMatch(/^ {2}fast\s+success\s+\d+\.\d s\s+try 1\/2\r?$/m);
    expect(plain).toMatch(/^fast\s+\| fast line 2\r?$/m);
    // A terminal view has no per-change lines: the frame says it.
    expect(plain).not.toContain('--- slow: running');
    const end = afterLastErase(output).replace(SGR, '');
    expect(end).not.toContain('tasks:');
    expect(end).toMatch(/task\s+state\s+duration\s+exit\s+tries\s+log/);
    expect(end).toMatch(/fast\s+success\s/);
    expect(end).toMatch(/slow\s+success\s/);
    expect(end).toMatch(/flaky\s+failed\s+\S+ s\s+3\s+2\s/);
    expect(containersOf(runIdIn(plain))).toEqual([]);
  }, 120_000);

  it('in a terminal, Ctrl-C removes the containers, erases the frame and prints the table so far (exit 130)', async () => {
    const { code, output } = await inTerminal(['run', 'slow', '--set', 'slow:PAUSE=120', '--no-build'], {}, 'slow started', '\\x03');
    expect(code, output).toBe(130);
    const end = afterLastErase(output).replace(SGR, '');
    expect(end).not.toContain('tasks:');
    expect(end).toMatch(/slow\s+failed\s/);
    expect(end).toContain("Interrupted: the run's containers were stopped and removed.");
    expect(containersOf(runIdIn(output.replace(SGR, '')))).toEqual([]);
  }, 120_000);

  it('with NO_COLOR or TERM=dumb in a terminal, and off a terminal (even with FORCE_COLOR): a line per state change, no redraw', async () => {
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const { code, output } = await inTerminal(['run', 'fast', '--no-build'], env);
      expect(code, output).toBe(0);
      expect(output).not.toMatch(ERASE);
      expect(output).toContain('--- fast: running');
      expect(output).toContain('--- fast: success');
    }
    const piped = await runBin(['run', '--no-build'], project, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(piped.exitCode, piped.output).toBe(1);
    expect(piped.raw).not.toMatch(ESCAPE);
    for (const line of [
      '--- fast: running',
      '--- fast: success',
      '--- flaky: up_for_retry, try 2 of 2',
      '--- flaky: failed',
      '--- slow: success',
    ])
      expect(piped.stdout).toContain(line);
  }, 120_000);
});
