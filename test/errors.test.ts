// One error taxonomy: every refusal or failure meant for the user derives from PodIngestionError and says
// what kind it is; the bin prints those as they are (test/bin.test.ts, test/pod-edits.test.ts).
import { describe, expect, it } from 'vitest';
import { PodIngestionError } from '../src/core/errors.js';
import { InvalidAnswersError } from '../src/core/field-error.js';
import { ManagedRegionError, replaceManagedRegions } from '../src/core/managed-region.js';
import { DockerError } from '../src/docker/docker-cli.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('PodIngestionError', () => {
  it('InvalidAnswersError, ManagedRegionError and DockerError derive from it and carry their kind', () => {
    const invalid = new InvalidAnswersError([{ field: 'tag', value: 'v 1', rule: 'no spaces' }]);
    const region = thrown(() =>
      replaceManagedRegions('no markers here\n', '# >>> pod-ingestion managed: tasks\n# <<< pod-ingestion managed: tasks\n', 'dags/x.py'),
    );
    const docker = new DockerError('Building', 'daemon-down', '', 'start Docker');
    expect(region).toBeInstanceOf(ManagedRegionError);
    for (const [error, kind, name] of [
      [invalid, 'invalid-answers', 'InvalidAnswersError'],
      [region, 'managed-region', 'ManagedRegionError'],
      [docker, 'docker', 'DockerError'],
    ] as const) {
      expect(error).toBeInstanceOf(PodIngestionError);
      expect(error).toMatchObject({ kind, name });
    }
  });
});
