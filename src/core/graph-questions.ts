import { GRAPH_FORMATS } from './pipeline-graph.js';
import { t } from './i18n/translate.js';
import type { Question } from './questions.js';
import { DEFAULTS } from './shared-questions.js';

/** The options of `pod-ingestion graph`. */
export const GRAPH_QUESTIONS: readonly Question[] = [
  {
    name: 'format',
    kind: 'choice',
    choices: GRAPH_FORMATS,
    help: 'mermaid: a Mermaid flowchart (GitHub and GitLab draw it); text: an indented tree',
    default: () => 'mermaid',
    check: (value, field) =>
      (GRAPH_FORMATS as readonly string[]).includes(value)
        ? []
        : [{ field, value, rule: t('rule.oneOf', { choices: GRAPH_FORMATS.join(', ') }) }],
  },
  DEFAULTS,
];
