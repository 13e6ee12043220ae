// The terminal driver the prompt tests stand on (support/pty_run.py): under a loaded CI machine it typed an Enter
// into the echo of an answered prompt while the generator was busy, and that Enter answered the next question.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const support = (name: string) => fileURLToPath(new URL(`./support/${name}`, import.meta.url));

async function drive(steps: object[], pause: number, env: Record<string, string> = {}): Promise<string> {
  const command = ['python3', support('slow_prompts.py'), String(pause)];
  const run = await execa('python3', [support('pty_run.py'), '--steps', JSON.stringify(steps), ...command], { env });
  return run.stdout;
}

describe('pty_run.py', () => {
  it('answers each prompt once it is drawn, not the echo of the last answer while the command is busy', async () => {
    const steps = [
      { wait: '\\?', keys: '\\r', until: 'Overwrite Dockerfile\\?' },
      { wait: 'Overwrite Dockerfile\\?', keys: 'd\\r' },
    ];
    const output = await drive(steps, 1.5);
    expect(output).toContain("answers: '' 'd'");
    expect(output).toMatch(/\nexit=0\s*$/);
  });

  it('kills a command that still waits at its time limit, and says which step waited for what', async () => {
    const output = await drive([{ wait: 'never shown', keys: '\\r' }], 0, { PTY_RUN_SECONDS: '2' });
    expect(output).toContain("still running after 2 s, killed; step 1 of 1 waited for 'never shown'");
    expect(output).toMatch(/\nexit=-9\s*$/);
  });
});
