// A managed block is rewritten from .yo-rc.json, so a hand edit inside one would be lost without a word. Before a
// command rewrites a file, its blocks are compared with what the generator last wrote there (or, without that
// copy, with what the configuration on disk renders): a block that differs was edited by hand, and the command is
// refused (unless --force) with the difference shown.
import { t } from './i18n/translate.js';
import { unifiedDiff } from './line-diff.js';
import { ManagedRegionError, managedBlocks } from './managed-region.js';

export interface ManagedBlockEdit {
  file: string;
  block: string;
  /** What the generator would write (-) against what the file holds (+). */
  diff: string;
}

/**
 * The blocks of `onDisk` that differ from the same blocks of `expected` (the file as the generator wrote it,
 * `source`: what the generator last wrote there (its stored base) or what .yo-rc.json renders).
 * A block missing from either is not an edit: a lost marker is refused by replaceManagedRegions, a README
 * without the block is left alone.
 */
export function findManagedBlockEdits(
  file: string,
  onDisk: string,
  expected: string,
  source: 'config' | 'base' = 'config',
): ManagedBlockEdit[] {
  const actual = managedBlocks(onDisk);
  return [...managedBlocks(expected)].flatMap(([block, rendered]) => {
    const found = actual.get(block);
    if (found === undefined || found === rendered) return [];
    const label = t(source === 'base' ? 'managed.asGenerated' : 'managed.fromConfig', { file, block });
    return [{ file, block, diff: unifiedDiff(rendered, found, { old: label, new: t('managed.asEdited', { file, block }) }) }];
  });
}

/** The refusal: each edited block by file and name, its difference, and the ways out. */
export function managedBlockEditsError(edits: readonly ManagedBlockEdit[]): ManagedRegionError {
  const named = edits.map(({ file, block }) => t('managed.blockOf', { block, file })).join(t('managed.and'));
  return new ManagedRegionError(
    `${t(edits.length > 1 ? 'managed.editedMany' : 'managed.editedOne', { blocks: named })}\n\n${edits.map((edit) => edit.diff).join('\n\n')}\n\n${t('managed.wayOut')}`,
  );
}
