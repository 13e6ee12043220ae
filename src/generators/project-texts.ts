// Reads the files of a project folder that `doctor` and `adopt` look at: the top-level build files, the
// README, .yo-rc.json and every Python file of dags/ (and at the top, where hand-made projects keep a DAG).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectTexts } from '../core/doctor-checks.js';

const TOP_LEVEL = /^(?:Dockerfile|requirements\.txt|README\.md|\.yo-rc\.json|[^/]+\.sh|[^/]+\.py)$/;

export function readProjectTexts(folder: string): ProjectTexts {
  const texts: ProjectTexts = {};
  const read = (path: string) => {
    texts[path] = readFileSync(join(folder, path), 'utf8');
  };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && TOP_LEVEL.test(entry.name)) read(entry.name);
  }
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(folder, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== '__pycache__') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.py')) read(path);
    }
  };
  walk('dags');
  return texts;
}
