// A re-run meets project files the user may have edited: each one is merged three ways with the version the
// generator wrote last time, kept under .pod-ingestion/generated/<path> (see README "Re-running"). The merge
// itself is core/three-way-merge.ts; this module reads and writes the files, reports, and asks about overlaps.
import { t, type MessageKey } from '../core/i18n/translate.js';
import { describeOverlaps, mergeThreeWays, type OverlapChoice } from '../core/three-way-merge.js';
import type { FileSet } from '../core/render-project.js';
import type { PodIngestionGenerator } from './base-generator.js';
import type { WritePolicy } from './write-policy.js';

/** The last generated version of each file the generator rewrites on a re-run. Committed with the project. */
export const GENERATED_DIR = '.pod-ingestion/generated';

export function basePath(path: string): string {
  return `${GENERATED_DIR}/${path}`;
}

/** The bases of a new project's files: what was just generated. */
export function baseFiles(files: FileSet, merged: (path: string) => boolean): FileSet {
  return Object.fromEntries(Object.entries(files).flatMap(([path, content]) => (merged(path) ? [[basePath(path), content]] : [])));
}

/**
 * Writes past Yeoman's conflicter (the decision is made: it must not ask again) with our own status line.
 * A status the conflicter has no log method for makes it write the file without a line of its own.
 */
function writeDecided(generator: PodIngestionGenerator, path: string, content: string, status?: string): void {
  const target = generator.destinationPath(path);
  generator.fs.write(target, content);
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'decided';
  // Aligned with Yeoman's own status lines ("   create Dockerfile").
  if (status) generator.log.write(`${status.padStart('identical'.length)} ${path}\n`);
}

/** Keeps `content` as the base of `path` for the next re-run (untouched when it already is). */
export function storeBase(generator: PodIngestionGenerator, path: string, content: string): void {
  const target = generator.destinationPath(basePath(path));
  if (generator.fs.exists(target) && generator.fs.read(target) === content) return;
  writeDecided(generator, basePath(path), content);
}

/**
 * A command that changes a generated file on the user's behalf (`package` adds a requirement, `publish --bump`
 * renames the image) makes the same change to its base, so that a later re-run sees it as the generator's, not
 * as an edit of the user's.
 */
export function changeBase(generator: PodIngestionGenerator, path: string, change: (text: string) => string): void {
  const target = generator.destinationPath(basePath(path));
  if (generator.fs.exists(target)) storeBase(generator, path, change(generator.fs.read(target) ?? ''));
}

/**
 * `existing` (the user's file) differs from `fresh` (the new rendering). With a stored base: merged three ways,
 * changes on different lines silently, overlaps settled by the write policy (asked in a terminal, the user's
 * lines under --defaults, the new ones under --force), each overlap shown. Without one (a project from before
 * the bases): Yeoman's conflict question as before. Either way `fresh` becomes the base.
 */
export async function mergeUserFile(
  generator: PodIngestionGenerator,
  path: string,
  existing: string,
  fresh: string,
  policy: WritePolicy,
): Promise<void> {
  const base = generator.fs.exists(generator.destinationPath(basePath(path)))
    ? (generator.fs.read(generator.destinationPath(basePath(path))) ?? '')
    : undefined;
  storeBase(generator, path, fresh);
  if (base === undefined) {
    if (policy.interactive || policy.force) generator.fs.write(generator.destinationPath(path), fresh);
    else generator.log(t('files.keptDiffers', { path }));
    return;
  }
  const decision = mergeThreeWays(base, existing, fresh);
  if (decision.kind === 'identical' || decision.kind === 'ours') return;
  if (decision.kind === 'theirs') return writeDecided(generator, path, decision.text, 'update');
  if (decision.kind === 'merged') return writeDecided(generator, path, decision.text, 'merge');
  const shown = describeOverlaps(path, decision.overlaps);
  const choice = await overlapChoice(generator, path, shown, policy);
  const text = decision.resolve(choice);
  if (text !== existing) writeDecided(generator, path, text, choice === 'markers' ? 'conflict' : 'merge');
}

const SETTLED: Record<OverlapChoice, MessageKey> = {
  ours: 'merge.settledOurs',
  theirs: 'merge.settledTheirs',
  markers: 'merge.settledMarkers',
};

async function overlapChoice(generator: PodIngestionGenerator, path: string, shown: string, policy: WritePolicy): Promise<OverlapChoice> {
  if (!policy.interactive || policy.force) {
    const choice: OverlapChoice = policy.force ? 'theirs' : 'ours';
    generator.warning(`${shown}\n${path}: ${t(SETTLED[choice])}${policy.force ? '' : t('merge.forceTakesNew')}.`);
    return choice;
  }
  generator.log(shown);
  const prompt = [
    {
      type: 'select',
      name: 'choice',
      message: t('merge.question', { path }),
      choices: [
        { name: t('merge.choiceOurs'), value: 'ours' },
        { name: t('merge.choiceTheirs'), value: 'theirs' },
        { name: t('merge.choiceMarkers'), value: 'markers' },
      ],
      default: 'ours',
    },
  ] as unknown as Parameters<PodIngestionGenerator['prompt']>[0];
  const choice = ((await generator.prompt(prompt)) as { choice: OverlapChoice }).choice;
  generator.log(`${path}: ${t(SETTLED[choice])}.`);
  return choice;
}
