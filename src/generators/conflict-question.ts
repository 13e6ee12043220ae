// Yeoman's conflicter asks "Overwrite <file>?" with its own English choice labels. The question passes through
// the adapter, which hands it over in the run's language: the message and each choice's label by its value (the
// value, the key letter and the file status verbs stay: they are an interface, like git's).
import { t, type MessageKey } from '../core/i18n/translate.js';

const CHOICES: Readonly<Record<string, MessageKey>> = {
  write: 'conflict.write',
  skip: 'conflict.skip',
  force: 'conflict.force',
  diff: 'conflict.diff',
  abort: 'conflict.abort',
  reload: 'conflict.reload',
  edit: 'conflict.edit',
  ignore: 'conflict.ignore',
};

interface Question {
  name?: unknown;
  type?: unknown;
  message?: unknown;
  choices?: unknown;
}

/** The conflicter's question in the active language; any other question as it is. */
export function localizeConflictQuestion<T>(question: T): T {
  const asked = question as Question;
  const overwrite = typeof asked.message === 'string' ? /^Overwrite (.*)\?$/s.exec(asked.message) : null;
  if (asked.name !== 'action' || asked.type !== 'expand' || !overwrite || !Array.isArray(asked.choices)) return question;
  const choices = asked.choices.map((choice: unknown) => {
    const key = typeof choice === 'object' && choice !== null ? CHOICES[String((choice as { value?: unknown }).value)] : undefined;
    return key ? { ...(choice as object), name: t(key) } : choice;
  });
  return { ...asked, message: t('conflict.overwrite', { path: overwrite[1]! }), choices } as T;
}

/** Every question of a prompt call, as localizeConflictQuestion leaves it. */
export function localizeConflictQuestions<T>(questions: T): T {
  return (
    Array.isArray(questions)
      ? questions.map((question: unknown) => localizeConflictQuestion(question))
      : localizeConflictQuestion(questions)
  ) as T;
}
