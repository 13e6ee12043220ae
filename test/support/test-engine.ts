// The real Docker engine, registry and base image that scripts/test-engine.sh starts: whether they are there,
// and how a test leaves the shared registry as it found it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const REGISTRY = process.env.POD_INGESTION_REGISTRY_ADDR ?? '127.0.0.1:5000';
export const BASE_IMAGE = 'python:3.11-slim';
export const ENGINE_DIR = process.env.POD_INGESTION_ENGINE_DIR ?? '/tmp/pod-ingestion-engine';
const START = 'start them with `bash scripts/test-engine.sh start`';

/** Why the engine, the registry or the base image is not usable, or undefined when all three are. */
export async function engineProblem(): Promise<string | undefined> {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (info.error || info.status !== 0) {
    return `\`docker info\` fails (${
      info.error?.message ??
      (info.stderr
        .trim()
        .split('\n')
        .find((line) => line.trim()) ||
        `exit ${info.status}`)
    }); ${START}`;
  }
  try {
    const response = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(5_000) });
    if (response.status !== 200) return `the registry at http://${REGISTRY}/v2/ answers HTTP ${response.status}, not 200; ${START}`;
  } catch (error) {
    return `the registry at http://${REGISTRY}/v2/ does not answer (${(error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message}); ${START}`;
  }
  if (spawnSync('docker', ['image', 'inspect', BASE_IMAGE], { stdio: 'ignore' }).status !== 0) {
    return `the base image ${BASE_IMAGE} is not in the engine (it cannot be pulled here); ${START}`;
  }
  return undefined;
}

/** Deletes a test's repository from the shared registry: its tags' manifests, then the folder that would keep
 * it in /v2/_catalog (see docs/test-engine.md). Best effort: a leftover costs disk, not correctness. */
export async function removeRepository(name: string, tags: string[]): Promise<void> {
  for (const tag of tags) {
    try {
      const head = await fetch(`http://${REGISTRY}/v2/${name}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
        signal: AbortSignal.timeout(5_000),
      });
      const digest = head.headers.get('docker-content-digest');
      if (digest)
        await fetch(`http://${REGISTRY}/v2/${name}/manifests/${digest}`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
    } catch {
      // best effort
    }
  }
  rmSync(join(ENGINE_DIR, 'registry-data/docker/registry/v2/repositories', name), { recursive: true, force: true });
}
