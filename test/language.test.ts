// The tool in Brazilian Portuguese (issue 7): the language comes from --lang, the answers file, the project's
// .yo-rc.json or the locale, in that order; a pt-BR project is written in Portuguese, passes every checker of
// the generated tree, runs its own tests, and holds no English sentence; under LANG=C.UTF-8 everything is
// English as before.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInTerminal } from './support/run-bin.js';
import { adoptEn } from '../src/core/i18n/adopt-en.js';
import { adoptPtBR } from '../src/core/i18n/adopt-pt-BR.js';
import { en } from '../src/core/i18n/en.js';
import { languageOfEnvironment } from '../src/core/i18n/language.js';
import { projectEn } from '../src/core/i18n/project-en.js';
import { projectPtBR } from '../src/core/i18n/project-pt-BR.js';
import { ptBR } from '../src/core/i18n/pt-BR.js';
import { untranslatedDeclared } from '../src/core/i18n/translate.js';
import { MESSAGES_LANGUAGE_QUESTION } from '../src/core/language-questions.js';
import { checkTrees, failures } from './checkers/tree.js';
import { readTree } from './support/tree.js';
import { pythonToolsMissing } from './checkers/python.js';
import { shellToolsMissing } from './checkers/shell.js';
import { packagingMissing } from './checkers/requirements.js';
import {
  englishByCatalogPhrases,
  englishByFunctionWords,
  englishCatalogPhrases,
  englishInMessages,
  proseOf,
  pythonProse,
  type EnglishFinding,
} from './support/english-text.js';
import { ENGLISH, PORTUGUESE, runBinWithLocale } from './support/locale-run.js';
import { EVERY_COMMAND_QUESTION } from './support/every-question.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { PYTHON } from './checkers/python.js';
import { requireTool } from './support/required-tool.js';

afterAll(cleanupTempDirs);

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1]).sort();
const yoRc = (project: string) =>
  JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-pod-ingestion'] as Record<string, unknown>;

describe('the language of a run', () => {
  it('comes from the first of LC_ALL, LC_MESSAGES, LANG that is set; pt_BR, pt-BR and pt mean Portuguese, anything else English', () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [{ LANG: 'pt_BR.UTF-8' }, 'pt-BR'],
      [{ LANG: 'pt_BR' }, 'pt-BR'],
      [{ LANG: 'pt_BR.utf8@euro' }, 'pt-BR'],
      [{ LANG: 'pt-BR' }, 'pt-BR'],
      [{ LANG: 'pt' }, 'pt-BR'],
      [{ LANG: 'pt_PT.UTF-8' }, 'en'],
      [{ LANG: 'C.UTF-8' }, 'en'],
      [{ LANG: 'fr_FR.UTF-8' }, 'en'],
      [{ LANG: 'portuguese' }, 'en'],
      [{}, 'en'],
      [{ LC_ALL: 'pt_BR.UTF-8', LANG: 'C.UTF-8' }, 'pt-BR'],
      [{ LC_ALL: 'C.UTF-8', LANG: 'pt_BR.UTF-8' }, 'en'],
      [{ LC_MESSAGES: 'pt_BR.UTF-8', LANG: 'en_US.UTF-8' }, 'pt-BR'],
      [{ LC_ALL: '', LC_MESSAGES: 'C', LANG: 'pt_BR.UTF-8' }, 'en'],
      [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'pt_BR.UTF-8' }, 'pt-BR'],
    ];
    for (const [environment, language] of cases) expect(languageOfEnvironment(environment), JSON.stringify(environment)).toBe(language);
  });
});

