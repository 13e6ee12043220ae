// The messages of issue 7 that a first pass left in English: refusals of a hand-edited .yo-rc.json, the checks
// of --requirements FILE, the destination checks (a mistyped command, a file as destination), the re-run's
// overlap report and question, Yeoman's own "Overwrite ...?" question. Each is run as a user would, in a pt-BR
// project or under LANG=pt_BR.UTF-8, and must be Portuguese with no English sentence; the same under
// LANG=C.UTF-8 (or in an English project) is English, which the same detector flags, so the check can fail.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDagParams } from '../src/core/dag-params.js';
import { checkProjectPlace } from '../src/core/destination.js';
import { InvalidAnswersError, formatFieldError } from '../src/core/field-error.js';
import { useLanguage } from '../src/core/i18n/translate.js';
import { checkJinjaTemplate } from '../src/core/jinja-template.js';
import { checkOptions } from '../src/core/pip-requirements-file.js';
import { checkPodsDir } from '../src/core/pods-dir.js';
import { parseProjectConfig } from '../src/core/project-config-schema.js';
import type { ProjectConfig } from '../src/core/project-config.js';
import { checkPackages, checkRequirementsFile } from '../src/core/requirements.js';
import { describeOverlaps } from '../src/core/three-way-merge.js';
import { localizeConflictQuestion } from '../src/generators/conflict-question.js';
import { englishInMessages } from './support/english-text.js';
import { ENGLISH, PORTUGUESE, runBinWithLocale } from './support/locale-run.js';
import { runInTerminal, type TerminalStep } from './support/run-bin.js';
import { cleanupTempDirs, copyOfProject, tempDir } from './support/temp-dirs.js';

afterAll(cleanupTempDirs);

const yoRcPath = (project: string) => join(project, '.yo-rc.json');
function editSettings(project: string, change: (settings: Record<string, unknown>) => void): void {
  const stored = JSON.parse(readFileSync(yoRcPath(project), 'utf8')) as Record<string, Record<string, unknown>>;
  change(stored['generator-pod-ingestion']!);
  writeFileSync(yoRcPath(project), JSON.stringify(stored, null, 2));
}

/** A hand edit that breaks many rules of .yo-rc.json at once (shapes, keys, pods, the DAG's params). */
function breakSettings(settings: Record<string, unknown>): void {
  settings.bogus = 1;
  settings.schedule = '@daily';
  const kubernetes = settings.kubernetes as Record<string, unknown>;
  kubernetes.retries = 'three';
  const pods = settings.pods as Record<string, unknown>[];
  pods[0]!.after = ['nowhere', pods[0]!.name];
  pods[0]!.params = [
    { name: 'RUN=X', default: 'a' },
    { name: 'LINE', default: null },
  ];
  pods[0]!.env = [{ name: 'ZONE', value: '{{ ds' }];
  pods.push({ ...pods[0]!, name: ' extra.py', description: ' padded ', secrets: [{ secret: 'a:b', mountPath: '/var/secrets/x' }] });
}

let portugueseProject = '';
let englishProject = '';
beforeAll(async () => {
  const work = tempDir('messages');
  const pt = await runBinWithLocale(['fabrica', '--pods', 'coleta', '--lang', 'pt-BR'], work, ENGLISH);
  expect(pt.exitCode, pt.output).toBe(0);
  const en = await runBinWithLocale(['factory', '--pods', 'collect', '--lang', 'en'], work, PORTUGUESE);
  expect(en.exitCode, en.output).toBe(0);
  portugueseProject = join(work, 'fabrica');
  englishProject = join(work, 'factory');
});

describe('a hand-edited .yo-rc.json is refused in the project language', () => {
  it('pt-BR project under LANG=C.UTF-8: every rule in Portuguese; English project under LANG=pt_BR.UTF-8: English', async () => {
    for (const [source, locale, portuguese] of [
      [portugueseProject, ENGLISH, true],
      [englishProject, PORTUGUESE, false],
    ] as const) {
      const project = copyOfProject(source, 'hand-edit', 'project');
      editSettings(project, breakSettings);
      for (const args of [
        ['pod', 'more'],
        ['.', '--defaults'],
      ]) {
        const run = await runBinWithLocale(args, project, locale);
        expect(run.exitCode, run.output).toBe(1);
        expect(run.stderr.split('\n').length, run.stderr).toBeGreaterThan(6);
        const found = englishInMessages(`${args.join(' ')} (${portuguese ? 'pt-BR' : 'en'})`, run.stderr);
        if (portuguese) {
          expect(run.stderr).toMatch(/^Nada foi gravado: \d+ respostas são inválidas\./);
          expect(run.stderr).toContain('generator-pod-ingestion.bogus "1": chave desconhecida; as chaves são repository,');
          expect(run.stderr).toContain('kubernetes.retries "three": precisa ser um número inteiro.');
          expect(found).toEqual([]);
        } else {
          expect(run.stderr).toContain('generator-pod-ingestion.bogus "1": unknown key; the keys are repository,');
          expect(found.length).toBeGreaterThan(3);
        }
      }
    }
  });
});

