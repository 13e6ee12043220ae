// Where a project's files will go is checked before anything is written: a file given as the destination, a
// folder standing where a generated file goes (or a file where a folder goes), a folder that cannot be written.
// Each is refused naming the path, in plain words.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PodIngestionError } from '../core/errors.js';
import { t } from '../core/i18n/translate.js';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function refuse(problem: string): never {
  throw new PodIngestionError('invalid-answers', t('destination.refused', { problem }));
}

/** The closest folder that exists at or above `path`: where writing would begin. */
function nearestExisting(path: string): string {
  let folder = path;
  while (!statOf(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Refuses, before any write, a destination whose files (paths relative to it) cannot all be written. */
export function checkDestination(destination: string, files: Iterable<string>): void {
  const here = statOf(destination);
  if (here && !here.isDirectory()) refuse(t('destination.isFile', { destination }));
  const start = nearestExisting(destination);
  if (!statOf(start)!.isDirectory()) refuse(t('destination.parentIsFile', { file: start, destination }));
  try {
    accessSync(start, constants.W_OK);
  } catch (error) {
    refuse(t('destination.notWritable', { folder: start, code: String((error as NodeJS.ErrnoException).code) }));
  }
  if (!here) return;
  for (const file of files) {
    const target = join(destination, file);
    if (statOf(target)?.isDirectory()) refuse(t('destination.folderWhereFile', { target, file }));
    // A file standing where the project needs a folder (tests/ as a file, say).
    for (let folder = dirname(target); folder !== destination && folder.startsWith(destination); folder = dirname(folder)) {
      const stats = statOf(folder);
      if (stats && !stats.isDirectory()) refuse(t('destination.fileWhereFolder', { file: folder, folder: relative(destination, folder) }));
    }
  }
}
