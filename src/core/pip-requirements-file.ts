// A requirements file read exactly as pip reads it (pip/_internal/req/req_file.py): lines split wherever
// Python's str.splitlines splits, "\" continuations joined, comments removed, then each logical line is
// either pip options or one requirement followed by its own options. Checking anything else would let a
// line separator pip knows and we do not (\r, \x1c, U+2028...) smuggle an --index-url past the check.
import type { Verdict } from './field-error.js';
import { t, type MessageKey } from './i18n/translate.js';

/** Every character str.splitlines ends a line at; "\r\n" counts as one. */
const LINE_BREAKS = new Set(['\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029']);

/** Characters that mean nothing in a value and only hide what a reader will see: C0/C1 controls and line separators. */
function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** What a character is, for a message: `\x1c`, `U+2028`. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control or line-separator character of `value` that `allowed` does not list, or undefined. */
export function findControlCharacter(value: string, allowed = ''): string | undefined {
  for (const character of value) if (isControl(character) && !allowed.includes(character)) return character;
  return undefined;
}

/** str.splitlines(), without the line ends. */
export function splitLinesLikePython(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (!LINE_BREAKS.has(character)) continue;
    lines.push(text.slice(start, index));
    if (character === '\r' && text[index + 1] === '\n') index += 1;
    start = index + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** pip's COMMENT_RE, `(^|\s+)#.*$`, without a regular expression (a long run of spaces must stay linear). */
function commentStart(line: string): number {
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      let start = index;
      while (start > 0 && /\s/.test(line[start - 1]!)) start -= 1;
      return start;
    }
  }
  return -1;
}

/** pip's COMMENT_RE.match: the line starts with optional whitespace and "#". */
function isCommentLine(line: string): boolean {
  return /^\s*#/.test(line);
}

/** Python's line.strip("\\"), in linear time. */
function stripBackslashes(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === '\\') start += 1;
  while (end > start && line[end - 1] === '\\') end -= 1;
  return line.slice(start, end);
}

export interface LogicalLine {
  /** 1-based number of the first physical line. */
  number: number;
  /** The line as pip's parser gets it: continuations joined, comment removed, stripped. */
  text: string;
}

/** pip's join_lines, ignore_comments and strip, over str.splitlines: the lines pip's parser sees. */
export function logicalLines(text: string): LogicalLine[] {
  const joined: LogicalLine[] = [];
  let pending: string[] = [];
  let pendingNumber = 0;
  splitLinesLikePython(text).forEach((line, index) => {
    const number = index + 1;
    if (!line.endsWith('\\') || isCommentLine(line)) {
      const piece = isCommentLine(line) ? ` ${line}` : line;
      if (pending.length > 0) {
        joined.push({ number: pendingNumber, text: [...pending, piece].join('') });
        pending = [];
      } else joined.push({ number, text: piece });
    } else {
      if (pending.length === 0) pendingNumber = number;
      pending.push(stripBackslashes(line));
    }
  });
  if (pending.length > 0) joined.push({ number: pendingNumber, text: pending.join('') });
  return joined
    .map(({ number, text: line }) => {
      const comment = commentStart(line);
      return { number, text: (comment === -1 ? line : line.slice(0, comment)).trim() };
    })
    .filter((line) => line.text !== '');
}

/** pip's break_args_options: words up to the first one starting with "-" are the requirement, the rest options. */
export function breakArgsOptions(line: string): { requirement: string; options: string } {
  const tokens = line.split(' ');
  const first = tokens.findIndex((token) => token.startsWith('-'));
  if (first === -1) return { requirement: line, options: '' };
  return { requirement: tokens.slice(0, first).join(' '), options: tokens.slice(first).join(' ') };
}

// ---------------------------------------------------------------------------------------------------
// Options: the ones a company's private index needs are kept verbatim once their values have the right shape.

const urlRule = (): Verdict => ({ rule: t('pipFile.url') });

