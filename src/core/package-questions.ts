// The options of `pod-ingestion package SPEC...`: each SPEC is a positional PEP 508 requirement; it asks nothing.
import type { Question } from './questions.js';
import { DEFAULTS } from './shared-questions.js';

export const PACKAGE_QUESTIONS: readonly Question[] = [DEFAULTS];
