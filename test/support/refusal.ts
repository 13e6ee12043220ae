// What a pure core function refused: one helper for every test that asks "was this refused, and why".
import { InvalidAnswersError } from '../../src/core/field-error.js';

/**
 * The error of type `kind` (by default the refusal of answers, InvalidAnswersError) that `run` throws. A run that
 * is accepted fails the test, and any other error passes through as the failure it is.
 */
export function refusalOf<E extends Error = InvalidAnswersError>(
  run: () => unknown,
  kind: abstract new (...args: never[]) => E = InvalidAnswersError as unknown as abstract new (...args: never[]) => E,
): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error('expected a refusal, but it was accepted');
}