function checkUrl(value: string): Verdict {
  // pip expands ${NAME} from the environment (a token in a private index URL is the usual case).
  const expanded = value.replace(/\$\{[A-Z0-9_]+\}/g, 'x');
  if (!/^https?:\/\/[^\s"'\\<>`{}|^]+$/.test(expanded)) return urlRule();
  try {
    if (new URL(expanded).hostname === '') return urlRule();
  } catch {
    return urlRule();
  }
  return undefined;
}

function checkHost(value: string): Verdict {
  const label = '[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*';
  if (new RegExp(`^${label}(?:\\.${label})*(?::[0-9]{1,5})?$`).test(value)) return undefined;
  return { rule: t('pipFile.trustedHost') };
}

function checkFormatControl(value: string): Verdict {
  if (value === ':all:' || value === ':none:' || /^[A-Za-z0-9][A-Za-z0-9._-]*(?:,[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(value))
    return undefined;
  return { rule: t('pipFile.formatControl') };
}

const HASH_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function checkHash(value: string): Verdict {
  const [algorithm = '', digest = ''] = value.split(':', 2);
  const length = HASH_LENGTHS[algorithm];
  if (length !== undefined && digest.length === length && /^[0-9a-f]+$/.test(digest) && value === `${algorithm}:${digest}`)
    return undefined;
  return { rule: t('pipFile.hash') };
}

interface OptionRule {
  names: readonly string[];
  /** undefined: the option takes no value. */
  value?: (value: string) => Verdict;
}

/** Options allowed on a line of their own. */
const FILE_OPTIONS: readonly OptionRule[] = [
  { names: ['-i', '--index-url'], value: checkUrl },
  { names: ['--extra-index-url'], value: checkUrl },
  { names: ['-f', '--find-links'], value: checkUrl },
  { names: ['--trusted-host'], value: checkHost },
  { names: ['--only-binary'], value: checkFormatControl },
  { names: ['--no-binary'], value: checkFormatControl },
  { names: ['--pre'] },
  { names: ['--prefer-binary'] },
  { names: ['--require-hashes'] },
];

/** Options allowed after a requirement. */
const REQUIREMENT_OPTIONS: readonly OptionRule[] = [{ names: ['--hash'], value: checkHash }];

const REFUSED_OPTIONS: Record<string, MessageKey> = {
  '-r': 'pipFile.include',
  '--requirement': 'pipFile.include',
  '-c': 'pipFile.constraints',
  '--constraint': 'pipFile.constraints',
  '-e': 'pipFile.editable',
  '--editable': 'pipFile.editable',
};

/** Checks the options of one line (`--index-url https://x/simple --pre`, or the `--hash=...` after a requirement). */
export function checkOptions(options: string, requirementLine: boolean): Verdict {
  if (/["'\\]/.test(options)) return { rule: t('pipFile.quotes') };
  const allowed = requirementLine ? REQUIREMENT_OPTIONS : FILE_OPTIONS;
  const tokens = options.split(/\s+/).filter(Boolean);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const equals = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = equals === -1 ? token : token.slice(0, equals);
    const refused = REFUSED_OPTIONS[name] ?? (/^-[rce]./.test(name) ? REFUSED_OPTIONS[name.slice(0, 2)] : undefined);
    if (refused) return { rule: t(refused, { option: name.slice(0, name.startsWith('--') ? undefined : 2) }) };
    const rule = allowed.find((candidate) => candidate.names.includes(name));
    if (!rule) {
      const names = allowed.flatMap((candidate) => candidate.names.filter((option) => option.startsWith('--')));
      return {
        rule: t(requirementLine ? 'pipFile.unsupportedAfterRequirement' : 'pipFile.unsupportedOwnLine', {
          option: name,
          kept: names.join(', '),
        }),
      };
    }
    if (!rule.value) {
      if (equals !== -1) return { rule: t('pipFile.noValue', { option: name }) };
      continue;
    }
    let value = equals === -1 ? undefined : token.slice(equals + 1);
    if (value === undefined) {
      value = tokens[index + 1];
      index += 1;
      if (value === undefined || value.startsWith('-')) return { rule: t('pipFile.needsValue', { option: name }) };
    }
    const verdict = rule.value(value);
    if (verdict) return { rule: `${name} ${value}: ${verdict.rule}` };
  }
  return undefined;
}
