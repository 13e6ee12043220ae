// Checks an image reference with @swimlane/docker-reference, which follows Docker's distribution grammar.
import { parseFamiliarName } from '@swimlane/docker-reference';

export interface ImageExpectation {
  /** The tag the reference must carry. */
  tag?: string;
}

/** Problems of a reference such as `smedina1304/run-pods-python:v1.0`; empty when Docker would accept it. */
export function checkImageReference(reference: string, expected: ImageExpectation = {}): string[] {
  let parsed;
  try {
    parsed = parseFamiliarName(reference);
  } catch (error) {
    return [`${JSON.stringify(reference)} is not a Docker image reference: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (parsed.tag === undefined) problems.push(`${JSON.stringify(reference)} has no tag`);
  if (expected.tag !== undefined && parsed.tag !== expected.tag)
    problems.push(`${JSON.stringify(reference)} has tag ${String(parsed.tag)}, expected ${expected.tag}`);
  if (parsed.digest !== undefined) problems.push(`${JSON.stringify(reference)} pins a digest; the generator writes tags`);
  return problems;
}
