// The pt-BR project on the real engine: its image builds with the Portuguese Dockerfile and scripts (UTF-8
// comments, the build check's message), and a pod runs with `docker run -e PRG_NAME=...`, speaking Portuguese,
// as the e2e tests run the English one. Skips with its reason without the engine (a failure under CI=true).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTUGUESE, runBinWithLocale } from './support/locale-run.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { requireTool } from './support/required-tool.js';
import { engineProblem } from './support/test-engine.js';

const ready = requireTool(await engineProblem(), 'the pt-BR image on the real engine');

describe.runIf(ready)('a pt-BR project on the real engine', () => {
  const image = `pt-br-${Date.now().toString(36)}:1.0.0`;
  afterAll(() => {
    spawnSync('docker', ['rmi', '-f', image], { stdio: 'ignore' });
    cleanupTempDirs();
  });
  const docker = (args: string[]) => spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('builds, and a pod runs by PRG_NAME with its Portuguese log lines; an unknown PRG_NAME is explained in Portuguese (exit 64)', async () => {
    const work = tempDir('pt-br-image');
    const made = await runBinWithLocale(['fabrica', '--pods', 'coleta', '--python', '3.11'], work, PORTUGUESE);
    expect(made.exitCode, made.output).toBe(0);
    const project = join(work, 'fabrica');

    const build = docker(['build', '-q', '-t', image, project]);
    expect(build.status, build.stderr).toBe(0);

    const run = docker(['run', '--rm', '-e', 'PRG_NAME=coleta.py', '-e', 'RUN_DATE=2026-01-31', image]);
    expect(run.status, run.stderr).toBe(0);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain('run_in_docker.sh: executando coleta.py');
    expect(output).toContain('INFO coleta: iniciando a ingestão de 2026-01-31');
    expect(output).toContain('INFO coleta: 3 linhas gravadas em /tmp/coleta/coleta_2026-01-31.csv');

    const unknown = docker(['run', '--rm', '-e', 'PRG_NAME=colet', image]);
    expect(unknown.status).toBe(64);
    expect(unknown.stderr).toContain('run_in_docker.sh: PRG_NAME="colet" não corresponde a nenhum script em /app. Scripts: coleta');

    const badDate = docker(['run', '--rm', '-e', 'PRG_NAME=coleta', '-e', 'RUN_DATE=31/01/2026', image]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain("parâmetro inválido: RUN_DATE='31/01/2026' não é uma data no formato AAAA-MM-DD");
  });

  it('the build check names a script that hides an installed module, in Portuguese', async () => {
    const work = tempDir('pt-br-shadow');
    const made = await runBinWithLocale(['sombra', '--pods', 'coleta', '--python', '3.11'], work, PORTUGUESE);
    expect(made.exitCode, made.output).toBe(0);
    const project = join(work, 'sombra');
    // A script named like a standard-library module the interpreter finds (the generator refuses such names,
    // so it is put there by hand, as a user could).
    spawnSync('cp', [join(project, 'pods', 'coleta.py'), join(project, 'pods', 'json.py')]);
    const build = docker(['build', '-t', `${image}-shadow`, project]);
    docker(['rmi', '-f', `${image}-shadow`]);
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain(
      'scripts de pod com nome de módulo instalado, que esconderiam esse módulo de todos os scripts em /app: json. Renomeie os scripts (por exemplo, json_job.py)',
    );
  });
});
