// A check that needs an external tool (shellcheck, pyflakes3, docker...) skips with its reason where the
// tool is missing, and fails under CI=true, where .ci/run must have installed it.
import { spawnSync } from 'node:child_process';

export function toolMissing(command: string, args: string[] = ['--version']): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    return `${command} is not available (${result.error?.message ?? result.stderr.trim().split('\n')[0]})`;
  return undefined;
}

/** Returns true when the test may run; otherwise prints why it skips, or throws under CI. */
export function requireTool(reason: string | undefined, what: string): boolean {
  if (!reason) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true and a required checker is missing: ${reason}. ${what} cannot be checked. .ci/run installs it.`);
  console.warn(`SKIP ${what}: ${reason}`);
  return false;
}
