// A managed block is rewritten from .yo-rc.json, so a hand edit inside one would be lost without a word. Before a
// command rewrites a file, its blocks are compared with what the generator last wrote there (or, without that
// copy, with what the configuration on disk renders): a block that differs was edited by hand, and the command is
// refused (unless --force) with the difference shown.
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
 * described by `source`).
 * A block missing from either is not an edit: a lost marker is refused by replaceManagedRegions, a README
 * without the block is left alone.
 */
export function findManagedBlockEdits(file: string, onDisk: string, expected: string, source = 'from .yo-rc.json'): ManagedBlockEdit[] {
  const actual = managedBlocks(onDisk);
  return [...managedBlocks(expected)].flatMap(([block, rendered]) => {
    const found = actual.get(block);
    if (found === undefined || found === rendered) return [];
    return [{ file, block, diff: unifiedDiff(rendered, found, { old: `${file} "${block}" block, ${source}`, new: `${file} "${block}" block, as edited` }) }];
  });
}

/** The refusal: each edited block by file and name, its difference, and the ways out. */
export function managedBlockEditsError(edits: readonly ManagedBlockEdit[]): ManagedRegionError {
  const named = edits.map(({ file, block }) => `the "${block}" block of ${file}`).join(' and ');
  return new ManagedRegionError(
    `${named} ${edits.length > 1 ? 'were' : 'was'} edited by hand. The generator rewrites ${edits.length > 1 ? 'these blocks' : 'this block'} from .yo-rc.json, so the edit would be lost:\n\n` +
      `${edits.map((edit) => edit.diff).join('\n\n')}\n\n` +
      'Nothing was written. Move the change outside the "pod-ingestion managed" markers (or make it through the command, e.g. ' +
      '`pod-ingestion pod NAME --update`), or run the command again with --force to replace the edited block.',
  );
}
