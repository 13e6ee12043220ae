// Renders strings with the real jinja2 (Debian's python3-jinja2) the way Airflow renders templated
// operator fields: a SandboxedEnvironment with StrictUndefined (the DAG's default template_undefined),
// default delimiters. Airflow itself is not installed here; only the template engine it uses.
import { spawnSync } from 'node:child_process';
import { toolMissing } from '../support/required-tool.js';
import { PYTHON } from './python.js';

export function jinjaMissing(): string | undefined {
  return toolMissing(PYTHON, ['-c', 'import jinja2.sandbox']);
}

const RENDER = String.raw`
import json, sys
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
environment = SandboxedEnvironment(undefined=StrictUndefined, cache_size=0)
results = []
for job in json.load(sys.stdin):
    try:
        results.append({"ok": True, "value": environment.from_string(job["template"]).render(**job["context"])})
    except Exception as error:
        results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
json.dump(results, sys.stdout)
`;

export type Rendered = { ok: true; value: string } | { ok: false; error: string };

/** Renders every template with its context in one Python process. */
export function renderJinja(jobs: readonly { template: string; context: Record<string, unknown> }[]): Rendered[] {
  if (jobs.length === 0) return [];
  const result = spawnSync(PYTHON, ['-B', '-c', RENDER], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`jinja2 runner failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Rendered[];
}
