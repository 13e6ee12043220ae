// Checks shell scripts with shellcheck (as bash, every severity down to style) and `bash -n`.
// Both run through child_process with argument arrays: no shell parses the file names.
import { spawnSync } from 'node:child_process';
import { toolMissing } from '../support/required-tool.js';

/** Why the shell checkers cannot run here, or undefined when they can. */
export function shellToolsMissing(): string | undefined {
  return toolMissing('shellcheck') ?? toolMissing('bash', ['-c', 'true']);
}

/** Problems found in the given scripts (one shellcheck call for all of them); empty when clean. */
export function checkShell(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const problems: string[] = [];
  const shellcheck = spawnSync('shellcheck', ['--shell=bash', '--severity=style', '--external-sources', '--format=gcc', '--', ...files], {
    encoding: 'utf8',
  });
  if (shellcheck.error) throw shellcheck.error;
  if (shellcheck.status !== 0) {
    const lines = `${shellcheck.stdout}${shellcheck.stderr}`.split('\n').filter(Boolean);
    problems.push(...(lines.length > 0 ? lines.map((line) => `shellcheck: ${line}`) : [`shellcheck exited with ${shellcheck.status}`]));
  }
  for (const file of files) {
    const syntax = spawnSync('bash', ['-n', '--', file], { encoding: 'utf8' });
    if (syntax.error) throw syntax.error;
    if (syntax.status !== 0) problems.push(`bash -n ${file}: ${syntax.stderr.trim() || `exit ${syntax.status}`}`);
  }
  return problems;
}

/**
 * The words bash reads from each command line, as a user pasting it would run it: one bash process runs every
 * line, in an empty folder (no glob matches), with each line's command (`docker`, `kubectl`...) a function that
 * prints its arguments. A line that smuggled a second command or a substitution gives other words, or more lists.
 */
export function shellWords(lines: readonly string[], commands: readonly string[], cwd: string): string[][] {
  if (lines.length === 0) return [];
  const define = commands.map((command) => `${command}() { printf '%s\\0' ${JSON.stringify(command)} "$@"; printf '\\1'; }`).join('\n');
  const result = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', `${define}\n${lines.join('\n')}\n`], {
    cwd,
    encoding: 'utf8',
    env: { PATH: '/nonexistent' },
  });
  if (result.error) throw result.error;
  return result.stdout
    .split('\u0001')
    .slice(0, -1)
    .map((record) => record.split('\u0000').slice(0, -1));
}