describe('--requirements FILE is checked in the run language', () => {
  const LINES = [
    'pandas==2.2.3',
    '-r other.txt',
    '-c constraints.txt',
    '-e ./src',
    '--foo bar',
    '--index-url ftp://x',
    '--trusted-host bad_host!',
    '--only-binary a,,b',
    '--pre=yes',
    '--extra-index-url',
    "--find-links 'https://x'",
    'requests==2.31.0 --hash=md5:abc',
    'requests==2.31.0 --no-deps',
    'pandas=2',
    'numpy>=1.0+cpu',
    'x' + 'y'.repeat(1001),
  ];

  it('under LANG=pt_BR.UTF-8: each bad line in Portuguese, nothing written; under LANG=C.UTF-8: English', async () => {
    const work = tempDir('requirements-file');
    writeFileSync(join(work, 'req.txt'), `${LINES.join('\n')}\n`);
    const portuguese = await runBinWithLocale(['novo', '--requirements', 'req.txt'], work, PORTUGUESE);
    expect(portuguese.exitCode).toBe(1);
    const refusals = portuguese.stderr.split('\n').filter((line) => line.startsWith('  - '));
    expect(refusals.length, portuguese.stderr).toBe(LINES.length - 1);
    expect(portuguese.stderr).toContain('--requirements "linha 2: -r other.txt": -r inclui outro arquivo de requisitos');
    expect(portuguese.stderr).toContain('numa linha própria, a opção --foo do pip não é aceita aqui');
    expect(englishInMessages('--requirements (pt-BR)', portuguese.stderr)).toEqual([]);
    const english = await runBinWithLocale(['novo', '--requirements', 'req.txt'], work, ENGLISH);
    expect(english.exitCode).toBe(1);
    expect(english.stderr).toContain('--requirements "line 2: -r other.txt": -r includes another requirements file');
    expect(englishInMessages('--requirements (en)', english.stderr).length).toBeGreaterThan(LINES.length / 2);
  });
});

describe('the destination checks speak the language decided first (--lang, the project, the locale)', () => {
  it('a mistyped command inside a pt-BR project under LANG=C.UTF-8 is refused in Portuguese; inside an English one in English', async () => {
    const portuguese = await runBinWithLocale(['publsh'], portugueseProject, ENGLISH);
    expect(portuguese.exitCode).toBe(1);
    expect(portuguese.stderr).toContain('isto parece um comando digitado errado');
    expect(portuguese.stderr).toContain('você quis dizer `pod-ingestion publish`?\n');
    expect(englishInMessages('publsh (pt-BR)', portuguese.stderr)).toEqual([]);
    const english = await runBinWithLocale(['publsh'], englishProject, PORTUGUESE);
    expect(english.stderr).toContain('this looks like a mistyped command');
    expect(englishInMessages('publsh (en)', english.stderr).length).toBeGreaterThan(0);
    const forced = await runBinWithLocale(['publsh', '--lang', 'en'], portugueseProject, ENGLISH);
    expect(forced.stderr).toContain('this looks like a mistyped command');
  });

  it('a new project inside a pt-BR project under --defaults is refused in Portuguese', async () => {
    const refused = await runBinWithLocale(['subpasta', '--defaults'], portugueseProject, ENGLISH);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('essa pasta fica dentro do projeto');
    expect(englishInMessages('nested (pt-BR)', refused.stderr)).toEqual([]);
  });

  it('a file as the destination: Portuguese under LANG=pt_BR.UTF-8, English under LANG=C.UTF-8', async () => {
    const work = tempDir('file-destination');
    writeFileSync(join(work, 'notes'), 'a file\n');
    const portuguese = await runBinWithLocale(['notes'], work, PORTUGUESE);
    expect(portuguese.exitCode).toBe(1);
    expect(portuguese.stderr).toContain('Nada foi gravado: o destino');
    expect(portuguese.stderr).toContain('é um arquivo, não uma pasta');
    expect(englishInMessages('file destination (pt-BR)', portuguese.stderr)).toEqual([]);
    const english = await runBinWithLocale(['notes'], work, ENGLISH);
    expect(english.stderr).toContain('is a file, not a folder; give a new folder or a pod-ingestion project');
    expect(englishInMessages('file destination (en)', english.stderr).length).toBeGreaterThan(0);
  });
});

