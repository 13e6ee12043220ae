// Where a project keeps its pod scripts: `pods/` in a generated project, any folder of a hand-made one that
// `adopt --pods-dir` brought in (scripts/, src/jobs/). The folder name lands unquoted in the Dockerfile's COPY,
// in .dockerignore patterns, in shell examples, in Python string literals and in Markdown: so it is a plain
// relative path of safe characters, checked here once for the option, the answers file and .yo-rc.json.
import type { Verdict } from './field-error.js';
import { t } from './i18n/translate.js';
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
  const rule = t('podsDir.rule');
  if (value === '') return { rule, suggestion: DEFAULT_PODS_DIR };
  if (value.startsWith('/')) return { rule, suggestion: value.replace(/^\/+/, '') || DEFAULT_PODS_DIR };
  if (value.length > 200) return { rule: t('podsDir.tooLong') };
  if (!value.split('/').every((segment) => SEGMENT.test(segment))) return { rule };
  if (RESERVED.has(value.split('/')[0]!)) return { rule: t(value.startsWith('dags') ? 'podsDir.dags' : 'podsDir.tests') };
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
