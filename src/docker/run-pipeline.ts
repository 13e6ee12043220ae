// Runs a planned pipeline on the local Docker engine as Airflow runs it on Kubernetes: each task a container
// of the project's image, started once its upstream tasks succeeded, up to `parallel` at a time; a failed
// task's downstream tasks end `upstream_failed`; retries without the delay. Every container is named and
// labelled with the run, and removed; Ctrl-C removes the running ones and reports what was done.
import { t } from '../core/i18n/translate.js';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunPlan } from '../core/run-plan.js';
// Types only: the frame's rendering is loaded with the live view, never by a run off a terminal.
import type { TaskState, TaskStatus } from '../core/run-status-frame.js';
import { RUN_LABEL, removeRunContainers, startContainer, type RunningContainer } from './containers.js';

export interface TaskRecord extends TaskStatus {
  exitCode: number | null;
  log: string;
}

export interface RunRecord {
  runId: string;
  logicalDate: string;
  image: string;
  interrupted: boolean;
  tasks: TaskRecord[];
}

export interface RunSettings {
  plan: RunPlan;
  image: string;
  projectDir: string;
  parallel: number;
  /** Extra groups for the containers (the groups of the --mount folders). */
  groupAdd: string[];
  /** Where each line goes: the container's lines prefixed with the task id, and the run's own lines. */
  print: (line: string) => void;
  color: boolean;
  /** Called at every change of a task's state or try (the live view in a terminal); without it, each state
   * change is printed as a line. */
  onChange?: (tasks: readonly TaskRecord[]) => void;
}

/** The folder of a run's logs and record, relative to the project. */
export function runFolder(runId: string): string {
  return join('.pod-ingestion', 'runs', runId);
}

const COLORS = [36, 33, 35, 32, 34, 96, 93, 95];

