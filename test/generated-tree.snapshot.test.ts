// A file snapshot of the whole project the compiled generator writes for the original industrial pipeline
// (smedina1304/run-pods-python:v1.0, one pod `collect`). Any change to a template shows up as a diff of
// test/__snapshots__/generated-tree.snapshot.txt; accept it with `npx vitest run -u test/generated-tree.snapshot.test.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import helpers from 'yeoman-test';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { EXECUTABLE_FILES, renderProject } from '../src/core/render-project.js';
import { isExecutable, readTree } from './support/tree.js';
import { generatorPath } from './support/run-generator.js';

const ANSWERS = {
  repository: 'smedina1304',
  container: 'run-pods-python',
  tag: 'v1.0',
  packages: 'pandas==2.2.3 pyarrow>=14,<20 google-cloud-storage==2.18.2',
  python: '3.12',
  pods: 'collect',
  defaults: true,
};

const BASES = '.pod-ingestion/generated/';

/**
 * One text for the whole tree: each file under a header with its path, and whether it is executable. A stored
 * merge base that is a copy of its file (as it must be in a new project) is named, not repeated.
 */
function serialize(root: string): string {
  const tree = readTree(root);
  return Object.entries(tree)
    .map(([path, content]) => {
      if (path.startsWith(BASES) && tree[path.slice(BASES.length)] === content)
        return `===== ${path} (a copy of ${path.slice(BASES.length)}) =====\n`;
      return `===== ${path}${isExecutable(join(root, path)) ? ' (executable)' : ''} =====\n${content}${content.endsWith('\n') ? '' : '\n(no newline at end of file)\n'}`;
    })
    .join('\n');
}

describe('the generated tree of smedina1304/run-pods-python:v1.0', () => {
  const ORIGINAL_CWD = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'pod-ingestion-snapshot-'));
  afterAll(() => {
    process.chdir(ORIGINAL_CWD);
    rmSync(work, { recursive: true, force: true });
  });

  it('matches the file snapshot, and holds no path, date or machine detail', async () => {
    await helpers
      .run(generatorPath('app'), { namespace: 'pod-ingestion:app', tmpdir: false, cwd: work, autoCleanup: false })
      .withOptions(ANSWERS as object);
    const root = join(work, ANSWERS.container);
    const tree = serialize(root);

    // Deterministic: the same bytes as the core renders in memory, nothing of this run in them.
    const plan = resolveAppAnswers(ANSWERS);
    const written = readTree(root);
    delete written['.yo-rc.json'];
    for (const path of Object.keys(written).filter((path) => path.startsWith(BASES))) delete written[path];
    expect(written).toEqual(renderProject(plan.config, plan.requirementsText));
    for (const file of EXECUTABLE_FILES) expect(tree).toContain(`===== ${file} (executable) =====`);
    expect(tree).not.toContain(work);
    expect(tree).not.toContain('pod-ingestion-snapshot-');
    expect(tree).not.toContain(ORIGINAL_CWD);
    expect(tree).not.toContain(new Date().toISOString().slice(0, 10));

    await expect(tree).toMatchFileSnapshot('./__snapshots__/generated-tree.snapshot.txt');
  });
});
