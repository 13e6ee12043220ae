// The one way tests run the compiled bin (npm test builds dist/ first): its own node, an argument array (no
// shell), stdin closed so that, as in CI, it asks nothing. Every test of the bin goes through here.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/bin/pod-ingestion.js', import.meta.url));
const PTY = fileURLToPath(new URL('./pty_run.py', import.meta.url));

export interface BinResult {
  /** The exit code; -1 when the run was killed (a timeout). */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order they arrived, without colour codes. */
  output: string;
  /** stdout and stderr in the order they arrived, exactly as written (colour codes included). */
  raw: string;
  seconds: number;
  /** Seconds from the start to the first output containing each of `markers`. */
  marks: Record<string, number>;
}

export type BinChild = ChildProcessByStdio<null, Readable, Readable>;

export interface BinOptions {
  /** Variables over the test's own environment (PATH, to put a fake docker first); `undefined` removes one. */
  env?: NodeJS.ProcessEnv;
  /** false: the bin sees only `env` (and the colour settings), not the test's environment (a PATH without docker). */
  extendEnv?: boolean;
  markers?: readonly string[];
  /** Kill the run after this many milliseconds (default: 120 s; 0 for never, as Docker builds need). */
  timeout?: number;
  /** Another build of the bin (a copy of the package with a file missing). */
  bin?: string;
  /** A command the bin runs under, before node and the bin: `setpriv --reuid=...`, a pseudo-terminal runner. */
  under?: readonly string[];
  /** The running child, to act on it as a user would: Ctrl-C at a moment, a pipe closed (`| head`). */
  onStart?: (child: BinChild) => void;
  /** Called with all the output so far, plain, after each chunk: to act once a line appears. */
  onOutput?: (output: string, child: BinChild) => void;
}

const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** Runs `pod-ingestion ARGS...` in `cwd` (stdin closed: it asks nothing, unless `under` gives it a terminal). */
export function runBin(args: readonly string[], cwd: string, options: BinOptions = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const command = [...(options.under ?? []), process.execPath, options.bin ?? BIN, ...args];
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...(options.extendEnv === false ? {} : process.env),
        NO_UPDATE_NOTIFIER: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...options.env,
      },
      timeout: options.timeout ?? 120_000,
    });
    const result: BinResult = { exitCode: -1, stdout: '', stderr: '', output: '', raw: '', seconds: 0, marks: {} };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      result.raw += chunk.toString('utf8');
      const text = plain(chunk.toString('utf8'));
      result[stream] += text;
      result.output += text;
      for (const marker of options.markers ?? []) {
        if (!(marker in result.marks) && result.output.includes(marker)) result.marks[marker] = (performance.now() - started) / 1000;
      }
      options.onOutput?.(result.output, child);
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    child.on('error', reject);
    options.onStart?.(child);
    child.on('close', (code) => {
      result.exitCode = code ?? -1;
      result.seconds = (performance.now() - started) / 1000;
      resolve(result);
    });
  });
}

/** A step of a terminal session (pty_run.py): `keys` typed once the output matches `wait`; with `until`, at each new match until the output matches `until`. */
export interface TerminalStep {
  wait: string;
  keys: string;
  until?: string;
}

/**
 * `pod-ingestion ARGS...` in a pseudo-terminal (pty_run.py), as at a person's terminal: without CI's variables,
 * which make colour libraries print plain text even on a TTY. `keys` (Python escapes: \\x03 is Ctrl-C) are typed
 * once the output matches the regular expression `wait`. The output is the terminal's, escape codes and all.
 */
export async function runInTerminal(
  args: readonly string[],
  cwd: string,
  options: { wait?: string; keys?: string; steps?: readonly TerminalStep[]; env?: NodeJS.ProcessEnv; bin?: string } = {},
): Promise<{ exitCode: number; output: string }> {
  const run = await runBin(args, cwd, {
    bin: options.bin,
    under: options.steps
      ? ['python3', PTY, '--steps', JSON.stringify(options.steps)]
      : ['python3', PTY, options.wait ?? '^$', options.keys ?? ''],
    env: { CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env },
  });
  const exit = /\nexit=(-?\d+)\s*$/.exec(run.raw);
  return { exitCode: Number(exit?.[1]), output: exit ? run.raw.slice(0, exit.index) : run.raw };
}
