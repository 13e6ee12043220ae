// Executable documentation: finds the shell blocks of a Markdown file and runs the ones marked runnable, in
// order, each in its own bash that inherits the previous block's folder and exported variables (as a student's
// terminal would). Every ```sh block must say what it is, on the line just before its fence:
//   <!-- runnable -->               runs, and must exit 0
//   <!-- runnable: fails -->        runs, and must exit non-zero (a deliberate mistake the text explains)
//   <!-- not-runnable: WHY -->      shown only; WHY says why the suite cannot run it (no cluster, global install)
// and a block after a runnable one, marked <!-- output -->, lists lines its output must contain, in order;
// "..." in a line stands for any text (ids, sizes, dates).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export type BlockMode = 'runnable' | 'fails' | 'not-runnable';

export interface ShellBlock {
  mode: BlockMode;
  /** Why a not-runnable block cannot run in the suite. */
  reason: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above the block. */
  heading: string;
  /** Lines the output must contain, from a following <!-- output --> block. */
  expectedOutput: string[];
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);
const MARKER = /^<!--\s*(runnable(?::\s*fails)?|not-runnable:\s*(.+?)|output)\s*-->$/;

/** The shell blocks of a Markdown text; throws naming the line of a shell block without a marker. */
export function shellBlocks(markdown: string, file: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  let heading = '(top of the file)';
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    if (/^#{1,6}\s/.test(text)) heading = text.replace(/^#+\s*/, '');
    const fence = /^(\s*)(`{3,})\s*([\w-]*)/.exec(text);
    if (!fence) continue;
    const end = lines.findIndex((candidate, at) => at > index && candidate.trim() === fence[2]);
    if (end < 0) throw new Error(`${file}:${index + 1}: a code block is never closed`);
    const code = lines
      .slice(index + 1, end)
      .map((line) => line.slice(fence[1].length))
      .join('\n');
    const marker = MARKER.exec((lines[index - 1] ?? '').trim());
    if (marker?.[1] === 'output') {
      const previous = blocks.at(-1);
      if (!previous || previous.mode === 'not-runnable')
        throw new Error(`${file}:${index + 1}: an <!-- output --> block must follow a runnable block`);
      previous.expectedOutput = code
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else if (SHELL_LANGUAGES.has(fence[3])) {
      if (!marker)
        throw new Error(
          `${file}:${index + 1}: this shell block has no <!-- runnable --> or <!-- not-runnable: why --> marker on the line before it`,
        );
      const mode: BlockMode = marker[2] ? 'not-runnable' : marker[1].endsWith('fails') ? 'fails' : 'runnable';
      blocks.push({ mode, reason: marker[2] ?? '', code, line: index + 1, heading, expectedOutput: [] });
    }
    index = end;
  }
  return blocks;
}

/** A block's commands without comment lines, trailing comments and the text of a --description (prose each
 * language writes in its own words): what must match across translations. */
export function commandsOf(block: ShellBlock): string {
  return block.code
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .map((line) =>
      line
        .replace(/\s+#\s.*$/, '')
        .replace(/--description "[^"]*"/g, '--description "..."')
        .trimEnd(),
    )
    .filter(Boolean)
    .join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The expected lines missing from the output (in order; "..." matches any text within a line). */
export function missingOutput(expected: string[], output: string): string[] {
  const lines = output.split('\n').map((line) => line.trim());
  const missing: string[] = [];
  let from = 0;
  for (const wanted of expected) {
    const pattern = new RegExp(`^${wanted.split('...').map(escapeRegExp).join('.*')}$`);
    const found = lines.findIndex((line, at) => at >= from && pattern.test(line));
    if (found < 0) missing.push(wanted);
    else from = found + 1;
  }
  return missing;
}

export interface DocRun {
  /** Seconds each runnable block took, by its line. */
  seconds: { line: number; heading: string; seconds: number }[];
  folder: string;
}

export interface DocRunOptions {
  /** Files copied into the fresh folder first (what an instructor hands out): name in the folder -> source. */
  handouts: Record<string, string>;
  /** Extra environment variables (REGISTRY, LANG...); undefined removes one. */
  env: Record<string, string | undefined>;
  /** A command `pod-ingestion` on PATH runs: node and the compiled bin. */
  bin: { node: string; script: string };
  timeoutSeconds: number;
}

/** Runs the runnable blocks of `file` in order in a fresh folder; throws naming the first block that fails. */
export function runDoc(file: string, options: DocRunOptions): DocRun {
  const name = relative(process.cwd(), file);
  const blocks = shellBlocks(readFileSync(file, 'utf8'), name);
  const root = mkdtempSync(join(tmpdir(), 'pod-ingestion-doc-'));
  const folder = join(root, 'workshop');
  const state = join(root, 'state');
  const binDir = join(root, 'bin');
  for (const dir of [folder, state, binDir]) mkdirSync(dir);
  for (const [target, source] of Object.entries(options.handouts)) writeFileSync(join(folder, target), readFileSync(source));
  // The bin as an installed package would put it on PATH, run by the Node that runs the tests.
  writeFileSync(join(binDir, 'pod-ingestion'), `#!/bin/sh\nexec '${options.bin.node}' '${options.bin.script}' "$@"\n`);
  chmodSync(join(binDir, 'pod-ingestion'), 0o755);
  writeFileSync(join(state, 'cwd'), folder);
  writeFileSync(join(state, 'env'), '');

  const blockEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, NO_UPDATE_NOTIFIER: '1' };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete blockEnv[key];
    else blockEnv[key] = value;
  }
  const run: DocRun = { seconds: [], folder };
  for (const block of blocks) {
    if (block.mode === 'not-runnable') continue;
    // The block's folder and exports carry over to the next block; set -e stops a block at its first failure.
    const script = [
      'exec 2>&1',
      `source '${state}/env'`,
      `cd "$(cat '${state}/cwd')"`,
      `trap 'pwd > "${state}/cwd"; export -p > "${state}/env"' EXIT`,
      'set -eo pipefail',
      block.code,
    ].join('\n');
    const started = performance.now();
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutSeconds * 1000,
      maxBuffer: 64 * 1024 * 1024,
      env: blockEnv,
    });
    run.seconds.push({ line: block.line, heading: block.heading, seconds: (performance.now() - started) / 1000 });
    // Colours off: the text a student reads, not the terminal's escape codes.
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    const where = `${name}, the block at line ${block.line} (under "${block.heading}")`;
    const shown = `\n--- the block ---\n${block.code}\n--- its output (last 40 lines) ---\n${output.split('\n').slice(-40).join('\n')}`;
    if (result.error) throw new Error(`${where} did not finish: ${result.error.message}${shown}`);
    if (block.mode === 'runnable' && result.status !== 0) throw new Error(`${where} failed with exit code ${result.status}${shown}`);
    if (block.mode === 'fails' && result.status === 0) throw new Error(`${where} is marked "runnable: fails" but exited 0${shown}`);
    const missing = missingOutput(block.expectedOutput, output);
    if (missing.length)
      throw new Error(
        `${where}: its output lacks these lines of the <!-- output --> block that follows it:\n  ${missing.join('\n  ')}${shown}`,
      );
  }
  return run;
}
