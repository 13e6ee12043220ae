// inquirer's yes/no question answers "Yes"/"No" and shows the hint "(y/N)" made of their first letters; its theme
// carries those words. In the run's language they read "Sim"/"Não" and "(s/N)" in Portuguese; inquirer still
// accepts y and n whatever the words are, so the keys a user knows keep working.
import { t } from '../core/i18n/translate.js';

/** `questions` with every yes/no question given the run's words; any other question as it is. */
export function withConfirmWords<T>(questions: T): T {
  const localize = (question: unknown): unknown => {
    if (typeof question !== 'object' || question === null || (question as { type?: unknown }).type !== 'confirm') return question;
    const keywords = {
      yes: t('confirm.yes'),
      no: t('confirm.no'),
      error: ({ yes, no }: { yes: string; no: string }) => t('confirm.mustAnswer', { yes, no }),
    };
    return { ...question, theme: { keywords } };
  };
  return (Array.isArray(questions) ? questions.map(localize) : localize(questions)) as T;
}
