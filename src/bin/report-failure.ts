// How the bin ends a failed run: our refusals and Docker failures are sentences for the user and print as they
// are; a stop by the user says that nothing was written; anything else is a bug, told in one line with what to
// do, and its stack only on request (--debug, or DEBUG=pod-ingestion).
import { t } from '../core/i18n/translate.js';
import { PodIngestionError } from '../core/errors.js';

/** inquirer's errors when a prompt is closed by Ctrl-C (ExitPromptError) or aborted. */
const PROMPT_CLOSED = new Set(['ExitPromptError', 'AbortPromptError']);

/** Whether the user asked for details: `--debug` (taken out of `args`), or DEBUG naming pod-ingestion. */
export function takeDebugFlag(args: string[]): boolean {
  const index = args.indexOf('--debug');
  if (index !== -1) args.splice(index, 1);
  const fromEnvironment = (process.env.DEBUG ?? '')
    .split(/[\s,]+/)
    .some((name) => name === '*' || name === 'pod-ingestion' || name === 'pod-ingestion:*');
  return index !== -1 || fromEnvironment;
}

/** Prints the failure on stderr and returns the exit code. */
export function reportFailure(error: unknown, debug: boolean): number {
  if ((error instanceof PodIngestionError && error.kind === 'cancelled') || PROMPT_CLOSED.has((error as Error | undefined)?.name ?? '')) {
    console.error(t('cancelled'));
    return 130;
  }
  if (error instanceof PodIngestionError) {
    console.error(error.message);
    if (debug && error.stack) console.error(error.stack);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(t('unexpected', { message: message.split('\n')[0] ?? '' }));
  if (debug) console.error(error instanceof Error && error.stack ? error.stack : message);
  else console.error(t('unexpectedHelp'));
  return 1;
}

/** A closed stdout (`pod-ingestion ... | head -1`) must not stop a run half-way: what is left to print is dropped. */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
