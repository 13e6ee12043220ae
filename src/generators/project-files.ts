// How generated files meet the files a project already has: pod scripts are never overwritten, the DAG
// keeps everything outside its managed blocks, the rest goes through Yeoman's conflict prompt (or --force).
import { t } from '../core/i18n/translate.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hasManagedRegion, ManagedRegionError, replaceManagedRegions } from '../core/managed-region.js';
import { InvalidAnswersError } from '../core/field-error.js';
import { CONFIG_KEY, type ProjectConfig } from '../core/project-config.js';
import { parseProjectConfig } from '../core/project-config-schema.js';
import { podsDirOf } from '../core/pods-dir.js';
import { dagPath, renderReadmePipeline, type FileSet } from '../core/render-project.js';
import type { PodIngestionGenerator } from './base-generator.js';
import { changeBase, mergeUserFile, storeBase } from './file-merge.js';
import type { WritePolicy } from './write-policy.js';

/** The user's own code: the scripts (in the project's scripts folder) and their tests. */
function isUserOwned(path: string, podsDir: string): boolean {
  return /^tests\/test_[^/]+\.py$/.test(path) || (path.startsWith(`${podsDir}/`) && /^[^/]+\.py$/.test(path.slice(podsDir.length + 1)));
}

/**
 * Whether the last generated version of `path` is kept (file-merge.ts): every file but the user's own code. A
 * re-run merges them three ways, except the DAG, whose managed blocks are replaced; its base tells a hand edit
 * of a block from a block of an older template or an older .yo-rc.json (managed-block-guard.ts).
 */
export function keepsBase(path: string, podsDir: string): boolean {
  return !isUserOwned(path, podsDir);
}

/**
 * Writes a file set into the project: pod scripts and tests are never overwritten, the DAG gets its managed
 * blocks, every other file is merged with the user's version (file-merge.ts). What --force and --defaults do
 * when they collide is the write policy's (write-policy.ts).
 */
export async function writeProjectFiles(
  generator: PodIngestionGenerator,
  files: FileSet,
  config: ProjectConfig,
  policy: WritePolicy,
): Promise<void> {
  const dag = dagPath(config);
  const podsDir = podsDirOf(config);
  for (const [path, content] of Object.entries(files)) {
    const target = generator.destinationPath(path);
    let existing = generator.fs.exists(target) ? (generator.fs.read(target) ?? '') : undefined;
    // The README's picture of the pipeline follows .yo-rc.json whatever the user did to the rest of it.
    if (path === 'README.md' && existing !== undefined) existing = refreshReadmePipeline(generator, existing, content);
    if (existing === undefined || existing === content) {
      generator.fs.write(target, content);
      if (keepsBase(path, podsDir)) storeBase(generator, path, content);
    } else if (isUserOwned(path, podsDir)) {
      generator.log(t('files.keptYours', { path }));
    } else if (path === dag) {
      writeDeliberateEdit(generator, target, mergeManagedRegions(existing, content, path, policy));
      storeBase(generator, path, content);
    } else {
      await mergeUserFile(generator, path, existing, content, policy);
    }
  }
}

/** The DAG: its blocks from the new rendering, the rest the user's; --force rewrites a DAG that lost its markers. */
function mergeManagedRegions(existing: string, fresh: string, path: string, policy: WritePolicy): string {
  try {
    return replaceManagedRegions(existing, fresh, path);
  } catch (error) {
    if (policy.force && error instanceof ManagedRegionError) return fresh;
    throw error;
  }
}

/**
 * Puts the current pipeline block into a README that has one; returns the README as it now is. A README
 * without the block (made before it existed, or the user removed it) is left alone.
 */
function refreshReadmePipeline(generator: PodIngestionGenerator, existing: string, fresh: string): string {
  if (!hasManagedRegion(existing, 'pipeline') || !hasManagedRegion(fresh, 'pipeline')) return existing;
  const refreshed = replaceManagedRegions(existing, fresh, 'README.md');
  if (refreshed !== existing) writeDeliberateEdit(generator, generator.destinationPath('README.md'), refreshed);
  return refreshed;
}

/**
 * After a change of the pods: the README's pipeline block shows the new pipeline, in the README and in its stored
 * base, so that a later re-run sees the new block as the generator's own and not as an edit of the user's.
 */
export function updateReadmePipeline(generator: PodIngestionGenerator, config: ProjectConfig): void {
  const target = generator.destinationPath('README.md');
  if (!generator.fs.exists(target)) return;
  const fresh = renderReadmePipeline(config);
  refreshReadmePipeline(generator, generator.fs.read(target) ?? '', fresh);
  changeBase(generator, 'README.md', (base) =>
    hasManagedRegion(base, 'pipeline') ? replaceManagedRegions(base, fresh, 'README.md') : base,
  );
}

/**
 * Writes a change the user asked for on a file of theirs (a merged DAG, an added requirement, a new tag):
 * Yeoman's conflicter must not ask to overwrite it, and without a TTY its prompt would fail.
 */
export function writeDeliberateEdit(generator: PodIngestionGenerator, target: string, content: string): void {
  generator.fs.write(target, content);
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

/** Deletes a file the user asked to delete (--delete-script), past Yeoman's conflicter for the same reason. */
export function deleteDeliberately(generator: PodIngestionGenerator, target: string): void {
  generator.fs.delete(target);
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

/**
 * The configuration kept in <folder>/.yo-rc.json, if the folder holds a generated project; every value is
 * checked as its option would be (a hand-edited file is refused naming the key, before anything is written).
 */
export function readProjectConfig(folder: string): ProjectConfig | undefined {
  const file = `${folder}/.yo-rc.json`;
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidAnswersError([
      {
        field: 'project',
        origin: { from: 'project-config' },
        value: file,
        rule: t('project.unreadable', { reason: (error as Error).message }),
      },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || !(CONFIG_KEY in parsed)) return undefined;
  return parseProjectConfig((parsed as Record<string, unknown>)[CONFIG_KEY]);
}

/** .yo-rc.json of a new project, as Yeoman's storage writes it. */
export function projectConfigFile(config: ProjectConfig): string {
  return `${JSON.stringify({ [CONFIG_KEY]: config }, null, 2)}\n`;
}

/** The nearest folder from `folder` up to the root that holds a generated project, if any. */
export function findEnclosingProject(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (readProjectConfig(current)) return current;
    if (dirname(current) === current) return undefined;
  }
}

export function saveProjectConfig(generator: PodIngestionGenerator, config: ProjectConfig): void {
  generator.config.set({ ...config });
}
