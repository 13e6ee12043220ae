// What npm ships and what yo finds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEnv } from 'yeoman-environment';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the npm package', () => {
  it('ships compiled JS, templates, README and LICENSE; no tests, no TypeScript sources', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files: string[] = JSON.parse(result.stdout)[0].files.map((file: { path: string }) => file.path);
    for (const name of ['app', 'pod', 'package', 'publish', 'remove', 'run', 'graph']) expect(files).toContain(`dist/generators/${name}/index.js`);
    expect(files).toContain('dist/bin/pod-ingestion.js');
    expect(files).toContain('templates/app/Dockerfile.ejs');
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(files.filter((file) => file.startsWith('test/') || file.startsWith('src/') || file.endsWith('.ts'))).toEqual([]);
  });

  it('is found by yo as pod-ingestion with its subgenerators, and nothing else', async () => {
    // As after `npm link` or an install: the package sits in a node_modules folder under its own name.
    const modules = join(mkdtempSync(join(tmpdir(), 'pod-ingestion-lookup-')), 'node_modules');
    mkdirSync(modules);
    symlinkSync(ROOT, join(modules, 'generator-pod-ingestion'));
    const env = createEnv();
    const found = await env.lookup({ npmPaths: [modules] });
    expect(found.map((meta) => meta.namespace).sort()).toEqual(['pod-ingestion:app', 'pod-ingestion:graph', 'pod-ingestion:package', 'pod-ingestion:pod', 'pod-ingestion:publish', 'pod-ingestion:remove', 'pod-ingestion:run']);
  });
});
