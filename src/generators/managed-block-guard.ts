// Before a command rewrites the DAG's (and the README's) managed blocks, the blocks on disk must still be what
// .yo-rc.json renders: otherwise they hold a hand edit that the rewrite would lose. Called in `configuring`, so a
// refusal writes nothing.
import { findManagedBlockEdits, managedBlockEditsError } from '../core/managed-block-edits.js';
import { renderReadmePipelineBlock } from '../core/pipeline-graph.js';
import type { ProjectConfig } from '../core/project-config.js';
import { dagPath, renderDag } from '../core/render-project.js';
import type { PodIngestionGenerator } from './base-generator.js';
import { writePolicy } from './write-policy.js';

/** Refuses when a managed block differs from what `onDisk` (the project's .yo-rc.json as it is) renders; --force goes on. */
export function refuseEditedManagedBlocks(generator: PodIngestionGenerator, onDisk: ProjectConfig): void {
  if (writePolicy(generator).force) return;
  const expected: [string, () => string][] = [
    [dagPath(onDisk), () => renderDag(onDisk)],
    ['README.md', () => renderReadmePipelineBlock(onDisk.pods)],
  ];
  const edits = expected.flatMap(([path, render]) => {
    const target = generator.destinationPath(path);
    return generator.fs.exists(target) ? findManagedBlockEdits(path, generator.fs.read(target) ?? '', render()) : [];
  });
  if (edits.length > 0) throw managedBlockEditsError(edits);
}
