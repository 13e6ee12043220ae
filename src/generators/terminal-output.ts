// Where a run's lines go, whoever runs the generator (the bin or `yo`): Yeoman's logger writes every line to
// stderr, keeping stdout "for meaningful values"; a run's progress and file status lines are its output, so they
// go to stdout, and `2>/dev/null` hides only problems (errors and warnings are written to stderr, by us and by
// yo). The conflict question's diff gets a legend that reads "- removed + added" (the conflicter prints
// "removedadded"), and Yeoman's "Overwrite X?" question is asked in the run's language. All are settings of the
// environment's adapter, made once, from the generator: yo's own files stay as they are.
import { createLogger, type Logger } from '@yeoman/adapter';
import { t } from '../core/i18n/translate.js';
import { localizeConflictQuestions } from './conflict-question.js';

/** What the environment's adapter exposes: a QueuedAdapter (the default, yo's and the bin's) has the terminal one inside. */
interface AdapterShape {
  log: Logger;
  actualAdapter?: { log: Logger; prompt: (questions: unknown, initialAnswers?: unknown) => Promise<unknown> };
}

type Colored = Parameters<Logger['colored']>[0];

const mended = new WeakSet<object>();

/** The conflicter's legend, `removed` and `added` with nothing between, as the signs its lines carry, in the run's language. */
export function mendLegend(messages: Colored): Colored {
  const at = messages.findIndex(
    (item, index) =>
      item.message === 'removed' &&
      item.color === 'removed' &&
      messages[index + 1]?.message === '' &&
      messages[index + 2]?.message === 'added' &&
      messages[index + 2]?.color === 'added',
  );
  if (at === -1) return messages;
  return [
    ...messages.slice(0, at),
    { message: t('conflict.legendRemoved'), color: 'removed' },
    { message: ' ' },
    { message: t('conflict.legendAdded'), color: 'added' },
    ...messages.slice(at + 3),
  ];
}

/** Sends the adapter's lines to stdout and mends the diff legend; once per adapter (generators compose). */
export function useRunOutput(adapter: AdapterShape): void {
  const terminal = adapter.actualAdapter;
  if (!terminal || mended.has(terminal)) return;
  mended.add(terminal);
  const logger = createLogger({ stdout: process.stdout, stderr: process.stdout });
  const colored = logger.colored;
  logger.colored = function (this: Logger, messages: Colored) {
    colored.call(this, mendLegend(messages));
  } as Logger['colored'];
  terminal.log = logger;
  // Yeoman's own conflict question in the run's language: the conflicter asks through a queued adapter of its
  // own, which shares this terminal adapter underneath.
  const prompt = terminal.prompt.bind(terminal);
  terminal.prompt = (questions, initialAnswers) => prompt(localizeConflictQuestions(questions), initialAnswers);
  // The queued logger copied the terminal's methods when it was made; its writes already go through the new one.
  adapter.log.colored = logger.colored;
}
