// Under `yo pod-ingestion` as under the bin: progress and file status lines on stdout, warnings and errors on
// stderr (yo's own logger writes every line to stderr; the generator sends a run's lines to stdout). The diff
// legend under yo is in conflict-legend.test.ts.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLikeYo } from './support/like-yo.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

afterAll(cleanupTempDirs);

describe('yo pod-ingestion', () => {
  it('prints progress and file status lines on stdout, warnings and refusals on stderr', async () => {
    const dir = tempDir('yo-output');
    const made = await runLikeYo(['pod-ingestion', 'proj', '--defaults', '--pods', 'collect', '--python', '3.8'], dir);
    expect(made.exitCode, made.output).toBe(0);
    expect(made.stdout).toMatch(/^ +create proj\/Dockerfile$/m);
    expect(made.stdout).toContain('Project written to');
    expect(made.stderr).toMatch(/^Warning: Python 3\.8 reached end of life/);
    expect(made.stderr).not.toContain('create');
    // A subgenerator in the project: the environment's own status lines (force, create) too.
    const project = join(dir, 'proj');
    const added = await runLikeYo(['pod-ingestion:pod', 'extra', '--defaults'], project);
    expect(added.exitCode, added.output).toBe(0);
    expect(added.stdout).toMatch(/^ +force dags\/proj_pipeline\.py$/m);
    expect(added.stdout).toMatch(/^ +create pods\/extra\.py$/m);
    expect(added.stdout).toContain('Added pods/extra.py');
    expect(added.stderr).toBe('');
    const refused = await runLikeYo(['pod-ingestion:pod', 'Bad-Name', '--defaults'], project);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('  - the NAME argument "Bad-Name": a pod name is');
  });
});
