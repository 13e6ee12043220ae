// Build, then optionally push, the image a project names; shared by the generator's --build/--push and
// by `pod-ingestion publish`. Docker itself is reached only through docker-cli.ts.
import { imageReference, registryHost } from '../core/image-reference.js';
import { t } from '../core/i18n/translate.js';
import type { ProjectConfig } from '../core/project-config.js';
import { buildImage, checkDocker, DockerError, inspectImage, pushImage, tagImage } from './docker-cli.js';

export interface PublishRequest {
  context: string;
  config: ProjectConfig;
  push: boolean;
  platform: string;
  /** Also tag (and push) `latest`. */
  latest: boolean;
  /** The command that repeats this step, told to the user when it fails. */
  retry: string;
}

export interface PublishSummary {
  image: string;
  id: string;
  sizeBytes: number;
  digest: string;
  seconds: number;
}

export function formatSummary(summary: PublishSummary, pushed: boolean): string {
  const megabytes = (summary.sizeBytes / 1e6).toFixed(1);
  return [
    t('summary.image', { image: summary.image }),
    summary.id ? t('summary.id', { id: summary.id }) : '',
    summary.sizeBytes ? t('summary.size', { megabytes }) : '',
    pushed ? t('summary.pushed', { digest: summary.digest || t('summary.noDigest') }) : t('summary.notPushed'),
    t('summary.time', { seconds: summary.seconds.toFixed(1) }),
  ]
    .filter(Boolean)
    .join('\n');
}

export async function publishImage(request: PublishRequest, log: (line: string) => void): Promise<PublishSummary> {
  const started = performance.now();
  const { config } = request;
  const image = imageReference(config);
  const latest = imageReference({ ...config, tag: 'latest' });
  if (request.push && !config.repository) {
    throw new DockerError(t('docker.step.pushing'), 'no-repository', '', t('docker.noRepository', { image }));
  }
  const multiPlatform = request.platform.includes(',');
  if (multiPlatform && !request.push) {
    throw new DockerError(
      t('docker.step.building'),
      'several-platforms-without-push',
      '',
      t('docker.severalPlatforms', { platforms: request.platform }),
      `${request.retry} --push`,
    );
  }
  await checkDocker(log, request.retry);
  const tags = request.latest ? [image, latest] : [image];
  await buildImage(
    { context: request.context, tags, platform: request.platform, pushWithBuildx: multiPlatform && request.push, retry: request.retry },
    log,
  );
  // A multi-platform build is not loaded into the local engine: buildx pushed it, there is nothing to inspect.
  const facts = multiPlatform ? { id: '', sizeBytes: 0 } : await inspectImage(image, log);
  let digest = '';
  if (request.push && !multiPlatform) {
    const registry = registryHost(config.repository);
    digest = await pushImage(image, registry, log, request.retry);
    if (request.latest) {
      await tagImage(image, latest, log);
      await pushImage(latest, registry, log, request.retry);
    }
  }
  return { image, ...facts, digest, seconds: (performance.now() - started) / 1000 };
}
