// Before a command rewrites the DAG's (and the README's) managed blocks, the blocks on disk must still be what the
// generator wrote: otherwise they hold a hand edit that the rewrite would lose. Called before any question where
// the command asks some (no answer mends a hand edit), and in `configuring` at the latest, so a refusal writes
// nothing.
import { join } from 'node:path';
import { findManagedBlockEdits, managedBlockEditsError } from '../core/managed-block-edits.js';
import type { ProjectConfig } from '../core/project-config.js';
import { dagPath, renderDag, renderReadmePipeline } from '../core/render-project.js';
import type { PodIngestionGenerator } from './base-generator.js';
import { basePath } from './file-merge.js';
import { writePolicy } from './write-policy.js';

/**
 * Refuses when a managed block differs from what the generator last wrote (the DAG's stored base), or, with no
 * base (a project from before the bases, the README), from what `onDisk` (.yo-rc.json as it is) renders. The
 * base makes a block of an older template, or of a .yo-rc.json edited since, no hand edit. --force goes on.
 */
export function refuseEditedManagedBlocks(
  generator: PodIngestionGenerator,
  onDisk: ProjectConfig,
  root = generator.destinationRoot(),
): void {
  if (writePolicy(generator).force) return;
  const read = (path: string) => (generator.fs.exists(join(root, path)) ? (generator.fs.read(join(root, path)) ?? '') : undefined);
  const dagBase = read(basePath(dagPath(onDisk)));
  const expected: [string, 'config' | 'base', () => string][] = [
    dagBase === undefined ? [dagPath(onDisk), 'config', () => renderDag(onDisk)] : [dagPath(onDisk), 'base', () => dagBase],
    ['README.md', 'config', () => renderReadmePipeline(onDisk)],
  ];
  const edits = expected.flatMap(([path, source, render]) => {
    const text = read(path);
    return text === undefined ? [] : findManagedBlockEdits(path, text, render(), source);
  });
  if (edits.length > 0) throw managedBlockEditsError(edits);
}
