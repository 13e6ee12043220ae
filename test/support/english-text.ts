// Finds English left in text that should be Brazilian Portuguese. Two checks, each honest about its reach:
// 1. exact phrases: every English catalog text (tool messages and generated-project words), cut at its
//    placeholders and line breaks, whose pieces of three words or more must not appear in the Portuguese output;
// 2. function words: a line of prose holding two or more English-only function words ("the", "is", "with",
//    "which"...) is English, whatever produced it (a message not in any catalog, a literal in a template).
// Code is not prose: Markdown code spans and fences, URLs, options, paths and identifiers are removed first. What
// this cannot catch: a single English word alone in a line ("Warning"), or English made only of words that are
// not function words ("Image pull policy"); the catalogs' types and their key-by-key comparison cover those.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { adoptEn } from '../../src/core/i18n/adopt-en.js';
import { en } from '../../src/core/i18n/en.js';
import { projectEn } from '../../src/core/i18n/project-en.js';
import { PYTHON } from '../checkers/python.js';

/** English words Portuguese never uses as words (so not "a", "as", "do", "no", "for", "se"). */
const FUNCTION_WORDS = new Set(
  (
    'the is are was were be been being and of to with when which this that these those it its from each every by your you or an in at on into than ' +
    "has have had will would can cannot could should not if only what here there how they them their our we its after before does doesn't isn't " +
    'runs writes reads named given'
  ).split(' '),
);

/** Removes what is code rather than prose: code spans, options, paths, identifiers, URLs, placeholders. */
export function stripCode(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\{\{.*?\}\}|\{[A-Za-z_][A-Za-z0-9_.!]*\}/g, ' ')
    .replace(/(^|\s)--?[A-Za-z][\w-]*(=\S*)?/g, ' ')
    .replace(/\S*[/_.=:$]\S*/g, ' ');
}

export interface EnglishFinding {
  where: string;
  text: string;
  why: string;
}

/** Lines of prose with two or more English function words. */
export function englishByFunctionWords(where: string, text: string): EnglishFinding[] {
  return text.split('\n').flatMap((line, index) => {
    const words =
      stripCode(line)
        .toLowerCase()
        .match(/[a-z']+/g) ?? [];
    const english = words.filter((word) => FUNCTION_WORDS.has(word));
    return english.length >= 2 ? [{ where: `${where}:${index + 1}`, text: line.trim(), why: `English words: ${english.join(', ')}` }] : [];
  });
}

/** Pieces of the English catalogs (three words or more, one a function word, between placeholders, line breaks and code spans). */
export function englishCatalogPhrases(): string[] {
  const phrases = new Set<string>();
  for (const text of [...Object.values(en), ...Object.values(projectEn), ...Object.values(adoptEn)]) {
    // Code spans are the same in every language (commands, options): they are cut out, not searched.
    for (const piece of text.split(/\{[A-Za-z][A-Za-z0-9]*\}|\n|`[^`]*`/)) {
      const trimmed = piece.trim().replace(/^[\s:;,.()-]+|[\s:;,.()-]+$/g, '');
      // A phrase is prose: three words or more, one of them an English function word (not a bare command line).
      // Its words are counted without code: `is_delete_operator_pod=` is an identifier, not "is".
      const words =
        stripCode(trimmed)
          .toLowerCase()
          .match(/[a-z']{2,}/g) ?? [];
      if (words.length >= 3 && words.some((word) => FUNCTION_WORDS.has(word))) phrases.add(trimmed);
    }
  }
  return [...phrases];
}

export function englishByCatalogPhrases(where: string, text: string, phrases: readonly string[]): EnglishFinding[] {
  return phrases.filter((phrase) => text.includes(phrase)).map((phrase) => ({ where, text: phrase, why: 'an English catalog text' }));
}

/** English in a command's output (quoted values left out: they are the user's). */
export function englishInMessages(where: string, output: string): EnglishFinding[] {
  const prose = output.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  return [...englishByFunctionWords(where, prose), ...englishByCatalogPhrases(where, prose, englishCatalogPhrases())];
}

const PYTHON_PROSE = fileURLToPath(new URL('../checkers/python_prose.py', import.meta.url));

/** Comments and string literals of Python files, by Python's tokenizer: [file:line, text]. */
export function pythonProse(files: readonly string[]): [string, string][] {
  const result = spawnSync(PYTHON, [PYTHON_PROSE, ...files], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python_prose.py failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as [string, number, string][]).map(([file, line, text]) => [`${file}:${line}`, text]);
}

/** The prose of a generated file, by kind: comments and messages; Markdown without its code. */
export function proseOf(path: string, content: string): string {
  if (path.endsWith('.md')) {
    return content
      .replace(/^```[\s\S]*?^```/gm, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\]\([^)]*\)/g, ']');
  }
  if (path === 'Dockerfile' || path.endsWith('.sh')) {
    // Comments, and the text of the messages the script or the build prints (quoted strings).
    return content
      .split('\n')
      .flatMap((line) => [
        /^\s*#(?!!)/.test(line) ? line.replace(/^\s*#/, '') : '',
        ...[...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!),
      ])
      .filter(Boolean)
      .join('\n');
  }
  if (path === '.yo-rc.json') return '';
  // requirements.txt, .dockerignore, .gitignore, .gitattributes: their comments.
  return content
    .split('\n')
    .filter((line) => line.trim().startsWith('#'))
    .map((line) => line.replace(/^\s*#/, ''))
    .join('\n');
}
