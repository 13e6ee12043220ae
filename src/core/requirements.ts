import { parsePipRequirementsLine } from 'pip-requirements-js';
import pep440 from '@renovatebot/pep440';
import type { FieldError, Verdict } from './field-error.js';

const PEP508_RULE = 'each requirement is a PEP 508 specifier such as pandas==2.2.3, "pyarrow>=14,<20" or requests';

/** PEP 503 normalised project name: `Foo.Bar_baz` and `foo-bar-baz` are the same package for pip. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

export interface ParsedRequirement {
  /** The text as it goes into requirements.txt. */
  text: string;
  /** The normalised project name, used to find duplicates. */
  key: string;
}

/** Checks one requirement line (PEP 508 grammar, then PEP 440 versions). Comments and blank lines yield undefined. */
export function parseRequirement(line: string): { requirement?: ParsedRequirement; verdict?: Verdict } {
  // Arbitrary equality (`name===text`) is PEP 508 but beyond pip-requirements-js's grammar.
  const arbitrary = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*===\s*([^\s;#]+)\s*(?:#.*)?$/.exec(line);
  if (arbitrary) return { requirement: { text: line.replace(/\s+#.*$/, '').trim(), key: normalizeProjectName(arbitrary[1]!) } };
  let parsed;
  try {
    parsed = parsePipRequirementsLine(line);
  } catch (error) {
    const detail = (error as Error).message.split('\n').find((text) => text.includes('expected')) ?? '';
    return { verdict: { rule: `${PEP508_RULE}${detail ? ` (${detail.trim()})` : ''}`, suggestion: guessRequirement(line) } };
  }
  if (parsed === null) return {};
  if (parsed.type !== 'ProjectName' && parsed.type !== 'ProjectURL') {
    return { verdict: { rule: `${PEP508_RULE}; pip options and -r/-c includes are not allowed here` } };
  }
  if (parsed.type === 'ProjectName') {
    for (const { operator, version } of parsed.versionSpec ?? []) {
      if (operator === '===') continue; // arbitrary equality compares strings, any text is allowed
      const exact = operator === '==' || operator === '!=';
      const release = exact && version.endsWith('.*') ? version.slice(0, -2) : version;
      if (pep440.valid(release) === null) {
        return { verdict: { rule: `"${version}" is not a PEP 440 version (like 2.2.3, 1.0rc1, 2024.1)`, suggestion: parsed.name } };
      }
      // PEP 440: a local version (+cpu) only goes with == and !=; ~= needs at least two release numbers.
      if (!exact && version.includes('+')) {
        return { verdict: { rule: `a local version like "${version}" only works with == or !=`, suggestion: `${parsed.name}==${version}` } };
      }
      if (operator === '~=' && !/^\d+(?:\.\d+)+/.test(version.replace(/^\d+!/, ''))) {
        return { verdict: { rule: `"~=" needs at least two release numbers ("~=${version}.0"), PEP 440 compatible release`, suggestion: `${parsed.name}~=${version}.0` } };
      }
    }
  }
  const text = line.replace(/\s+#.*$/, '').trim();
  return { requirement: { text, key: normalizeProjectName(parsed.name) } };
}

function guessRequirement(line: string): string | undefined {
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(line.trim())?.[0];
  return name && name !== line.trim() ? name : undefined;
}

/** `--packages "pandas==2.2.3 pyarrow>=14,<20 requests"`: whitespace separates, commas stay inside a specifier. */
export function splitPackages(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

export function checkPackages(field: string, specs: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const { requirement, verdict } = parseRequirement(spec);
    if (verdict) errors.push({ field, value: spec, ...verdict });
    else if (requirement) {
      const earlier = seen.get(requirement.key);
      if (earlier) errors.push({ field, value: spec, rule: `the package is already listed as ${earlier}; name each package once` });
      seen.set(requirement.key, spec);
    }
  }
  return errors;
}

/** An existing requirements.txt: every requirement line validated, comments and blank lines kept as they are. */
export function checkRequirementsFile(field: string, text: string): FieldError[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const { verdict } = parseRequirement(line);
    return verdict ? [{ field, value: `line ${index + 1}: ${line}`, ...verdict }] : [];
  });
}

export function renderRequirements(specs: readonly string[]): string {
  const header = [
    '# Python packages installed into the image by `pip install -r requirements.txt`.',
    '# One PEP 508 requirement per line; pin versions for repeatable builds.',
    '# Add more with `pod-ingestion package SPEC...` (or `yo pod-ingestion:package SPEC...`).',
  ];
  return `${[...header, ...specs].join('\n')}\n`;
}

export interface RequirementChange {
  added: string[];
  replaced: { before: string; after: string }[];
  text: string;
}

/** Adds requirements to a requirements.txt: a package already listed has its line replaced in place. */
export function addRequirements(existing: string, specs: readonly string[]): RequirementChange {
  const lines = existing.replace(/\n$/, '').split(/\r?\n/);
  const change: RequirementChange = { added: [], replaced: [], text: '' };
  for (const spec of specs) {
    const key = parseRequirement(spec).requirement?.key;
    const index = lines.findIndex((line) => key !== undefined && parseRequirement(line).requirement?.key === key);
    if (index === -1) {
      lines.push(spec);
      change.added.push(spec);
    } else if (lines[index] !== spec) {
      change.replaced.push({ before: lines[index] ?? '', after: spec });
      lines[index] = spec;
    }
  }
  change.text = `${lines.join('\n')}\n`;
  return change;
}
