// Temporary folders for tests, removed together at the end of a file (kept with KEEP_TEST_DIRS=1, to look at).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new temporary folder, removed by cleanupTempDirs(). */
export function tempDir(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `pod-ingestion-${prefix}-`));
  made.push(folder);
  return folder;
}

export function cleanupTempDirs(): void {
  if (process.env.KEEP_TEST_DIRS) return;
  // yeoman-test's cd() moved this process into a project: leave it before removing it.
  if (made.some((folder) => process.cwd().startsWith(folder))) process.chdir(tmpdir());
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
