// The live view of a local run in a terminal, as text: one line per task (state in Airflow's words, elapsed
// time, try n of m) under a one-line summary, sized to the terminal so a redraw never wraps or scrolls out of
// reach. Pure: the writer (src/docker/run-status-view.ts) passes the time and the terminal's size.

/** Airflow's words for a task's state in a local run; `no_status` is a task an interrupted run never reached. */
export type TaskState = 'queued' | 'running' | 'up_for_retry' | 'success' | 'failed' | 'upstream_failed' | 'no_status';

/** What the view shows of a task: the fields of the run's own record (run.json). */
export interface TaskStatus {
  task: string;
  state: TaskState;
  tries: number;
  maxTries: number;
  /** ISO times of the first start and the last end. */
  start: string | null;
  end: string | null;
}

export interface FrameOptions {
  /** Colour the states (ANSI SGR). */
  color: boolean;
  /** The terminal's width and height; a frame line never reaches the last column, the frame never fills the screen. */
  columns: number;
  rows: number;
}

const STATE_COLORS: Record<TaskState, number> = {
  queued: 90,
  running: 36,
  up_for_retry: 33,
  success: 32,
  failed: 31,
  upstream_failed: 35,
  no_status: 90,
};

/** A duration as the run's table writes it: `12.3 s`. */
export function elapsedText(milliseconds: number): string {
  return `${(Math.max(0, milliseconds) / 1000).toFixed(1)} s`;
}

/** The time a task has taken so far (running) or took (ended); empty before it started. */
function elapsedOf(status: TaskStatus, now: number): string {
  if (!status.start) return '';
  return elapsedText((status.end ? Date.parse(status.end) : now) - Date.parse(status.start));
}

/** Which tasks a frame too small for all of them shows first: what is moving, then what went wrong. */
const PRIORITY: Record<TaskState, number> = {
  running: 0,
  up_for_retry: 0,
  failed: 1,
  upstream_failed: 2,
  queued: 3,
  success: 4,
  no_status: 5,
};

function summary(tasks: readonly TaskStatus[]): string {
  const counts = new Map<TaskState, number>();
  for (const status of tasks) counts.set(status.state, (counts.get(status.state) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => PRIORITY[a] - PRIORITY[b])
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
}

/** The frame's lines: `tasks: ...` then one line per task, in the run's order (the busiest ones when they do not all fit). */
export function renderStatusFrame(tasks: readonly TaskStatus[], now: number, options: FrameOptions): string[] {
  const room = Math.max(2, options.rows - 2);
  let shown = [...tasks];
  if (tasks.length + 1 > room) {
    const keep = new Set([...tasks].sort((a, b) => PRIORITY[a.state] - PRIORITY[b.state]).slice(0, room - 2));
    shown = tasks.filter((status) => keep.has(status));
  }
  const hidden = tasks.filter((status) => !shown.includes(status));
  const nameWidth = Math.max(...tasks.map((status) => status.task.length), 4);
  const stateWidth = Math.max(...shown.map((status) => status.state.length), 6);
  const fit = (line: string) => (line.length < options.columns ? line : `${line.slice(0, Math.max(1, options.columns - 2))}…`);
  const lines = [fit(`tasks: ${summary(tasks)}`)];
  for (const status of shown) {
    const tries = status.tries > 0 ? `try ${status.tries}/${status.maxTries}` : '';
    const plain = fit(
      `  ${status.task.padEnd(nameWidth)}  ${status.state.padEnd(stateWidth)}  ${elapsedOf(status, now).padStart(8)}  ${tries}`.trimEnd(),
    );
    const at = 2 + nameWidth + 2;
    // Colour only a state shown whole (a cut line stays plain: its visible width is what was measured).
    const colored = options.color && plain.length >= at + status.state.length && !plain.endsWith('…');
    lines.push(
      colored
        ? `${plain.slice(0, at)}\u001b[${STATE_COLORS[status.state]}m${status.state}\u001b[0m${plain.slice(at + status.state.length)}`
        : plain,
    );
  }
  if (hidden.length > 0) lines.push(fit(`  … ${hidden.length} more: ${summary(hidden)}`));
  return lines;
}

/** Moves the cursor back to the first line of a frame of `lines` lines drawn above it, and erases to the end of
 * the screen. `\r` first: the terminal may have echoed `^C` after the frame. */
export function eraseFrame(lines: number): string {
  return lines > 0 ? `\r\u001b[${lines}A\u001b[J` : '';
}
