// A new project appears whole or not at all: its files go into a hidden sibling folder, which is renamed into
// place in one step. Ctrl-C (or SIGTERM, SIGHUP) before the rename removes that folder; a closed stdout (`| head`)
// is not a reason to stop writing.
import { t } from '../core/i18n/translate.js';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PodIngestionError } from '../core/errors.js';
import { EXECUTABLE_FILES, type FileSet } from '../core/render-project.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Writes `files` as the new folder `destination` (absent, or an empty folder), atomically. */
export async function writeNewProject(destination: string, files: FileSet): Promise<void> {
  const parent = dirname(destination);
  mkdirSync(parent, { recursive: true });
  let stopped: string | undefined;
  const stop = (signal: string) => {
    stopped = signal;
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  const staging = mkdtempSync(join(parent, `.${basename(destination)}.pod-ingestion-`));
  try {
    for (const [path, content] of Object.entries(files)) {
      // Writes are awaited one by one so that a signal is seen between two files.
      if (stopped) break;
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content, { mode: EXECUTABLE_FILES.has(path) ? 0o755 : 0o644 });
    }
    if (stopped) throw new PodIngestionError('cancelled', t('cancelled'));
    renameSync(staging, destination);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  }
}
