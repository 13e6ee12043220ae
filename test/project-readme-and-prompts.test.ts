// Details users see: the project README shows identifiers in code spans as they are and never suggests adding
// a pod the project already has; "Push it?" is asked only after "Build the image now?" was answered yes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenerator } from './support/run-generator.js';

async function readme(pods: string) {
  const result = await runGenerator('app').withArguments(['proj']).withOptions({ pods, defaults: true });
  return readFileSync(join(result.cwd, 'proj/README.md'), 'utf8');
}

describe('the project README', () => {
  it('shows the DAG id in its code span without backslashes', async () => {
    const text = await readme('collect');
    expect(text).toContain('the DAG `proj_pipeline`');
    expect(text).not.toMatch(/`[^`\n]*\\[^`\n]*`/);
  });

  it('its "grow the pipeline" example adds a pod the project does not have', async () => {
    for (const pods of ['collect', 'collect,clean_orders', 'clean_orders,load_warehouse,daily_report']) {
      const text = await readme(pods);
      const suggested = /^pod-ingestion pod (\w+) --after (\w+)/m.exec(text);
      expect(suggested, text).not.toBeNull();
      expect(pods.split(',')).not.toContain(suggested![1]);
      expect(pods.split(',')).toContain(suggested![2]);
    }
  });
});

describe('prompts', () => {
  it('"Push it?" is asked only when the build was chosen', async () => {
    const result = await runGenerator('app').withArguments(['proj']).withAnswers({
      repository: 'ghcr.io/acme',
      container: 'proj',
      tag: '1.0.0',
      packages: '',
      python: '3.12',
      pods: 'collect',
      'dag-id': 'proj_pipeline',
      schedule: '',
      namespace: 'airflow',
      advanced: false,
      build: false,
    });
    const asked = result.askedQuestions.map((question) => question.name);
    expect(asked).toContain('build');
    expect(asked).not.toContain('push');
  });
});
