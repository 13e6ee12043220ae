// Issue 12, item 7, on the real engine: what the offline pod-vs-package check cannot know is caught by the image
// build. A pod named `pip` is accepted offline (pip is neither in the standard library nor in requirements.txt),
// but the base image installs pip, so pods/pip.py would be imported by every `import pip` in /app. The build
// must stop at the Dockerfile's check with our sentence naming the pod, say what to do (not "install buildx"),
// and leave no image.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTool } from './support/required-tool.js';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { engineProblem } from './support/test-engine.js';

const ready = requireTool(await engineProblem(), 'the image build of a pod that hides an installed module (real engine)');

afterAll(cleanupTempDirs);

describe.runIf(ready)('the image build stops a pod that hides a module the offline check cannot see', () => {
  it('pod pip: accepted offline, refused by docker build with the pod named and what to do', async () => {
    const container = `shadow${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const folder = tempDir('shadow-build');
    const made = await runBin([container, '--container', container, '--python', '3.11', '--pods', 'collect'], folder);
    expect(made.exitCode, made.output).toBe(0);
    const project = join(folder, container);
    const added = await runBin(['pod', 'pip', '--after', 'collect'], project);
    expect(added.exitCode, `the offline check accepts pip (only the build can know it): ${added.output}`).toBe(0);

    const build = await runBin(['publish'], project, { timeout: 0 });
    expect(build.exitCode, build.output).toBe(1);
    expect(build.stderr).toContain(
      'pod scripts named like installed modules, which they would hide from every script in /app: pip. Rename them (e.g. pip_job.py) and build again.',
    );
    expect(build.stderr).toMatch(/What to do: the pod script docker names above is named like a module the image installs/);
    // Docker's own stream names buildx (the classic builder's notice); our diagnosis must not.
    expect(build.stderr.split('docker said:')[1]).not.toMatch(/buildx/);
    // Off a terminal what we repeat of docker's output has no colour codes (the classic builder colours RUN's stderr).
    expect(build.raw.split('docker said:')[1]).not.toContain('\u001b');
    // Nothing ships: the image was not tagged.
    expect(spawnSync('docker', ['image', 'inspect', `${container}:1.0.0`], { stdio: 'ignore' }).status).not.toBe(0);
  }, 300_000);
});
