import type { Question } from './questions.js';
import { DEFAULTS } from './shared-questions.js';

/** The options of `pod-ingestion remove NAME`; NAME itself is the positional argument. */
export const REMOVE_QUESTIONS: readonly Question[] = [
  {
    name: 'rewire',
    kind: 'boolean',
    help: 'when other pods run after it, make them run after its upstreams instead (without this, the removal is refused)',
    default: () => false,
  },
  {
    name: 'delete-script',
    kind: 'boolean',
    help: "also delete the script NAME.py (in pods/, or the project's scripts folder) and tests/test_NAME.py (kept by default: they are your code)",
    default: () => false,
  },
  DEFAULTS,
];