describe("a re-run's overlapping edit is reported in the project language", () => {
  it('under --defaults (kept) and --force (taken): Portuguese in a pt-BR project under LANG=C.UTF-8', async () => {
    for (const force of [false, true]) {
      const project = copyOfProject(portugueseProject, 'overlap', 'fabrica');
      const dockerfile = readFileSync(join(project, 'Dockerfile'), 'utf8');
      const edited = dockerfile.replace(/ARG PYTHON_VERSION=(\S+)\n/, 'ARG PYTHON_VERSION=$1.9\n');
      expect(edited).not.toBe(dockerfile);
      writeFileSync(join(project, 'Dockerfile'), edited);
      const run = await runBinWithLocale(['.', '--defaults', '--python', '3.13', ...(force ? ['--force'] : [])], project, ENGLISH);
      expect(run.exitCode, run.output).toBe(0);
      expect(run.stderr).toMatch(/Dockerfile, linha \d+: a sua edição e a nova geração mudam as mesmas linhas/);
      expect(run.stderr).toContain(force ? 'linhas novas usadas nesse trecho' : 'suas linhas mantidas nesse trecho');
      expect(englishInMessages(`overlap${force ? ' --force' : ''}`, run.stderr)).toEqual([]);
    }
  });
});

describe("Yeoman's overwrite question in a terminal", () => {
  it('asks "Sobrescrever Dockerfile?" with Portuguese choices and diff legend in a pt-BR project; "n" keeps the file', async () => {
    const project = copyOfProject(portugueseProject, 'overwrite', 'fabrica');
    // Without the generated bases a re-run asks Yeoman's overwrite question for a file the user changed.
    rmSync(join(project, '.pod-ingestion'), { recursive: true, force: true });
    appendFileSync(join(project, 'Dockerfile'), '# meu\n');
    const run = await runInTerminal(['.'], project, {
      env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
      steps: [
        { wait: '\\?', keys: '\\r', until: 'Sobrescrever Dockerfile\\?' },
        { wait: 'Sobrescrever Dockerfile\\?', keys: 'h\\r' },
        { wait: 'não sobrescrever', keys: 'd\\r' },
        { wait: 'acrescentado', keys: 'n\\r' },
      ],
    });
    const output = run.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(run.exitCode, output).toBe(0);
    expect(output).toContain('Sobrescrever Dockerfile?');
    for (const label of ['sobrescrever este e todos os outros', 'mostrar as diferenças entre o antigo e o novo', 'cancelar'])
      expect(output).toContain(label);
    expect(output).not.toContain('Overwrite Dockerfile?');
    // "d": the diff under its legend, in Portuguese too.
    expect(output).toContain('- removido + acrescentado');
    expect(readFileSync(join(project, 'Dockerfile'), 'utf8')).toContain('# meu');
  });
});

describe('a yes/no question in a terminal', () => {
  /** The new-project questions at a terminal, Enter on each until the yes/no one, then `answers`; Ctrl-C at the next. */
  async function askUntilConfirm(locale: string, hint: string, answers: TerminalStep[], next: string): Promise<string> {
    const run = await runInTerminal(['projeto', '--repository', 'acme', '--container', 'fabrica'], tempDir('confirm-words'), {
      env: { LANG: locale, LC_ALL: undefined, LC_MESSAGES: undefined },
      steps: [{ wait: '\\?', keys: '\\r', until: hint }, ...answers, { wait: next, keys: '\\x03' }],
    });
    expect(run.exitCode, run.output).toBe(130);
    // Without colours, and without the line breaks of a terminal that wraps at 80 columns.
    return run.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r?\n/g, '');
  }

  it('reads "(s/N)" and answers "Sim" in Portuguese; a word that is neither is refused in Portuguese', async () => {
    const answers = [
      { wait: '\\(s/N\\)', keys: 'talvez\\r' },
      { wait: 'Responda', keys: '\\x15s\\r' },
    ];
    const output = await askUntilConfirm('pt_BR.UTF-8', '\\(s/N\\)', answers, 'Onde os pods gravam');
    expect(output).toContain('Responda "Sim" ou "Não"');
    expect(output).toMatch(/conexão\)\? Sim/);
    expect(output).not.toContain('(y/N)');
  });

  it('reads "(y/N)" and answers "Yes" in English, as before', async () => {
    const output = await askUntilConfirm('C.UTF-8', '\\(y/N\\)', [{ wait: '\\(y/N\\)', keys: 'y\\r' }], 'Where the pods write');
    expect(output).toMatch(/connection\)\? Yes/);
  });
});

