// Reads the files of a project folder that `doctor` and `adopt` look at: the top-level build files, the
// README, .yo-rc.json and every Python file of dags/ (and at the top, where hand-made projects keep a DAG).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { savedPodsDir, type ProjectTexts, type ScriptsFolder } from '../core/doctor-checks.js';

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

/** The .py files of the scripts folder the project's .yo-rc.json names (pods/ when it names none). */
export function readScriptsFolder(folder: string, texts: ProjectTexts): ScriptsFolder {
  const scripts = join(folder, savedPodsDir(texts['.yo-rc.json']));
  if (!existsSync(scripts)) return { scripts: undefined };
  return { scripts: new Set(readdirSync(scripts).filter((name) => name.endsWith('.py'))) };
}
