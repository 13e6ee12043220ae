// What a local run needs before its first container: an image as new as the project's files (built the same
// way as `publish` when it is not), and --mount folders that the image's non-root user can write.
import { t } from '../core/i18n/translate.js';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { imageReference } from '../core/image-reference.js';
import { podsDirOf } from '../core/pods-dir.js';
import type { ProjectConfig } from '../core/project-config.js';
import type { BindMount } from '../core/run-plan.js';
import { imageFacts } from './containers.js';
import { checkDocker, DockerError } from './docker-cli.js';
import { publishImage } from './publish-image.js';

/** The files the image is built from (what .dockerignore lets in). */
function buildInputs(projectDir: string, podsDir: string): string[] {
  const files = ['Dockerfile', 'requirements.txt', 'run_in_docker.sh']
    .map((name) => join(projectDir, name))
    .filter((file) => existsSync(file));
  const walk = (folder: string): string[] =>
    existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
        )
      : [];
  return [...files, ...walk(join(projectDir, podsDir)).filter((file) => !file.includes('__pycache__'))];
}

// A rebuild that changes nothing keeps the image's old creation time (every layer comes from the cache):
// the stamp remembers that this image id was checked against the files at that moment.
const STAMP = join('.pod-ingestion', 'image.json');

/** Makes sure the project's image exists and is not older than its files; returns its reference. */
export async function ensureImage(projectDir: string, config: ProjectConfig, build: boolean, log: (line: string) => void): Promise<string> {
  const image = imageReference(config);
  await checkDocker(log, 'pod-ingestion run');
  const facts = await imageFacts(image);
  if (!build) {
    if (facts) return image;
    throw new DockerError(t('run.step.findImage'), 'other', '', t('run.noImage', { image }), 'pod-ingestion run');
  }
  const newest = Math.max(...buildInputs(projectDir, podsDirOf(config)).map((file) => statSync(file).mtimeMs));
  const stampFile = join(projectDir, STAMP);
  const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { id?: string; checked?: number }) : {};
  const checked = facts && stamp.id === facts.id ? Math.max(stamp.checked ?? 0, facts.created.getTime()) : (facts?.created.getTime() ?? 0);
  if (facts && checked >= newest) return image;
  log(facts ? t('run.imageOlder', { image }) : t('run.imageMissing', { image }));
  const built = await publishImage(
    { context: projectDir, config, push: false, platform: '', latest: false, retry: 'pod-ingestion run' },
    log,
  );
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ image, id: built.id, checked: Date.now() })}\n`);
  return image;
}

/**
 * Creates missing --mount folders and lets the image's non-root user write in them without running it as
 * root and without taking the folder from its owner: the folder becomes group-writable with the setgid bit
 * (new files keep the folder's group) and the containers join that group. Returns the groups to add.
 */
export function prepareMounts(mounts: readonly BindMount[]): string[] {
  const groups = new Set<string>();
  for (const mount of mounts) {
    mkdirSync(mount.source, { recursive: true });
    const stats = statSync(mount.source);
    if (!stats.isDirectory()) throw new DockerError(t('run.step.mount'), 'other', '', t('run.mountIsFile', { folder: mount.source }));
    if ((stats.mode & 0o002) !== 0) continue;
    const wanted = stats.mode | 0o2070;
    if ((stats.mode & 0o7777) !== (wanted & 0o7777)) {
      try {
        chmodSync(mount.source, wanted & 0o7777);
      } catch (error) {
        throw new DockerError(t('run.step.mount'), 'other', (error as Error).message, t('run.mountNotWritable', { folder: mount.source }));
      }
    }
    groups.add(String(stats.gid));
  }
  return [...groups];
}
