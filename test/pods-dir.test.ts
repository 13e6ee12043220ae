// The scripts folder (podsDir): a new project keeps pods/ and saves nothing; another folder reaches every place
// that names the scripts (Dockerfile COPY, .dockerignore, tests, the pod script's docstring, README); a bad
// folder is refused from the option and from a hand-edited .yo-rc.json, naming field, value and rule; a re-run
// does not move the scripts; doctor's fixes name the folder .yo-rc.json gives.
import { describe, expect, it } from 'vitest';
import { resolveAppAnswers, answersFromConfig } from '../src/core/app-answers.js';
import { doctorProject } from '../src/core/doctor-checks.js';
import { checkPodsDir } from '../src/core/pods-dir.js';
import { parseProjectConfig } from '../src/core/project-config-schema.js';
import { renderProject } from '../src/core/render-project.js';
import { refusalOf } from './support/refusal.js';

const ANSWERS = { container: 'line-pods', pods: 'collect clean_orders', defaults: true };

const refusal = (run: () => unknown): string => refusalOf(run).message;

describe('the scripts folder', () => {
  it('accepts relative folders of safe names and refuses the rest with the rule', () => {
    for (const good of ['pods', 'scripts', 'scripts/', 'src/jobs', 'jobs_2026', 'a.b/c-d'])
      expect(checkPodsDir(good), good).toBeUndefined();
    for (const bad of [
      '',
      '../x',
      'a/../b',
      '/abs',
      './scripts',
      '.hidden',
      'a b',
      "it's",
      'say"hi',
      'a//b',
      '-rf',
      'a;b',
      'x*',
      '$HOME',
      'tests',
      'dags/x',
    ])
      expect(checkPodsDir(bad), bad).toMatchObject({ rule: expect.any(String) as string });
    expect(checkPodsDir('/abs')?.suggestion).toBe('abs');
  });

  it('a new project keeps pods/ and saves no podsDir; another folder reaches every file that names the scripts', () => {
    const plain = resolveAppAnswers(ANSWERS).config;
    expect('podsDir' in plain).toBe(false);
    const files = renderProject(resolveAppAnswers({ ...ANSWERS, 'pods-dir': 'src/jobs/' }).config, '');
    expect(Object.keys(files).filter((path) => path.endsWith('.py') && !path.startsWith('dags/') && !path.startsWith('tests/'))).toEqual([
      'src/jobs/collect.py',
      'src/jobs/clean_orders.py',
    ]);
    expect(files.Dockerfile).toContain('COPY --chown=appuser:appuser src/jobs/ /app/');
    expect(files['.dockerignore']).toContain('!src/jobs/\nsrc/jobs/**/__pycache__\nsrc/jobs/**/*.pyc\n');
    expect(files['tests/test_collect.py']).toContain('SCRIPT = Path(__file__).resolve().parent.parent / "src/jobs" / "collect.py"');
    expect(files['src/jobs/collect.py']).toContain('python src/jobs/collect.py');
    expect(files['README.md']).toContain('| `src/jobs/*.py` |');
    expect(files['README.md']).toContain('each script in `src/jobs/`');
    // No file of the project names pods/ any more (the DAG and run_in_docker.sh never did: they name /app).
    for (const [path, text] of Object.entries(files)) expect(text, path).not.toMatch(/\bpods\//);
  });

  it('a hand-edited .yo-rc.json with a bad podsDir is refused naming the key, the value and the rule', () => {
    const saved = JSON.parse(JSON.stringify(resolveAppAnswers(ANSWERS).config)) as Record<string, unknown>;
    expect(parseProjectConfig({ ...saved, podsDir: 'scripts' }).podsDir).toBe('scripts');
    expect(refusal(() => parseProjectConfig({ ...saved, podsDir: '../elsewhere' }))).toMatch(
      /\.yo-rc\.json generator-pod-ingestion\.podsDir "\.\.\/elsewhere": a folder inside the project/,
    );
    expect(refusal(() => parseProjectConfig({ ...saved, podsDir: 'my scripts' }))).toContain('podsDir "my scripts"');
    expect(refusal(() => parseProjectConfig({ ...saved, podsDir: 'scripts/' }))).toContain(
      'podsDir "scripts/": a folder is stored without spaces or a trailing "/"',
    );
    expect(refusal(() => parseProjectConfig({ ...saved, podsDir: 7 }))).toContain('podsDir "7": must be a string');
  });

  it('a re-run keeps the folder: another --pods-dir is refused, its own (or none) is fine', () => {
    const existing = resolveAppAnswers({ ...ANSWERS, 'pods-dir': 'scripts' }).config;
    expect(resolveAppAnswers(answersFromConfig(existing), undefined, existing).config.podsDir).toBe('scripts');
    expect(refusal(() => resolveAppAnswers({ ...answersFromConfig(existing), 'pods-dir': 'pods' }, undefined, existing))).toContain(
      '--pods-dir "pods": the project keeps its scripts in scripts/, and a re-run does not move them',
    );
  });

  it("doctor's fix copies the folder .yo-rc.json names, and a bad podsDir there is a finding", () => {
    const dockerfile = 'FROM python:3.12-slim\nRUN useradd appuser\nCOPY scripts/ /app/\nRUN chown -R appuser /app\n';
    const yoRc = (podsDir: unknown) => JSON.stringify({ 'generator-pod-ingestion': { podsDir } });
    const chownFix = (files: Record<string, string>) =>
      doctorProject(files).find((finding) => finding.why.includes('recursive chown'))?.fix;
    expect(chownFix({ Dockerfile: dockerfile, '.yo-rc.json': yoRc('scripts') })).toContain('COPY --chown=appuser:appuser scripts/ /app/');
    expect(chownFix({ Dockerfile: dockerfile })).toContain('COPY --chown=appuser:appuser pods/ /app/');
    const findings = doctorProject({ '.yo-rc.json': yoRc('/etc') });
    expect(findings).toEqual([
      expect.objectContaining({ file: '.yo-rc.json', why: expect.stringContaining('podsDir "/etc": a folder inside the project') }),
    ]);
  });
});
