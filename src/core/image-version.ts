// A new version of a project's image: `publish --bump` raises the tag, `publish --tag` sets it.
import { t } from './i18n/translate.js';
import semver from 'semver';
import { type FieldError } from './field-error.js';
import { TAG } from './shared-questions.js';
import type { RawAnswers } from './questions.js';

/** The parts of a version --bump raises; the `bump` question offers these. */
export const BUMPS = ['patch', 'minor', 'major'] as const;

/** `1.0.0` -> `1.1.0`, `v1.2` -> `v1.3.0`: the `v` prefix is kept, a short version is completed. */
export function bumpTag(tag: string, part: (typeof BUMPS)[number]): string | undefined {
  const prefix = tag.startsWith('v') ? 'v' : '';
  const version = semver.valid(tag.slice(prefix.length)) ?? semver.coerce(tag.slice(prefix.length))?.version;
  const next = version ? semver.inc(version, part) : null;
  return next ? `${prefix}${next}` : undefined;
}

/** The tag to publish, after --bump or --tag; throws nothing, returns the errors instead. */
export function resolveNewTag(currentTag: string, answers: RawAnswers): { tag: string; errors: FieldError[] } {
  const bump = String(answers.bump ?? '');
  const tag = String(answers.tag ?? '');
  const errors: FieldError[] = [];
  if (bump && tag) errors.push({ field: 'bump', value: bump, rule: t('publish.bumpOrTag') });
  if (bump && !(BUMPS as readonly string[]).includes(bump))
    errors.push({ field: 'bump', value: bump, rule: t('rule.oneOf', { choices: BUMPS.join(', ') }) });
  if (tag) errors.push(...(TAG.check?.(tag, 'tag') ?? []));
  if (errors.length > 0) return { tag: currentTag, errors };
  if (tag) return { tag, errors };
  if (!bump) return { tag: currentTag, errors };
  const next = bumpTag(currentTag, bump as (typeof BUMPS)[number]);
  if (!next) return { tag: currentTag, errors: [{ field: 'bump', value: bump, rule: t('publish.noVersion', { tag: currentTag }) }] };
  return { tag: next, errors };
}
