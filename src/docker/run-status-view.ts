// The live view of a local run in a terminal: the frame of task states (src/core/run-status-frame.ts) kept at
// the bottom while the containers' lines scroll above it. Each redraw erases the frame, writes the lines that
// came since, and draws the frame again, in one write. Loaded only by `run` in a terminal.
// It changes no terminal mode (no hidden cursor, no alternate screen), so nothing needs restoring if the process
// dies: at worst the last frame stays on the screen as text.
import { eraseFrame, renderStatusFrame, type TaskStatus } from '../core/run-status-frame.js';

export interface StatusView {
  /** A line to scroll above the frame. */
  print: (line: string) => void;
  /** The tasks' current states (read again at each redraw, so the same records may be passed once). */
  update: (tasks: readonly TaskStatus[]) => void;
  /** Writes what is pending and erases the frame: what follows is printed as if the view had never been. */
  close: () => void;
}

/** Lines that come in a burst are drawn together, once per BATCH_MS; elapsed times move once per TICK_MS. */
const BATCH_MS = 50;
const TICK_MS = 1000;

export function startStatusView(stream: NodeJS.WriteStream, color: boolean): StatusView {
  let tasks: readonly TaskStatus[] = [];
  let pending: string[] = [];
  let drawnLines = 0;
  let closed = false;
  let batch: NodeJS.Timeout | undefined;

  const draw = () => {
    clearTimeout(batch);
    batch = undefined;
    if (closed) return;
    const frame =
      tasks.length > 0 ? renderStatusFrame(tasks, Date.now(), { color, columns: stream.columns || 80, rows: stream.rows || 24 }) : [];
    stream.write(eraseFrame(drawnLines) + [...pending, ...frame].map((line) => `${line}\n`).join(''));
    pending = [];
    drawnLines = frame.length;
  };
  const soon = () => {
    if (!batch && !closed) batch = setTimeout(draw, BATCH_MS);
  };
  const ticker = setInterval(draw, TICK_MS);
  // Neither timer keeps the process alive: the run does, until close().
  ticker.unref();
  const onResize = () => draw();
  stream.on('resize', onResize);

  return {
    print: (line) => {
      pending.push(line);
      soon();
    },
    update: (next) => {
      tasks = next;
      soon();
    },
    close: () => {
      if (closed) return;
      clearTimeout(batch);
      clearInterval(ticker);
      stream.off('resize', onResize);
      stream.write(eraseFrame(drawnLines) + pending.map((line) => `${line}\n`).join(''));
      closed = true;
      pending = [];
      drawnLines = 0;
    },
  };
}
