// The options of `pod-ingestion publish`; --build is implied, it is what publish does. It asks nothing.
import { BUMPS } from './image-version.js';
import { optionsOnly, type Question } from './questions.js';
import { DEFAULTS, PLATFORM, PUSH, TAG } from './shared-questions.js';

export const PUBLISH_QUESTIONS: readonly Question[] = optionsOnly([
  PUSH,
  {
    name: 'bump',
    kind: 'choice',
    choices: BUMPS,
    help: 'raise the version first, everywhere the image is named (config, DAG, README)',
    default: () => '',
  },
  // Without --tag the project keeps its version.
  { ...TAG, default: () => '', defaultHelp: "the project's tag" },
  { name: 'latest', kind: 'boolean', help: 'also tag (and with --push, push) latest', default: () => false },
  PLATFORM,
  DEFAULTS,
]);