describe('every rule text of these checks, in process', () => {
  afterEach(() => useLanguage('en'));

  /** The refusals each check gives for bad input, as the user reads them. */
  function refusals(): string[] {
    const config = JSON.parse(readFileSync(yoRcPath(portugueseProject), 'utf8'))['generator-pod-ingestion'] as Record<string, unknown>;
    breakSettings(config);
    const lines: string[] = [];
    try {
      parseProjectConfig(config);
    } catch (error) {
      lines.push(...(error as InvalidAnswersError).errors.map(formatFieldError));
    }
    for (const shape of [
      [],
      'x',
      { ...config, airflow: { description: 'd', tags: 'x', catchup: 1, startDate: '2026-13-01', defaultArgs: { retries: 1, 'a-b': 2 } } },
    ])
      try {
        parseProjectConfig(shape);
      } catch (error) {
        lines.push(...(error as InvalidAnswersError).errors.map(formatFieldError));
      }
    for (const options of [
      '--x "y"',
      '--pre=1',
      '--index-url',
      '--trusted-host a_b',
      '--no-binary ,',
      '-r a',
      '-cfile',
      '--editable .',
      '--bogus',
    ])
      lines.push(checkOptions(options, false)?.rule ?? `accepted: ${options}`);
    lines.push(checkOptions('--hash=sha1:ab', true)?.rule ?? 'accepted hash', checkOptions('--no-deps', true)?.rule ?? 'accepted');
    for (const value of [
      '{{ ds',
      '{{ }}',
      '{{ a[ }}',
      '{{ a b }}',
      '{{ a | 1 }}',
      '{{ a. }}',
      '{# x',
      '{% if %}',
      '{% raw %}x',
      '{{ "x }}',
      '{{ a $ }}',
      `{{ ${'('.repeat(40)}a${')'.repeat(40)} }}`,
    ])
      lines.push(checkJinjaTemplate(value)?.rule ?? `accepted: ${value}`);
    lines.push(
      ...checkPackages('packages', ['a\u2028b', 'x'.repeat(1001)]).map(formatFieldError),
      ...checkPackages(
        'packages',
        Array.from({ length: 101 }, (_, index) => `p${index}`),
      ).map(formatFieldError),
      ...checkRequirementsFile('requirements', 'a\u001cb\n').map(formatFieldError),
      ...checkRequirementsFile('requirements', `${'x'.repeat(1001)}\n`).map(formatFieldError),
      ...checkRequirementsFile('requirements', Array.from({ length: 2001 }, (_, index) => `p${index}`).join('\n')).map(formatFieldError),
    );
    const pods = [
      { name: 'a', description: '', after: [], env: [], params: [{ name: 'P', default: null }], secrets: [] },
      { name: 'b', description: '', after: [], env: [], params: [{ name: 'P', default: 'x' }], secrets: [] },
    ];
    lines.push(...checkDagParams({ schedule: '@daily', pods } as unknown as ProjectConfig, 'project').map(formatFieldError));
    for (const facts of [{ destination: 'publsh', exists: false, enclosingProject: '/p' }])
      try {
        checkProjectPlace(facts);
      } catch (error) {
        lines.push((error as Error).message);
      }
    for (const folder of ['/x', 'a'.repeat(201), 'dags/x', 'tests/x', 'a b'])
      lines.push(checkPodsDir(folder)?.rule ?? `accepted: ${folder}`);
    lines.push(describeOverlaps('Dockerfile', [{ base: [], ours: ['mine'], theirs: ['new'], oursLine: 3 }]));
    const question = localizeConflictQuestion({
      name: 'action',
      type: 'expand',
      message: 'Overwrite Dockerfile?',
      choices: ['write', 'skip', 'force', 'diff', 'abort', 'reload', 'edit', 'ignore'].map((value) => ({
        key: value[0],
        name: value,
        value,
      })),
    });
    lines.push(question.message, ...question.choices.map((choice) => choice.name));
    return lines;
  }

  it('are Portuguese in pt-BR (no English sentence, none accepted by mistake) and English in en (the detector flags them)', () => {
    useLanguage('pt-BR');
    const portuguese = refusals();
    expect(portuguese.filter((line) => line.startsWith('accepted'))).toEqual([]);
    expect(portuguese.length).toBeGreaterThan(50);
    expect(portuguese.flatMap((line, index) => englishInMessages(`${index}`, line))).toEqual([]);
    useLanguage('en');
    const english = refusals();
    expect(english.length).toBe(portuguese.length);
    expect(english.flatMap((line, index) => englishInMessages(`${index}`, line)).length).toBeGreaterThan(english.length / 2);
  });
});
