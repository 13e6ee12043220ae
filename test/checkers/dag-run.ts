// A DAG file rendered for one run the way Airflow would, without Airflow (it cannot be installed here): the
// DAG is read with ast (inspect_dag.py), then Airflow's rules for params are applied as its code states them
// (a schedule with a required param refuses the DAG; a run needs every required param; the conf overrides the
// defaults, [core] dag_run_conf_overrides_params) and every task's env_vars render with the real jinja2 (jinja.ts)
// with `params`, `dag_run.conf` and `ds` in the context.
import { dagTasks, inspectDag } from './dag.js';
import { renderJinja } from './jinja.js';

export type DagRun =
  { refused: string } | { params: Record<string, unknown>; tasks: Record<string, Record<string, { value?: string; error?: string }>> };

const pythonList = (names: readonly string[]) => `[${names.map((name) => `'${name}'`).join(', ')}]`;

/** Every task's env_vars of a DAG file rendered for one run with `conf`, on the logical date `ds`. */
export function renderDagRun(dagFile: string, conf: Record<string, string>, ds = '2026-01-31'): DagRun {
  const report = inspectDag(dagFile);
  if (report.error) throw new Error(report.error);
  const declared = report.dags[0]?.params ?? {};
  const required = Object.keys(declared).filter((name) => declared[name]!.required);
  const schedule = report.constants.SCHEDULE;
  if (schedule !== null && schedule !== undefined && required.length > 0) {
    return {
      refused: `DAG is not allowed to define a Schedule, as there are required params without default values: ${pythonList(required)}`,
    };
  }
  const missing = required.filter((name) => !(name in conf));
  if (missing.length > 0) return { refused: `the run lacks required params ${pythonList(missing)}` };
  const params: Record<string, unknown> = {
    ...Object.fromEntries(
      Object.entries(declared)
        .filter(([, param]) => !param.required)
        .map(([name, param]) => [name, param.default]),
    ),
    ...conf,
  };
  const context = { params, dag_run: { conf }, ds };
  const taskKeywords = dagTasks(report);
  const jobs = Object.entries(taskKeywords).flatMap(([task, keywords]) =>
    Object.entries((keywords.env_vars ?? {}) as Record<string, string>).map(([name, template]) => ({ task, name, template, context })),
  );
  const rendered = renderJinja(jobs);
  const tasks: Record<string, Record<string, { value?: string; error?: string }>> = Object.fromEntries(
    Object.keys(taskKeywords).map((task) => [task, {}]),
  );
  jobs.forEach((job, index) => {
    const result = rendered[index]!;
    tasks[job.task]![job.name] = result.ok ? { value: result.value } : { error: result.error };
  });
  return { params, tasks };
}
