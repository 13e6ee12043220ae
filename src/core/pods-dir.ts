// Where a project keeps its pod scripts: `pods/` in a generated project, any folder of a hand-made one that
// `adopt --pods-dir` brought in (scripts/, src/jobs/). The folder name lands unquoted in the Dockerfile's COPY,
// in .dockerignore patterns, in shell examples, in Python string literals and in Markdown: so it is a plain
// relative path of safe characters, checked here once for the option, the answers file and .yo-rc.json.
import type { Verdict } from './field-error.js';
import type { ProjectConfig } from './project-config.js';

export const DEFAULT_PODS_DIR = 'pods';

// A folder name: letters, digits, "_", "." and "-", not starting with "." or "-" (no hidden folder, nothing a
// command reads as an option, no "." or "..").
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Folders of the project the generator fills with its own files: scripts there would mix with them. */
const RESERVED = new Set(['dags', 'tests']);

/** The folder as stored: "scripts/" given on the command line is the folder scripts. */
export function normalizePodsDir(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

export function checkPodsDir(given: string): Verdict {
  const value = normalizePodsDir(given);
  const rule =
    'a folder inside the project, as a relative path of names made of letters, digits, "_", "." and "-" separated by "/" (no "..", no leading "/" or ".", no spaces or quotes)';
  if (value === '') return { rule, suggestion: DEFAULT_PODS_DIR };
  if (value.startsWith('/')) return { rule, suggestion: value.replace(/^\/+/, '') || DEFAULT_PODS_DIR };
  if (value.length > 200) return { rule: 'at most 200 characters' };
  if (!value.split('/').every((segment) => SEGMENT.test(segment))) return { rule };
  if (RESERVED.has(value.split('/')[0]!))
    return {
      rule: `${value.split('/')[0]}/ holds the generated ${value.startsWith('dags') ? 'DAG' : 'tests'}; keep the scripts in a folder of their own`,
    };
  return undefined;
}

/** The project's scripts folder; projects saved without one use pods/. */
export function podsDirOf(config: Pick<ProjectConfig, 'podsDir'>): string {
  return config.podsDir ?? DEFAULT_PODS_DIR;
}

/** A pod's script, relative to the project. */
export function podScriptPath(config: Pick<ProjectConfig, 'podsDir'>, name: string): string {
  return `${podsDirOf(config)}/${name}.py`;
}
