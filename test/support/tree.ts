// The one way tests write, read and compare a folder of files: a generated project, or a project before
// and after a refused command (which must leave it byte for byte as it was).
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Writes files (path -> content) under root; `executable` paths get mode 0755 as the generator gives them. */
export function writeTree(root: string, files: Record<string, string>, executable: Iterable<string> = []): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  for (const path of executable) chmodSync(join(root, path), 0o755);
}

/** Every file under root (path with "/" -> bytes), sorted by path; __pycache__ is left out. */
export function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__') walk(path);
      } else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/** Every file under root as text (path -> content), as snapshot() finds them. */
export function readTree(root: string): Record<string, string> {
  return Object.fromEntries([...snapshot(root)].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

/** The differences between two snapshots, as readable lines (empty when byte-identical). */
export function snapshotDiff(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const lines: string[] = [];
  for (const [path, bytes] of before) {
    const now = after.get(path);
    if (!now) lines.push(`removed ${path}`);
    else if (!now.equals(bytes)) lines.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added ${path}`);
  return lines;
}

export function isExecutable(file: string): boolean {
  return (statSync(file).mode & 0o111) === 0o111;
}
