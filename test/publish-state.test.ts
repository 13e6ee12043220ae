// `publish` changes files only after the build (and the push) succeeded: with the Docker daemon unreachable
// (the real docker CLI, pointed at a socket nobody listens on), a --bump fails and changes nothing, so the
// same command is the retry. A push of a local-only image is refused before anything, by publish and by the
// generator.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';
import { requireTool, toolMissing } from './support/required-tool.js';

afterAll(cleanupTempDirs);

let hosted = '';
let local = '';
const DAEMON_DOWN = { DOCKER_HOST: 'unix:///nonexistent/pod-ingestion-test.sock' };

beforeAll(async () => {
  const root = tempDir('publish-state');
  for (const args of [['hosted', '--repository', '127.0.0.1:5000/state'], ['local']]) {
    const made = await runBin([...args, '--pods', 'collect', '--defaults'], root);
    expect(made.exitCode, made.output).toBe(0);
  }
  hosted = join(root, 'hosted');
  local = join(root, 'local');
});

describe('publish with the daemon down', () => {
  it('--bump patch --push, twice: every file is byte for byte as it was, and the message gives the same command to retry', async () => {
    if (!requireTool(toolMissing('docker', ['--version']), 'publish against an unreachable daemon with the real docker CLI')) return;
    const before = snapshot(hosted);
    for (const attempt of [1, 2]) {
      const result = await runBin(['publish', '--bump', 'patch', '--push'], hosted, { env: DAEMON_DOWN });
      expect(result.exitCode, result.output).toBe(1);
      expect(result.stderr).toMatch(/Cannot connect to the Docker daemon/);
      expect(result.stderr).toContain('Retry with: pod-ingestion publish --bump patch --push');
      expect(snapshotDiff(before, snapshot(hosted)), `attempt ${attempt}`).toEqual([]);
    }
  });
});

describe('--push of a local-only image is refused before anything', () => {
  it('publish --bump minor --push: the refusal names the missing repository, not the daemon, and no file changes', async () => {
    const before = snapshot(local);
    const result = await runBin(['publish', '--bump', 'minor', '--push'], local, { env: DAEMON_DOWN });
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain('local:1.1.0 has no repository, so it is a local-only image and there is nowhere to push it');
    expect(result.stderr).not.toMatch(/daemon/i);
    expect(snapshotDiff(before, snapshot(local))).toEqual([]);
  });

  it('the generator with --push and no --repository writes nothing', async () => {
    const root = tempDir('push-local');
    const result = await runBin(['nowhere', '--push', '--defaults'], root, { env: DAEMON_DOWN });
    expect(result.exitCode, result.output).toBe(1);
    expect(result.stderr).toContain('--push "true": a local-only image (no --repository) has nowhere to be pushed');
    expect([...snapshot(root).keys()]).toEqual([]);
  });
});
