// Every question each command declares, in one list for the tests that must cover all of them (the options
// document, the translations): a new command's questions are added here once.
import { ADOPT_QUESTIONS } from '../../src/core/adopt-questions.js';
import { APP_QUESTIONS } from '../../src/core/app-questions.js';
import { GRAPH_QUESTIONS } from '../../src/core/graph-questions.js';
import { PACKAGE_QUESTIONS } from '../../src/core/package-questions.js';
import { POD_QUESTIONS } from '../../src/core/pod-questions.js';
import { PUBLISH_QUESTIONS } from '../../src/core/publish-questions.js';
import type { Question } from '../../src/core/questions.js';
import { REMOVE_QUESTIONS } from '../../src/core/remove-questions.js';
import { RUN_QUESTIONS } from '../../src/core/run-questions.js';

export const EVERY_COMMAND_QUESTION: readonly Question[] = [
  ...APP_QUESTIONS,
  ...POD_QUESTIONS,
  ...REMOVE_QUESTIONS,
  ...PACKAGE_QUESTIONS,
  ...PUBLISH_QUESTIONS,
  ...RUN_QUESTIONS,
  ...GRAPH_QUESTIONS,
  ...ADOPT_QUESTIONS,
];
