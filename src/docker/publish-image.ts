// Build, then optionally push, the image a project names; shared by the generator's --build/--push and
// by `pod-ingestion publish`. Docker itself is reached only through docker-cli.ts.
import { imageReference, registryHost } from '../core/image-reference.js';
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
    `Image:  ${summary.image}`,
    summary.id ? `Id:     ${summary.id}` : '',
    summary.sizeBytes ? `Size:   ${megabytes} MB` : '',
    pushed ? `Pushed: ${summary.digest || '(digest not reported)'}` : 'Pushed: no (local image)',
    `Time:   ${summary.seconds.toFixed(1)} s`,
  ].filter(Boolean).join('\n');
}

export async function publishImage(request: PublishRequest, log: (line: string) => void): Promise<PublishSummary> {
  const started = performance.now();
  const { config } = request;
  const image = imageReference(config);
  const latest = imageReference({ ...config, tag: 'latest' });
  if (request.push && !config.repository) {
    throw new DockerError(
      'Pushing',
      'no-repository',
      '',
      `${image} has no repository, so it is a local-only image and there is nowhere to push it. Set one (for Docker Hub, your user name) with \`pod-ingestion --repository <user> --force\` in this folder, then publish again.`,
    );
  }
  const multiPlatform = request.platform.includes(',');
  if (multiPlatform && !request.push) {
    throw new DockerError('Building', 'several-platforms-without-push', '', `an image for several platforms (${request.platform}) cannot be loaded into the local engine; add --push to send it to the registry, or name one platform.`, `${request.retry} --push`);
  }
  await checkDocker(log, request.retry);
  const tags = request.latest ? [image, latest] : [image];
  await buildImage({ context: request.context, tags, platform: request.platform, pushWithBuildx: multiPlatform && request.push, retry: request.retry }, log);
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
