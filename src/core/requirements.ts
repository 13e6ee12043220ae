import { parsePipRequirementsLine } from './pip-requirement-line.js';
import { t } from './i18n/translate.js';
import type { Language } from './i18n/language.js';
import { projectWords } from './i18n/project-words.js';
import pep440 from '@renovatebot/pep440';
import type { FieldError, Verdict } from './field-error.js';
import { splitPackages } from './package-list.js';
import { breakArgsOptions, checkOptions, describeCharacter, findControlCharacter, logicalLines } from './pip-requirements-file.js';

export { splitPackages };

const pep508Rule = () => t('requirements.pep508');

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
  const arbitrary = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*===\s*([^\s;#]+)\s*(?:#.*)?$/.exec(line);
  if (arbitrary && /[A-Za-z0-9]$/.test(arbitrary[1]!))
    return { requirement: { text: withoutComment(line), key: normalizeProjectName(arbitrary[1]!) } };
  let parsed;
  try {
    parsed = parsePipRequirementsLine(line);
  } catch (error) {
    // The parser's own words are English grammar terms: the column is what every language keeps.
    const found = /col (\d+): expected (.*)/.exec((error as Error).message);
    const detail = found ? t('requirements.parseAt', { column: found[1]!, expected: found[2]!.trim() }) : '';
    return { verdict: { rule: `${pep508Rule()}${detail ? ` (${detail})` : ''}`, suggestion: guessRequirement(line) } };
  }
  if (parsed === null) return {};
  if (parsed.type !== 'ProjectName' && parsed.type !== 'ProjectURL') {
    return { verdict: { rule: t('requirements.noOptions', { rule: pep508Rule() }) } };
  }
  if (parsed.type === 'ProjectName') {
    for (const { operator, version } of parsed.versionSpec ?? []) {
      if (operator === '===') continue; // arbitrary equality compares strings, any text is allowed
      const exact = operator === '==' || operator === '!=';
      const release = exact && version.endsWith('.*') ? version.slice(0, -2) : version;
      if (pep440.valid(release) === null) {
        return { verdict: { rule: t('requirements.pep440', { version }), suggestion: parsed.name } };
      }
      // PEP 440: a local version (+cpu) only goes with == and !=; ~= needs at least two release numbers.
      if (!exact && version.includes('+')) {
        return { verdict: { rule: t('requirements.localVersion', { version }), suggestion: `${parsed.name}==${version}` } };
      }
      if (operator === '~=' && !/^\d+(?:\.\d+)+/.test(version.replace(/^\d+!/, ''))) {
        return { verdict: { rule: t('requirements.compatible', { version }), suggestion: `${parsed.name}~=${version}.0` } };
      }
    }
  }
  return { requirement: { text: withoutComment(line), key: normalizeProjectName(parsed.name) } };
}

/** The line without a trailing " # comment", trimmed (no regular expression: a run of spaces stays linear). */
function withoutComment(line: string): string {
  const hash = line.search(/\s#/);
  return (hash === -1 ? line : line.slice(0, hash)).trim();
}

/** What the user probably meant: `pandas=2.2.3` -> `pandas==2.2.3`, `psycopg2 binary` -> `psycopg2-binary`. */
export function guessRequirement(line: string): string | undefined {
  const text = line.trim();
  const singleEquals = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*([0-9][A-Za-z0-9.+!*-]*)$/.exec(text);
  if (singleEquals) return `${singleEquals[1]}==${singleEquals[2]}`;
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*(?: +[A-Za-z0-9][A-Za-z0-9._-]*)+$/.test(text)) return text.split(/ +/).join('-');
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(text)?.[0];
  return name && name !== text ? name : undefined;
}

/** One requirement given on its own (--packages, `package SPEC`): no options, no comment, nothing hidden. */
function checkOneRequirement(spec: string): Verdict {
  const control = findControlCharacter(spec);
  if (control)
    return {
      rule: t('requirements.control', { character: describeCharacter(control) }),
    };
  if (spec.trim() === '') return { rule: t('requirements.empty') };
  if (spec.length > MAX_REQUIREMENT_LENGTH) return { rule: t('requirements.tooLong', { max: MAX_REQUIREMENT_LENGTH }) };
  if (spec.trim().startsWith('-')) return { rule: t('requirements.pipOptions') };
  if (/(?:^|\s)#/.test(spec)) return { rule: t('requirements.comment') };
  return undefined;
}

// Limits that keep every check fast (the PEP 508 parser costs about a millisecond per requirement) and
// are far beyond real use: a URL requirement fits in 1000 characters; longer lists go in a requirements file.
const MAX_REQUIREMENT_LENGTH = 1000;
const MAX_LISTED = 100;
const MAX_FILE_LINES = 2000;

export function checkPackages(field: string, specs: readonly string[]): FieldError[] {
  if (specs.length > MAX_LISTED) {
    return [
      {
        field,
        value: t('requirements.manyValue', { first: specs.slice(0, 3).join(' '), count: specs.length }),
        rule: t('requirements.tooMany', { max: MAX_LISTED }),
      },
    ];
  }
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const refused = checkOneRequirement(spec);
    if (refused) {
      errors.push({ field, value: spec, ...refused });
      continue;
    }
    const { requirement, verdict } = parseRequirement(spec);
    if (verdict) errors.push({ field, value: spec, ...verdict });
    else if (requirement) {
      const earlier = seen.get(requirement.key);
      if (earlier) errors.push({ field, value: spec, rule: t('requirements.alreadyListed', { earlier }) });
      seen.set(requirement.key, spec);
    }
  }
  return errors;
}

/** The value of a refused line of a requirements file: its number and text. */
function lineValue(number: number, line: string): string {
  return t('requirements.lineValue', { number, line });
}

/**
 * An existing requirements.txt, read as pip reads it: every logical line is pip options of the kept kinds
 * (checked for shape) or one requirement with optional --hash options. Comments and blank lines are kept.
 * Only "\n" and "\r\n" end lines; any other control or line-separator character is refused.
 */
export function checkRequirementsFile(field: string, text: string): FieldError[] {
  const errors: FieldError[] = [];
  text.split('\n').forEach((line, index) => {
    const control = findControlCharacter(line.endsWith('\r') ? line.slice(0, -1) : line, '\t');
    if (control) {
      errors.push({
        field,
        value: lineValue(index + 1, line),
        rule: t('requirements.fileControl', { character: describeCharacter(control) }),
      });
    }
  });
  if (errors.length > 0) return errors;
  const lines = logicalLines(text);
  if (lines.length > MAX_FILE_LINES)
    return [
      { field, value: t('requirements.linesValue', { count: lines.length }), rule: t('requirements.fileLines', { max: MAX_FILE_LINES }) },
    ];
  const seen = new Map<string, string>();
  for (const { number, text: line } of lines) {
    if (line.length > MAX_REQUIREMENT_LENGTH) {
      errors.push({
        field,
        value: lineValue(number, `${line.slice(0, 60)}...`),
        rule: t('requirements.lineTooLong', { max: MAX_REQUIREMENT_LENGTH }),
      });
      continue;
    }
    const { requirement: spec, options } = breakArgsOptions(line);
    const optionVerdict = options ? checkOptions(options, spec !== '') : undefined;
    if (optionVerdict) {
      errors.push({ field, value: lineValue(number, line), ...optionVerdict });
      continue;
    }
    if (spec === '') continue;
    const { requirement, verdict } = parseRequirement(spec);
    if (verdict) errors.push({ field, value: lineValue(number, line), ...verdict });
    else if (requirement) {
      const earlier = seen.get(requirement.key);
      if (earlier) errors.push({ field, value: lineValue(number, line), rule: t('requirements.alreadyListed', { earlier }) });
      seen.set(requirement.key, spec);
    }
  }
  return errors;
}

/** The requirements of a requirements file (what pip installs), for rules between packages and pods. */
export function requirementsOfFile(text: string): string[] {
  return logicalLines(text)
    .map((line) => breakArgsOptions(line.text).requirement)
    .filter(Boolean);
}

export function renderRequirements(specs: readonly string[], language: Language): string {
  const header = projectWords(language)('requirements.header')
    .split('\n')
    .map((line) => `# ${line}`);
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
