// A re-run of the generator meets files the user may have edited since they were generated. Merging three ways
// (base: what was generated last time, ours: the file as it is, theirs: what the generator renders now) lets a
// changed setting reach an edited file without losing the edit. Line-based, with node-diff3 (Khanna, Kunal and
// Pierce's diff3); this module decides, the generators do the files and the asking.
import { diff3Merge } from 'node-diff3';
import { t } from './i18n/translate.js';

/** Where the user's edit and the new rendering change the same lines. */
export interface MergeOverlap {
  base: string[];
  ours: string[];
  theirs: string[];
  /** The line (1-based) of the user's file where the overlap starts. */
  oursLine: number;
}

/** How an overlap is settled: the user's lines, the new rendering's, or both between conflict markers. */
export type OverlapChoice = 'ours' | 'theirs' | 'markers';

export type MergeDecision =
  /** The file already is the new rendering. */
  | { kind: 'identical'; text: string }
  /** The user did not edit the file: the new rendering replaces it. */
  | { kind: 'theirs'; text: string }
  /** The rendering did not change since last time: the user's file stays as it is. */
  | { kind: 'ours'; text: string }
  /** Both changed, on different lines: the two sets of changes together. */
  | { kind: 'merged'; text: string }
  /** Both changed the same lines: `resolve` settles every overlap the same way. */
  | { kind: 'overlap'; overlaps: MergeOverlap[]; resolve: (choice: OverlapChoice) => string };

export const CONFLICT_LABELS = { ours: 'yours', base: 'generated last time', theirs: 'generated now' } as const;

export function mergeThreeWays(base: string, ours: string, theirs: string): MergeDecision {
  if (ours === theirs) return { kind: 'identical', text: ours };
  if (ours === base) return { kind: 'theirs', text: theirs };
  if (theirs === base) return { kind: 'ours', text: ours };
  // Arrays of lines, not strings: given a string, node-diff3 splits on every whitespace.
  const regions = diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true });
  const overlaps: MergeOverlap[] = regions.flatMap(({ conflict }) =>
    conflict ? [{ base: conflict.o, ours: conflict.a, theirs: conflict.b, oursLine: conflict.aIndex + 1 }] : [],
  );
  const resolve = (choice: OverlapChoice): string =>
    regions
      .flatMap((region) => {
        if (region.ok) return region.ok;
        const { a, o, b } = region.conflict!;
        if (choice === 'ours') return a;
        if (choice === 'theirs') return b;
        return [
          `<<<<<<< ${CONFLICT_LABELS.ours}`,
          ...a,
          `||||||| ${CONFLICT_LABELS.base}`,
          ...o,
          '=======',
          ...b,
          `>>>>>>> ${CONFLICT_LABELS.theirs}`,
        ];
      })
      .join('\n');
  if (overlaps.length === 0) return { kind: 'merged', text: resolve('ours') };
  return { kind: 'overlap', overlaps, resolve };
}

/** The overlaps of `path` as a user reads them: where, what was generated, what they wrote, what is new. */
export function describeOverlaps(path: string, overlaps: readonly MergeOverlap[]): string {
  const block = (title: string, lines: readonly string[]) => [
    `  ${title}:`,
    ...(lines.length > 0 ? lines.map((line) => `    ${line}`) : [`    ${t('merge.nothing')}`]),
  ];
  return overlaps
    .map((overlap) =>
      [
        t('merge.overlap', { path, line: overlap.oursLine }),
        ...block(t('merge.base'), overlap.base),
        ...block(t('merge.ours'), overlap.ours),
        ...block(t('merge.theirs'), overlap.theirs),
      ].join('\n'),
    )
    .join('\n');
}