describe('the catalogs', () => {
  const pairs = [
    { name: 'messages', english: en as Record<string, string>, portuguese: ptBR as Record<string, string> },
    { name: 'project words', english: projectEn as Record<string, string>, portuguese: projectPtBR as Record<string, string> },
    { name: 'adopt and doctor', english: adoptEn as Record<string, string>, portuguese: adoptPtBR as Record<string, string> },
  ];

  it('have the same keys, and each Portuguese text only placeholders of its English one (all of them but where a detail is left out)', () => {
    const leftOut: Record<string, string[]> = { 'requirements.parseAt': ['expected'] };
    for (const { name, english, portuguese } of pairs) {
      expect(Object.keys(portuguese).sort(), name).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english)) {
        const expected = placeholders(english[key]!).filter((placeholder) => !(leftOut[key] ?? []).includes(placeholder!));
        expect(placeholders(portuguese[key]!), `${name} ${key}`).toEqual(expected);
      }
    }
  });

  it('hold no English text copied as a translation (the few texts that read the same in both are listed)', () => {
    // Code with a Portuguese verb that is spelled as the English one ("use"), or a name and a version.
    const same = new Set([
      'shell.noScripts',
      'doctor.baseEndOfLife.python',
      'doctor.pipNoCache.fix',
      'doctor.dag.scheduleInterval.fix',
      'doctor.dag.progressCallback.fix',
    ]);
    for (const { name, english, portuguese } of pairs) {
      for (const key of Object.keys(english))
        if (!same.has(key)) expect(portuguese[key], `${name} ${key} is the English text`).not.toBe(english[key]);
    }
  });

  it('keep out of the generated strings the characters that would end them', () => {
    // Where each text lands: a double-quoted bash string, a single-quoted printf format, a Python string or
    // f-string, a single-quoted shell word around Python code (the Dockerfile's build check), a docstring.
    const rules: [RegExp, RegExp, string][] = [
      [/^shell\.(notSet|unknown|running)$/, /["$`\\]/, 'a double-quoted bash string'],
      [/^shell\.noScripts$/, /['\\]/, 'a single-quoted printf format'],
      [
        /^(pod\.(log\w+|notADate|notAFolder)|podTest\.noFile|dagTest\.(missing|noDag|noTags|noImage))$/,
        /["\\]|\{(?![A-Za-z]+\})|(?<!\{[A-Za-z]+)\}/,
        'a Python string',
      ],
      [/^dockerfile\.shadowingFound$/, /['"\\]/, 'a Python string inside a single-quoted shell word'],
      [
        /^(pod\.\w+Doc|pod\.(summary|runsAs|parameters|runDate|sourceDir|outputDir|constant|param\w*|secret|exitCodes)|podTest\.doc|dagTest\.doc|dag\.(summary|doc))$/,
        /"""|\\/,
        'a docstring',
      ],
    ];
    for (const catalog of [projectEn, projectPtBR] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) {
        for (const [keys, forbidden, place] of rules)
          if (keys.test(key)) expect(forbidden.test(text), `${key} lands in ${place}: ${text}`).toBe(false);
      }
    }
  });
});

const tools = requireTool(
  pythonToolsMissing() ?? shellToolsMissing() ?? packagingMissing(),
  'the pt-BR generated project (shellcheck, pyflakes3, python3-packaging)',
);

/** English found in the files of a generated project (by the two checks of support/english-text.ts). */
function englishIn(root: string): EnglishFinding[] {
  const files = readTree(root);
  const phrases = englishCatalogPhrases();
  const findings: EnglishFinding[] = [];
  const prose = Object.entries(files).map(([path, content]) => [path, proseOf(path, content)] as const);
  const pythonFiles = Object.keys(files).filter((path) => path.endsWith('.py'));
  for (const [where, text] of [
    ...prose,
    ...pythonProse(pythonFiles.map((path) => join(root, path))).map(([where, text]) => [where.slice(root.length + 1), text] as const),
  ]) {
    if (!text) continue;
    findings.push(...englishByFunctionWords(where, text), ...englishByCatalogPhrases(where, text, phrases));
  }
  return findings;
}

describe.runIf(tools)('a project in Brazilian Portuguese (LANG=pt_BR.UTF-8)', async () => {
  const work = tempDir('pt-br');
  // Two projects: one pushed to a registry with a pull secret, one local only: both README branches.
  const pushed = join(work, 'fabrica');
  const local = join(work, 'local');
  const first = await runBinWithLocale(
    ['fabrica', '--repository', 'ghcr.io/acme', '--pods', 'coleta,limpa_pedidos', '--image-pull-secret', 'ghcr-cred', '--python', '3.11'],
    work,
    PORTUGUESE,
  );
  const second = await runBinWithLocale(['local', '--pods', 'coleta'], work, PORTUGUESE);
  const grown = await runBinWithLocale(
    [
      'pod',
      'une_zonas',
      '--after',
      'coleta,limpa_pedidos',
      '--param',
      'RUN_DATE',
      '--param',
      'LINHA=1',
      '--env',
      'ZONA=consumo',
      '--secret',
      'gcp-key:/var/secrets/gcp',
      '--description',
      'Une as zonas de consumo',
    ],
    pushed,
    PORTUGUESE,
  );

  it('is written, with pt-BR saved in .yo-rc.json', () => {
    for (const run of [first, second, grown]) expect(run.exitCode, run.output).toBe(0);
    expect(yoRc(pushed).lang).toBe('pt-BR');
    expect(yoRc(local).lang).toBe('pt-BR');
  });

  it('passes every checker of the generated tree (Dockerfile lint, shellcheck, ast + pyflakes, requirements, DAG, UTF-8 with LF)', () => {
    const reports = checkTrees([
      { root: pushed, image: 'ghcr.io/acme/fabrica:1.0.0', dag: 'dags/fabrica_pipeline.py', python: '3.11' },
      { root: local, image: 'local:1.0.0', dag: 'dags/local_pipeline.py' },
    ]);
    expect(failures(reports[pushed]!)).toEqual({});
    expect(failures(reports[local]!)).toEqual({});
    for (const root of [pushed, local]) {
      for (const [path, content] of Object.entries(readTree(root))) {
        expect(Buffer.from(content, 'utf8').toString('utf8'), path).toBe(content);
        expect(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(root, path))), path).toBe(content);
      }
    }
  });

  it('reads in Portuguese: comments, messages, docstrings, log lines, README', () => {
    const files = readTree(pushed);
    expect(files.Dockerfile).toContain('# Os pacotes Python primeiro');
    expect(files['run_in_docker.sh']).toContain('não corresponde a nenhum script');
    expect(files['pods/coleta.py']).toContain('Tarefa de ingestão coleta');
    expect(files['pods/coleta.py']).toContain('LOG.info("iniciando a ingestão de %s"');
    expect(files['pods/une_zonas.py']).toContain('"""Une as zonas de consumo');
    expect(files['pods/une_zonas.py']).toContain('o param LINHA da DAG, que o conf de uma execução substitui');
    expect(files['tests/test_coleta.py']).toContain('Testes unitários de pods/coleta.py');
    expect(files['dags/fabrica_pipeline.py']).toContain('DAG fabrica_pipeline do Airflow');
    expect(files['README.md']).toContain('## Implantar a DAG');
    expect(readTree(local)['README.md']).toContain('Esta imagem não tem repositório');
  });

  it('holds no English sentence (catalog phrases and English function words, code excluded)', () => {
    expect([...englishIn(pushed), ...englishIn(local)]).toEqual([]);
  });

  it('the detector finds English: the same checks on the English project flag its prose', async () => {
    const englishWork = tempDir('en-control');
    const run = await runBinWithLocale(['control', '--pods', 'collect'], englishWork, ENGLISH);
    expect(run.exitCode, run.output).toBe(0);
    const found = englishIn(join(englishWork, 'control'));
    const files = [
      'Dockerfile',
      'run_in_docker.sh',
      'README.md',
      'pods/collect.py',
      'tests/test_collect.py',
      'dags/control_pipeline.py',
      'tests/test_dag_integrity.py',
      'requirements.txt',
      '.dockerignore',
      '.gitattributes',
      '.gitignore',
    ];
    // Every generated file but .yo-rc.json (JSON keys and values, no prose) is looked at; .pod-ingestion/generated/
    // holds copies of them (the re-run's merge bases).
    expect([...files, '.yo-rc.json'].sort()).toEqual(
      Object.keys(readTree(join(englishWork, 'control')))
        .filter((path) => !path.startsWith('.pod-ingestion/'))
        .sort(),
    );
    for (const file of files) {
      expect(
        found.some((finding) => finding.where.startsWith(file)),
        `nothing English found in ${file}`,
      ).toBe(true);
    }
  });

  it('runs its own unit tests (the pt-BR scripts work, and their messages say what happened)', () => {
    const result = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], {
      cwd: pushed,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('iniciando a ingestão de 2026-01-31');
    expect(result.stderr).toContain("parâmetro inválido: RUN_DATE='31/01/2026' não é uma data no formato AAAA-MM-DD");
  });
});

/** English in a message the tool printed (a refusal, --help): the values it quotes are the user's, not prose. */
const COMMANDS = ['', 'pod', 'remove', 'package', 'publish', 'run', 'graph', 'adopt', 'doctor'];

describe('questions and --help in Brazilian Portuguese', () => {
  it('every text declared with a question (help, prompt, description of its default) has its translation', () => {
    const texts = [...EVERY_COMMAND_QUESTION, MESSAGES_LANGUAGE_QUESTION]
      .flatMap((question) => [question.help, question.message, question.defaultHelp])
      .filter((text): text is string => Boolean(text));
    expect(texts.length).toBeGreaterThan(60);
    expect(untranslatedDeclared('pt-BR', texts)).toEqual([]);
  });

  it('the --help of every command is Portuguese under LANG=pt_BR.UTF-8 and with --lang pt-BR, English under LANG=C.UTF-8', async () => {
    const work = tempDir('pt-br-help');
    for (const command of COMMANDS) {
      const args = [...(command ? [command] : []), '--help'];
      const portuguese = await runBinWithLocale(args, work, PORTUGUESE);
      expect(portuguese.exitCode, portuguese.output).toBe(0);
      expect(portuguese.stdout).toContain('Opções:');
      expect(englishInMessages(`${command || 'app'} --help`, portuguese.stdout)).toEqual([]);
      const forced = await runBinWithLocale([...args, '--lang', 'pt-BR'], work, ENGLISH);
      expect(forced.stdout).toBe(portuguese.stdout);
      const english = await runBinWithLocale(args, work, ENGLISH);
      expect(english.stdout).toContain('Options:');
      expect(englishInMessages(`${command || 'app'} --help`, english.stdout).length, `${command} --help in English`).toBeGreaterThan(0);
    }
  });
});

describe('refusals in Brazilian Portuguese', () => {
  const BAD = [
    'projeto',
    '--container',
    'runPodsPython',
    '--tag',
    'v 1',
    '--pods',
    'Coleta,json,test_x,class,a/b',
    '--schedule',
    'H * * * *',
    '--namespace',
    'Air_flow',
    '--python',
    '2.7',
    '--cpu-request',
    '2',
    '--cpu-limit',
    '1',
    '--memory-limit',
    '1GB',
    '--image-pull-secret',
    'Bad_Secret',
    '--dag-id',
    'bad id',
    '--repository',
    'Ghcr.io:x/Acme',
  ];

  it('the detector finds English: the same refusal under LANG=C.UTF-8 is flagged', async () => {
    const run = await runBinWithLocale(BAD, tempDir('en-refusals'), ENGLISH);
    expect(run.exitCode).toBe(1);
    expect(englishInMessages('refusal', run.stderr).length).toBeGreaterThan(5);
  });

  it('every bad field of a new project is refused in Portuguese (field, value, rule, suggestion), with no English sentence', async () => {
    const work = tempDir('pt-br-refusals');
    const run = await runBinWithLocale(BAD, work, PORTUGUESE);
    expect(run.exitCode).toBe(1);
    expect(existsSync(join(work, 'projeto'))).toBe(false);
    expect(run.stderr).toContain('Nada foi gravado: ');
    expect(run.stderr).toContain('--container "runPodsPython": o Docker exige letras minúsculas');
    expect(run.stderr).toContain('Sugestão: run-pods-python');
    expect(run.stderr.trim().split('\n').length).toBeGreaterThan(12);
    expect(englishInMessages('refusal', run.stderr)).toEqual([]);
  });
});

describe('the commands inside a pt-BR project speak Portuguese, whatever the shell says (LANG=C.UTF-8 here)', () => {
  it('pod, package, remove, graph and their refusals: Portuguese, with no English sentence; the same under --lang en is English', async () => {
    const work = tempDir('pt-br-commands');
    const made = await runBinWithLocale(['fabrica', '--pods', 'coleta', '--lang', 'pt-BR'], work, ENGLISH);
    expect(made.exitCode, made.output).toBe(0);
    expect(made.stdout).toContain('Projeto gravado em');
    const project = join(work, 'fabrica');
    const steps: [string[], number, string][] = [
      [
        ['pod', 'limpa', '--after', 'coleta', '--param', 'RUN_DATE'],
        0,
        'Acrescentados pods/limpa.py e a tarefa limpa depois de coleta em dags/fabrica_pipeline.py.',
      ],
      [['pod', 'une', '--after', 'coleta,limpo'], 1, 'não há pod com esse nome; o projeto tem: coleta, limpa'],
      [['pod', 'limpa'], 1, 'o projeto já tem um pod "limpa"'],
      [['pod', 'limpa', '--update', '--env', 'ZONA=consumo'], 0, 'Tarefa limpa atualizada'],
      [['pod', 'x', '--secret', 'chave:/etc'], 1, 'monte em /var/secrets ou /etc/secrets'],
      [['package', 'requests>=2.28'], 0, 'requests>=2.28 acrescentado ao requirements.txt'],
      [['package', 'pandas=2'], 1, 'cada requisito é um especificador PEP 508'],
      [['remove', 'coleta'], 1, 'limpa roda depois dele; remova esse pod antes'],
      [['graph', '--format', 'text'], 0, 'coleta'],
      [['run', '--conf', '[1]', '--no-build'], 1, 'Nada foi executado: 2 problemas.'],
      [['pod', 'y', '--aftr', 'coleta'], 1, 'não conhece --aftr'],
    ];
    for (const [args, code, expected] of steps) {
      const run = await runBinWithLocale(args, project, ENGLISH);
      expect(run.exitCode, `${args.join(' ')}: ${run.output}`).toBe(code);
      expect(run.output, args.join(' ')).toContain(expected);
      expect(englishInMessages(args.join(' '), run.output), args.join(' ')).toEqual([]);
    }
    const english = await runBinWithLocale(['pod', 'une', '--after', 'coleta,limpo', '--lang', 'en'], project, PORTUGUESE);
    expect(english.exitCode).toBe(1);
    expect(english.stderr).toContain('no pod of that name; the project has: coleta, limpa');
    expect(yoRc(project).lang).toBe('pt-BR');
  });
});

describe('an interactive run in Brazilian Portuguese (a pseudo-terminal, LANG=pt_BR.UTF-8)', () => {
  it('a refused answer is explained and asked again in Portuguese; Ctrl-C says so in Portuguese (exit 130, nothing written)', async () => {
    const work = tempDir('pt-br-terminal');
    const result = await runInTerminal(['projeto', '--repository', 'acme', '--container', 'runPodsPython'], work, {
      wait: 'Nome da imagem',
      keys: '\\x03',
      env: { LANG: 'pt_BR.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined },
    });
    const output = result.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(output).toContain('--container "runPodsPython": o Docker exige letras minúsculas');
    expect(output).toContain('Nome da imagem (contêiner)');
    expect(output).toContain('cancelado, nada foi gravado');
    expect(result.exitCode).toBe(130);
    expect(existsSync(join(work, 'projeto'))).toBe(false);
  });
});

describe('which language decides', () => {
  it('--lang beats the locale, and is saved; a later `pod` keeps the project language whatever the shell says', async () => {
    const work = tempDir('lang-precedence');
    const english = await runBinWithLocale(['ingles', '--lang', 'en'], work, PORTUGUESE);
    expect(english.exitCode, english.output).toBe(0);
    expect(yoRc(join(work, 'ingles')).lang).toBe('en');
    expect(readFileSync(join(work, 'ingles', 'Dockerfile'), 'utf8')).toContain('# Python packages first');

    const portuguese = await runBinWithLocale(['portugues', '--lang', 'pt-BR'], work, ENGLISH);
    expect(portuguese.exitCode, portuguese.output).toBe(0);
    const project = join(work, 'portugues');
    expect(yoRc(project).lang).toBe('pt-BR');
    const pod = await runBinWithLocale(['pod', 'limpa'], project, ENGLISH);
    expect(pod.exitCode, pod.output).toBe(0);
    expect(yoRc(project).lang).toBe('pt-BR');
    expect(readFileSync(join(project, 'pods', 'limpa.py'), 'utf8')).toContain('Tarefa de ingestão limpa');
    const inEnglishProject = await runBinWithLocale(['pod', 'clean'], join(work, 'ingles'), PORTUGUESE);
    expect(inEnglishProject.exitCode, inEnglishProject.output).toBe(0);
    expect(readFileSync(join(work, 'ingles', 'pods', 'clean.py'), 'utf8')).toContain('Ingestion job clean');
  });

  it('an answers file may set the language; --lang on the command line wins over it', async () => {
    const work = tempDir('lang-answers');
    writeFileSync(join(work, 'class.json'), JSON.stringify({ lang: 'pt-BR', pods: ['coleta'] }));
    const fromFile = await runBinWithLocale(['turma', '--answers', 'class.json'], work, ENGLISH);
    expect(fromFile.exitCode, fromFile.output).toBe(0);
    expect(yoRc(join(work, 'turma')).lang).toBe('pt-BR');
    const overridden = await runBinWithLocale(['class', '--answers', 'class.json', '--lang', 'en'], work, ENGLISH);
    expect(overridden.exitCode, overridden.output).toBe(0);
    expect(yoRc(join(work, 'class')).lang).toBe('en');
  });

  it('an unknown --lang is refused with the list, exit 1, nothing written; an unknown LANG quietly means English', async () => {
    const work = tempDir('lang-unknown');
    const refused = await runBinWithLocale(['projeto', '--lang', 'fr'], work, PORTUGUESE);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('--lang "fr"');
    expect(refused.stderr).toContain('en, pt-BR');
    expect(existsSync(join(work, 'projeto'))).toBe(false);
    const french = await runBinWithLocale(['projet'], work, { LANG: 'fr_FR.UTF-8' });
    expect(french.exitCode, french.output).toBe(0);
    expect(french.stderr).toBe('');
    expect(yoRc(join(work, 'projet')).lang).toBe('en');
  });

  it('a hand-edited .yo-rc.json with an unknown lang is refused naming the key; one without lang (an older project) still works, in English', async () => {
    const work = tempDir('lang-yo-rc');
    const made = await runBinWithLocale(['old'], work, ENGLISH);
    expect(made.exitCode, made.output).toBe(0);
    const project = join(work, 'old');
    const stored = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'));
    stored['generator-pod-ingestion'].lang = 'klingon';
    writeFileSync(join(project, '.yo-rc.json'), JSON.stringify(stored));
    const refused = await runBinWithLocale(['pod', 'extra'], project, ENGLISH);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('generator-pod-ingestion.lang "klingon"');
    delete stored['generator-pod-ingestion'].lang;
    writeFileSync(join(project, '.yo-rc.json'), JSON.stringify(stored));
    const older = await runBinWithLocale(['pod', 'extra'], project, PORTUGUESE);
    expect(older.exitCode, older.output).toBe(0);
    expect(readFileSync(join(project, 'pods', 'extra.py'), 'utf8')).toContain('Ingestion job extra');
  });

  it('under LANG=C.UTF-8 everything is English, as before', async () => {
    const work = tempDir('lang-c');
    const run = await runBinWithLocale(['plain', '--container', 'runPodsPython'], work, ENGLISH);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Nothing was written: one answer is invalid.');
    expect(run.stderr).toContain('Docker requires lowercase');
    const made = await runBinWithLocale(['plain'], work, ENGLISH);
    expect(made.exitCode, made.output).toBe(0);
    expect(yoRc(join(work, 'plain')).lang).toBe('en');
    const portuguese = Object.values(projectPtBR)
      .flatMap((text) => text.split(/\{[A-Za-z]+\}|\n/))
      .filter((piece) => piece.trim().split(/\s+/).length >= 4);
    for (const [path, content] of Object.entries(readTree(join(work, 'plain')))) {
      for (const piece of portuguese) expect(content.includes(piece), `${path} holds Portuguese: ${piece}`).toBe(false);
    }
  });
});
