// Temporary folders for tests, removed together at the end of a file (kept with KEEP_TEST_DIRS=1, to look at).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new temporary folder, removed by cleanupTempDirs(). */
export function tempDir(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `pod-ingestion-${prefix}-`));
  made.push(folder);
  return folder;
}

/** A copy of the project `source`, as `name` in a new temporary folder: each test changes its own copy. */
export function copyOfProject(source: string, label: string, name: string): string {
  const project = join(tempDir(label), name);
  cpSync(source, project, { recursive: true });
  return project;
}

export function cleanupTempDirs(): void {
  if (process.env.KEEP_TEST_DIRS) return;
  // yeoman-test's cd() moved this process into a project: leave it before removing it.
  if (made.some((folder) => process.cwd().startsWith(folder))) process.chdir(tmpdir());
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
