import { t } from './i18n/translate.js';
import { parseFamiliarName } from '@swimlane/docker-reference';
import type { Verdict } from './field-error.js';

// Docker's reference grammar (distribution/reference): path components are lowercase alphanumerics
// joined by one of `.`, `_`, `__` or runs of `-`; a domain may carry a port; a tag is 1-128 chars.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// A DNS name or IPv4 address with an optional port; labels written without nested quantifiers (linear time).
const REGISTRY_HOST = /^[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)*(?::[0-9]{1,5})?$/;

/** Turns `runPodsPython`, `My App!` or `data__` into the nearest name Docker accepts (`run-pods-python`, `my-app`, `data`). */
export function suggestImageName(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return words || 'app';
}

export function checkContainer(value: string): Verdict {
  if (value === '') return { rule: t('image.nameRequired') };
  if (value.includes('/')) {
    return { rule: t('image.nameOneComponent'), suggestion: suggestImageName(value.split('/').pop() ?? value) };
  }
  if (!PATH_COMPONENT.test(value)) return { rule: t('image.nameRule'), suggestion: suggestImageName(value) };
  return undefined;
}

export function checkTag(value: string): Verdict {
  if (TAG.test(value)) return undefined;
  const fixed = value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
  return {
    rule: t('image.tagRule'),
    suggestion: fixed || '1.0.0',
  };
}

/**
 * The repository part: empty (a local-only image), a Docker Hub namespace (`smedina1304`), or a registry
 * host with an optional port and path (`ghcr.io/acme`, `localhost:5000/team`).
 */
export function checkRepository(value: string): Verdict {
  if (value === '') return undefined;
  const parts = value.split('/');
  const first = parts[0] ?? '';
  const isHost = namesRegistryHost(first);
  const pathParts = isHost ? parts.slice(1) : parts;
  const hostValid = REGISTRY_HOST.test(first);
  // An account name is lowercased, not split: SMedina is the account smedina, not s-medina (someone else's).
  const suggestPart = (part: string) => (PATH_COMPONENT.test(part.toLowerCase()) ? part.toLowerCase() : suggestImageName(part));
  // Docker's grammar has no IPv6 literal host ([::1]:5000): suggest the IPv4 loopback for it, nothing for other bad hosts.
  const host = !isHost
    ? undefined
    : hostValid
      ? first.toLowerCase()
      : first.startsWith('[::1]')
        ? `127.0.0.1${first.slice('[::1]'.length)}`
        : undefined;
  const path = pathParts.map(suggestPart).join('/');
  const suggestion = isHost && !host ? undefined : [host, path].filter(Boolean).join('/');
  const result = (rule: string) => (suggestion && REGISTRY_HOST.test(suggestion.split('/')[0]!) ? { rule, suggestion } : { rule });
  if (pathParts.some((part) => !PATH_COMPONENT.test(part))) return result(t('image.repositoryPath', { rule: t('image.nameRule') }));
  if (isHost && !hostValid) return result(t('image.registryHost'));
  return undefined;
}

export interface ImageName {
  repository: string;
  container: string;
  tag: string;
}

/** `<repository>/<container>:<tag>`, or `<container>:<tag>` for a local-only image. */
export function imageReference({ repository, container, tag }: ImageName): string {
  return `${repository ? `${repository}/` : ''}${container}:${tag}`;
}

/** The whole reference, checked by a library that implements Docker's grammar (it also limits the length). */
export function checkImageReference(image: ImageName): Verdict {
  const reference = imageReference(image);
  try {
    parseFamiliarName(reference);
  } catch (error) {
    return { rule: t('image.unparsable', { reference, reason: (error as Error).message }) };
  }
  const repositoryPath = reference.slice(0, reference.lastIndexOf(':'));
  if (repositoryPath.length > 255) return { rule: t('image.tooLong') };
  return undefined;
}

/** The registry a push goes to: what `docker login` needs (Docker Hub when no host is named). */
export function registryHost(repository: string): string | undefined {
  if (repository === '') return undefined;
  const first = repository.split('/')[0] ?? '';
  return namesRegistryHost(first) ? first : 'docker.io';
}

// Docker's own rule: the first component is a registry host when it has a dot, a port, or is localhost.
function namesRegistryHost(firstComponent: string): boolean {
  return firstComponent.includes('.') || firstComponent.includes(':') || firstComponent === 'localhost';
}

/** A whole reference as written in a file (`user/app:1.0`), checked against Docker's grammar. */
export function checkImageText(reference: string): Verdict {
  try {
    parseFamiliarName(reference);
  } catch (error) {
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    const name = colon > slash ? reference.slice(0, colon) : reference;
    const tag = colon > slash ? reference.slice(colon) : '';
    return {
      rule: t('image.refused', { reference, reason: (error as Error).message, rule: t('image.nameRule') }),
      suggestion: `${name
        .split('/')
        .map((part, index) => (index === 0 && namesRegistryHost(part) ? part.toLowerCase() : suggestImageName(part)))
        .join('/')}${tag}`,
    };
  }
  return undefined;
}
