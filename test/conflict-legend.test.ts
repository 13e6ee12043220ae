// The conflict question's diff, as a person at a terminal sees it, under the bin and under yo: "d" at "Overwrite
// Dockerfile?" shows the changes under a legend whose two words are apart and carry their lines' signs (Yeoman
// printed "removedadded").
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkedModules, LIKE_YO } from './support/like-yo.js';
import { runBin, runInTerminal } from './support/run-bin.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';

afterAll(cleanupTempDirs);
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

describe('the conflict question', () => {
  it.each([
    ['pod-ingestion', () => ({ args: ['.'] })],
    ['yo pod-ingestion', () => ({ args: [linkedModules(), 'pod-ingestion', '.'], bin: LIKE_YO })],
  ])('%s shows the diff under a legend that reads "- removed + added", in colour', async (_, command) => {
    const dir = tempDir('legend');
    expect((await runBin(['proj', '--defaults', '--pods', 'collect'], dir)).exitCode).toBe(0);
    const project = join(dir, 'proj');
    // Without the generated bases a re-run asks Yeoman's overwrite question for a file the user changed.
    rmSync(join(project, '.pod-ingestion'), { recursive: true, force: true });
    appendFileSync(join(project, 'Dockerfile'), '# mine\n');
    const { args, bin } = command();
    const run = await runInTerminal(args, project, {
      bin,
      steps: [
        { wait: '\\?', keys: '\\r', until: 'Overwrite Dockerfile\\?' },
        { wait: 'Overwrite Dockerfile\\?', keys: 'd\\r' },
        { wait: 'added', keys: 'n\\r' },
      ],
    });
    expect(run.exitCode, run.output).toBe(0);
    const legend = plain(run.output)
      .split(/\r?\n/)
      .find((line) => line.includes('removed'));
    expect(legend?.trim()).toBe('- removed + added');
    expect(plain(run.output)).toMatch(/^\+# mine|^-# mine/m);
    // In colour: each word on its own background.
    expect(run.output).toMatch(/\u001b\[41m- removed\u001b\[49m \S*\u001b\[42m\+ added/);
    // "n": the user's Dockerfile stays.
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('# mine');
  });

  it('yo pod-ingestion in a pt-BR project asks "Sobrescrever Dockerfile?", its diff under "- removido + acrescentado"', async () => {
    const dir = tempDir('legend-pt');
    expect((await runBin(['proj', '--defaults', '--lang', 'pt-BR', '--pods', 'collect'], dir)).exitCode).toBe(0);
    const project = join(dir, 'proj');
    rmSync(join(project, '.pod-ingestion'), { recursive: true, force: true });
    appendFileSync(join(project, 'Dockerfile'), '# meu\n');
    const run = await runInTerminal([linkedModules(), 'pod-ingestion', '.'], project, {
      bin: LIKE_YO,
      env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
      steps: [
        { wait: '\\?', keys: '\\r', until: 'Sobrescrever Dockerfile\\?' },
        { wait: 'Sobrescrever Dockerfile\\?', keys: 'd\\r' },
        { wait: 'acrescentado', keys: 'n\\r' },
      ],
    });
    expect(run.exitCode, run.output).toBe(0);
    expect(plain(run.output)).toContain('- removido + acrescentado');
    expect(plain(run.output)).not.toContain('Overwrite Dockerfile?');
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('# meu');
  });
});