/** Runs the plan to the end (or to Ctrl-C); the record is also saved as run.json beside the logs. */
export async function runPipeline(settings: RunSettings): Promise<RunRecord> {
  const { plan, image, projectDir, print } = settings;
  const folder = join(projectDir, runFolder(plan.runId));
  mkdirSync(folder, { recursive: true });
  const width = Math.max(...plan.tasks.map((task) => task.id.length));
  const records = new Map<string, TaskRecord>(
    plan.tasks.map((task) => [
      task.id,
      {
        task: task.id,
        state: 'queued',
        tries: 0,
        maxTries: task.retries + 1,
        exitCode: null,
        start: null,
        end: null,
        log: join(runFolder(plan.runId), `${task.id}.log`),
      },
    ]),
  );
  const record: RunRecord = { runId: plan.runId, logicalDate: plan.logicalDate, image, interrupted: false, tasks: [...records.values()] };
  const save = () => writeFileSync(join(folder, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  save();
  settings.onChange?.(record.tasks);
  const running = new Map<string, RunningContainer>();
  let stopping = false;
  let wake: () => void = () => {};

  const changed = (line: string) => {
    save();
    if (settings.onChange) settings.onChange(record.tasks);
    else print(line);
  };
  const setState = (id: string, state: TaskState) => {
    records.get(id)!.state = state;
    changed(`--- ${id}: ${state}`);
  };

  // Airflow's upstream_failed: every task downstream of a failed one, transitively, is never started.
  const failDownstream = (id: string) => {
    for (const task of plan.tasks) {
      if (task.upstream.includes(id) && records.get(task.id)!.state === 'queued') {
        setState(task.id, 'upstream_failed');
        failDownstream(task.id);
      }
    }
  };

  const runTask = async (index: number) => {
    const task = plan.tasks[index]!;
    const entry = records.get(task.id)!;
    const logFile = join(projectDir, entry.log);
    const prefix = settings.color
      ? `\u001b[${COLORS[index % COLORS.length]}m${task.id.padEnd(width)} |\u001b[0m `
      : `${task.id.padEnd(width)} | `;
    entry.start = new Date().toISOString();
    entry.tries = 1;
    setState(task.id, 'running');
    for (let attempt = 1; attempt <= task.retries + 1 && !stopping; attempt++) {
      if (attempt > 1) {
        // Airflow's up_for_retry lasts as long as the retry delay, which a local run skips.
        entry.tries = attempt;
        entry.state = 'up_for_retry';
        changed(`--- ${task.id}: up_for_retry, try ${attempt} of ${task.retries + 1}`);
      }
      appendFileSync(logFile, `--- try ${attempt} of ${task.retries + 1}, logical date ${plan.logicalDate}, run ${plan.runId}\n`);
      const container = await startContainer(
        {
          name: `pod-ingestion-${plan.runId}-${task.id}-${attempt}`.replace(/_/g, '-'),
          image,
          labels: { [RUN_LABEL]: plan.runId, 'pod-ingestion.task': task.id },
          env: task.env,
          volumes: [
            ...task.secrets.map((mount) => `${mount.source}:${mount.target}:ro`),
            ...plan.mounts.map((mount) => `${mount.source}:${mount.target}`),
          ],
          groupAdd: settings.groupAdd,
          memory: plan.memory,
          cpus: plan.cpus,
        },
        (line) => {
          appendFileSync(logFile, `${line}\n`);
          print(`${prefix}${line}`);
        },
      );
      running.set(task.id, container);
      if (entry.state === 'up_for_retry') {
        entry.state = 'running';
        save();
        settings.onChange?.(record.tasks);
      }
      // Ctrl-C while this container was being created: it goes at once (the final sweep catches a late one).
      if (stopping) void removeRunContainers(plan.runId).finally(container.abandon);
      entry.exitCode = await container.done;
      running.delete(task.id);
      if (entry.exitCode === 0) break;
    }
    entry.end = new Date().toISOString();
    setState(task.id, entry.exitCode === 0 ? 'success' : 'failed');
    if (entry.exitCode !== 0) failDownstream(task.id);
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    record.interrupted = true;
    print(t('run.interrupting'));
    void removeRunContainers(plan.runId).finally(() => {
      for (const container of running.values()) container.abandon();
    });
    wake();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const ready = stopping
        ? []
        : plan.tasks.filter(
            (task) => records.get(task.id)!.state === 'queued' && task.upstream.every((id) => records.get(id)!.state === 'success'),
          );
      for (const task of ready.slice(0, Math.max(0, settings.parallel - inFlight.size))) {
        const started: Promise<void> = runTask(plan.tasks.indexOf(task)).finally(() => inFlight.delete(started));
        inFlight.add(started);
      }
      if (inFlight.size === 0) break;
      await Promise.race([...inFlight, new Promise<void>((resolve) => (wake = resolve))]);
    }
    await Promise.allSettled(inFlight);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // Whatever happened, no container of this run outlives it (a `docker run` may have created one while stopping).
    await removeRunContainers(plan.runId).catch(() => 0);
  }
  for (const entry of records.values()) {
    if (entry.state === 'queued') entry.state = 'no_status';
    if (entry.state === 'running' || entry.state === 'up_for_retry') entry.state = 'failed';
  }
  save();
  return record;
}

function seconds(entry: TaskRecord): string {
  if (!entry.start || !entry.end) return '-';
  return `${((Date.parse(entry.end) - Date.parse(entry.start)) / 1000).toFixed(1)} s`;
}

/** The final table: task, state, duration, exit code, tries, log file. */
export function formatRunTable(record: RunRecord): string {
  const rows = [
    // One word per column, in the run's language; the states are Airflow's own words in every language.
    t('run.tableHeader').split(' '),
    ...record.tasks.map((entry) => [
      entry.task,
      entry.state,
      seconds(entry),
      entry.exitCode === null ? '-' : String(entry.exitCode),
      String(entry.tries),
      entry.tries === 0 ? '-' : entry.log,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
