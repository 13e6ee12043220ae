// What --force and --defaults mean when a generated file meets the user's version of it: the one place that
// reads them. --force never means "throw the user's work away": the new rendering wins only where it collides
// with an edit (an edited managed block, an overlap of a three-way merge, a file with no stored base to merge
// from); the user's other edits stay.
import type { PodIngestionGenerator } from './base-generator.js';

export interface WritePolicy {
  /** --force: where the new rendering and an edit collide, the rendering wins, unasked. */
  force: boolean;
  /** Someone can be asked (no --defaults); otherwise a collision keeps the user's version and says so. */
  interactive: boolean;
}

/** `defaults`: whether --defaults is in effect (the app generator also reads it from an answers file). */
export function writePolicy(generator: PodIngestionGenerator, defaults = generator.options.defaults === true): WritePolicy {
  return { force: generator.options.force === true, interactive: !defaults };
}
