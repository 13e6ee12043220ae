// Questions that more than one command asks, declared once: the same help text, check and default
// wherever they appear (--help, prompts, answers files, docs/options.md).
import { checkTag } from './image-reference.js';
import { checkPodsDir, DEFAULT_PODS_DIR } from './pods-dir.js';
import { single, type Question } from './questions.js';

export const DEFAULTS: Question = {
  name: 'defaults',
  kind: 'boolean',
  help: 'ask nothing: use the given options and defaults for the rest',
  default: () => false,
};

/** The image version. The generator starts a project with it; `publish --tag` changes it everywhere. */
export const TAG: Question = {
  name: 'tag',
  kind: 'string',
  ask: 'always',
  message: 'Image version (tag)',
  help: 'the image version (1.0, v1.0.0); publish --tag changes it everywhere the image is named (config, DAG, README)',
  default: () => '1.0.0',
  check: single(checkTag),
};

export const PUSH: Question = {
  name: 'push',
  kind: 'boolean',
  ask: 'always',
  message: 'Push it?',
  help: 'docker push after building (the generator then builds too); relies on your docker login',
  default: () => false,
};

export const PLATFORM: Question = {
  name: 'platform',
  kind: 'string',
  help: 'build for these platforms with buildx (linux/amd64,linux/arm64)',
  default: () => '',
};

/** The scripts folder: a new project's pods/, or the folder where an adopted project keeps its scripts. */
export const PODS_DIR: Question = {
  name: 'pods-dir',
  kind: 'string',
  help: 'the folder of the pod scripts, relative to the project (scripts, src/jobs); the image copies it into /app',
  default: () => DEFAULT_PODS_DIR,
  check: single(checkPodsDir),
};
