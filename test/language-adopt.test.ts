// adopt and doctor in Brazilian Portuguese: every doctor finding (file, line, why, fix) and every adopt migration,
// loss, warning and refusal comes in the run's language, chosen by --lang, else a .yo-rc.json's lang, else the
// locale (they also run in hand-made folders, which have no .yo-rc.json). The detector of support/english-text.ts
// must find nothing under LANG=pt_BR.UTF-8, and must find English under LANG=C.UTF-8 (so the check can fail).
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorProject } from '../src/core/doctor-checks.js';
import { adoptEn } from '../src/core/i18n/adopt-en.js';
import { adoptPtBR } from '../src/core/i18n/adopt-pt-BR.js';
import { englishByFunctionWords, englishInMessages } from './support/english-text.js';
import { ENGLISH, PORTUGUESE, runBinWithLocale } from './support/locale-run.js';
import { requireTool } from './support/required-tool.js';
import { pythonToolsMissing } from './checkers/python.js';
import { cleanupTempDirs, tempDir } from './support/temp-dirs.js';
import { snapshot, snapshotDiff } from './support/tree.js';

afterAll(cleanupTempDirs);

const FIXTURES = fileURLToPath(new URL('./fixtures/hand-made/', import.meta.url));

function fixture(name: string): string {
  const root = join(tempDir(`language-adopt-${name}`), name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** The original shape with every flaw doctor knows in it (its run_in_docker.sh checked out with CRLF). */
function flawedProject(): string {
  const root = fixture('original');
  const script = join(root, 'run_in_docker.sh');
  writeFileSync(script, readFileSync(script, 'utf8').replace(/\n/g, '\r\n'));
  return root;
}

/** The number of findings doctorProject reports for a folder (what the bin must print, one entry each). */
function findingCount(root: string): number {
  const texts = Object.fromEntries([...snapshot(root)].map(([path, bytes]) => [path, bytes.toString('utf8')]));
  return doctorProject(texts).length;
}

describe('the adopt and doctor catalog', () => {
  it('holds no English sentence in any Portuguese text (and the same check flags the English texts)', () => {
    const inCatalog = (catalog: Record<string, string>) =>
      Object.entries(catalog).flatMap(([key, text]) => englishByFunctionWords(key, text.replace(/"(?:[^"\\]|\\.)*"/g, ' ')));
    expect(inCatalog(adoptPtBR)).toEqual([]);
    expect(inCatalog(adoptEn).length).toBeGreaterThan(Object.keys(adoptEn).length / 3);
  });
});

describe('doctor in Brazilian Portuguese', () => {
  it('under LANG=pt_BR.UTF-8 every finding of a flawed hand-made project is Portuguese (why and fix), with no English sentence', async () => {
    const root = flawedProject();
    const before = snapshot(root);
    const run = await runBinWithLocale(['doctor'], root, PORTUGUESE);
    expect(run.exitCode, run.output).toBe(1);
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);
    const count = findingCount(root);
    expect(count).toBeGreaterThan(25);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('    correção: ')).length).toBe(count);
    expect(run.stdout).not.toContain('    fix: ');
    expect(run.stdout).toContain('run_in_docker.sh:1: fim de linha do Windows (CRLF)');
    expect(run.stdout).toContain('requirements.txt:10: debugpy==1.5.1: um depurador não tem utilidade');
    expect(run.stdout).toContain('o módulo airflow.providers.cncf.kubernetes.operators.kubernetes_pod foi removido no provider 10.0.0');
    expect(run.stdout).toContain(`doctor: ${count} problemas em 5 arquivos; nada foi alterado.`);
    expect(englishInMessages('doctor', run.output)).toEqual([]);
  });

  it('under LANG=C.UTF-8 the same findings are English, and the detector flags them', async () => {
    const root = flawedProject();
    const run = await runBinWithLocale(['doctor'], root, ENGLISH);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('    fix: ')).length).toBe(findingCount(root));
    expect(run.stdout).toMatch(/doctor: \d+ findings in 5 files; nothing was changed\./);
    expect(englishInMessages('doctor', run.output).length).toBeGreaterThan(20);
  });

  it("a project's .yo-rc.json lang speaks for it whatever the locale; --lang speaks for one run; a clean project says so in its language", async () => {
    const work = tempDir('language-doctor-project');
    const made = await runBinWithLocale(['fabrica', '--pods', 'coleta', '--lang', 'pt-BR'], work, ENGLISH);
    expect(made.exitCode, made.output).toBe(0);
    const project = join(work, 'fabrica');
    const clean = await runBinWithLocale(['doctor'], project, ENGLISH);
    expect(clean.exitCode, clean.output).toBe(0);
    expect(clean.stdout).toContain('doctor: nenhum problema conhecido encontrado.');
    writeFileSync(join(project, 'run_in_docker.sh'), '#!/bin/bash\npython3 $PRG_NAME\n');
    const flawed = await runBinWithLocale(['doctor'], project, ENGLISH);
    expect(flawed.exitCode).toBe(1);
    expect(flawed.stdout).toContain('doctor: 3 problemas em 1 arquivo; nada foi alterado.');
    expect(englishInMessages('doctor', flawed.output)).toEqual([]);
    const english = await runBinWithLocale(['doctor', '--lang', 'en'], project, PORTUGUESE);
    expect(english.stdout).toContain('doctor: 3 findings in 1 file; nothing was changed.');
  });
});

const python = requireTool(pythonToolsMissing(), 'adopt reads the old DAG with python3 (read_dag.py)');

describe.runIf(python)('adopt in Brazilian Portuguese', () => {
  /** The decorator fixture's DAG, moved out of dags/, with parts adopt cannot carry: another operator, a loop. */
  function withUnsupportedParts(): { root: string; dag: string } {
    const root = fixture('decorator');
    const dag = join(root, 'sales_old.py');
    renameSync(join(root, 'dags/sales.py'), dag);
    writeFileSync(
      dag,
      readFileSync(dag, 'utf8')
        .replace(
          '    chain(',
          '    audit = PythonOperator(task_id="audit", python_callable=print)\n    for name in ["a"]:\n        KubernetesPodOperator(task_id=name)\n    chain(',
        )
        .replace('from datetime', 'from airflow.operators.python import PythonOperator\nfrom datetime'),
    );
    return { root, dag };
  }

  it('the refusal of parts it cannot carry, and the report with them skipped, are Portuguese (English under LANG=C.UTF-8)', async () => {
    const { root } = withUnsupportedParts();
    const before = snapshot(root);
    const refused = await runBinWithLocale(['adopt', '--defaults'], root, PORTUGUESE);
    expect(refused.exitCode).toBe(1);
    expect(snapshotDiff(before, snapshot(root))).toEqual([]);
    expect(refused.output).toContain('Nada foi gravado: sales_old.py tem 3 partes que o adopt não consegue migrar para a nova DAG:');
    expect(refused.output).toMatch(/sales_old\.py:\d+: uma tarefa PythonOperator: só tarefas KubernetesPodOperator são migradas/);
    expect(refused.output).toMatch(/sales_old\.py:\d+: uma tarefa criada num laço/);
    expect(refused.output).toMatch(/sales_old\.py:\d+: um KubernetesPodOperator cujo task_id não é uma constante/);
    expect(englishInMessages('adopt refusal', refused.output)).toEqual([]);

    const english = await runBinWithLocale(['adopt', '--defaults'], root, ENGLISH);
    expect(english.output).toContain('sales_old.py has 3 parts that adopt cannot carry into the new DAG:');
    expect(englishInMessages('adopt refusal', english.output).length).toBeGreaterThan(3);

    const skipped = await runBinWithLocale(['adopt', '--defaults', '--skip-unsupported'], root, PORTUGUESE);
    expect(skipped.exitCode, skipped.output).toBe(0);
    expect(skipped.output).toContain('Relatório da migração:');
    expect(skipped.output).toMatch(/fica de fora: sales_old\.py:\d+: uma tarefa PythonOperator/);
    expect(skipped.output).toMatch(/migrado: sales_old\.py:\d+: EmptyOperator\(task_id="joined"\) -> ligações diretas/);
    expect(englishInMessages('adopt report', skipped.output)).toEqual([]);
  });

  it('its other refusals are Portuguese: a DAG Python cannot parse, a --pods-dir that is reserved or missing', async () => {
    const root = fixture('scripts-only');
    writeFileSync(join(root, 'old_dag.py'), 'from airflow import DAG\nwith DAG("x") as dag:\n    t = (\n');
    const cases: [string[], string][] = [
      [['--dag', 'old_dag.py'], 'old_dag.py:3: o arquivo não é Python válido'],
      [['--pods-dir', 'tests'], 'tests/ guarda os testes gerados; mantenha os scripts numa pasta própria'],
      [['--pods-dir', 'jobs'], 'essa pasta não existe no projeto'],
    ];
    for (const [args, expected] of cases) {
      const run = await runBinWithLocale(['adopt', '--defaults', ...args], root, PORTUGUESE);
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(expected);
      expect(englishInMessages(args.join(' '), run.output)).toEqual([]);
    }
  });

  it('the migrations of the original shape (days_ago, schedule_interval, Variables, Dummy tasks, --prune) and its refusals are Portuguese; the same run under LANG=C.UTF-8 is English', async () => {
    const runs: Record<'pt' | 'en', string[]> = { pt: [], en: [] };
    const roots: Record<'pt' | 'en', string> = { pt: '', en: '' };
    for (const [language, locale] of [
      ['pt', PORTUGUESE],
      ['en', ENGLISH],
    ] as const) {
      const root = fixture('original');
      const inPlace = await runBinWithLocale(['adopt', '--defaults', '--param-default', 'PARAM_DATE=2026-01-01'], root, locale);
      expect(inPlace.exitCode).toBe(1);
      renameSync(join(root, 'dags/industrial_ingestion.py'), join(root, 'legacy_dag.py'));
      const required = await runBinWithLocale(['adopt', '--defaults'], root, locale);
      expect(required.exitCode).toBe(1);
      const adopted = await runBinWithLocale(['adopt', '--defaults', '--prune', '--param-default', 'PARAM_DATE=2026-01-01'], root, locale);
      expect(adopted.exitCode, adopted.output).toBe(0);
      runs[language] = [inPlace.output, required.output, adopted.output];
      roots[language] = root;
    }
    const [inPlace, required, adopted] = runs.pt;
    expect(inPlace).toContain('a nova DAG vai para dags/industrial_ingestion.py, onde está a antiga');
    expect(required).toContain('a DAG antiga roda num schedule, mas PARAM_DATE é um param sem padrão');
    expect(required).toContain('Sugestão: --param-default PARAM_DATE=... (um padrão para as execuções agendadas)');
    expect(adopted).toContain('Adotado: 6 pods em dags/industrial_ingestion.py e .yo-rc.json.');
    for (const expected of [
      'migrado: legacy_dag.py:5: import de airflow.utils.dates -> nada: o days_ago foi removido no Airflow 3.0',
      'schedule_interval -> schedule (o schedule_interval foi removido no Airflow 3.0)',
      'tarefa coleta_dados: BUCKET lia Variable.get("gcp_bucket") a cada parse do arquivo -> {{ var.value.gcp_bucket }}, lido quando a tarefa roda',
      'DummyOperator(task_id="start") -> ligações diretas entre as tarefas vizinhas (o DummyOperator foi removido)',
      'removido: requirements.txt:1: apache-airflow==2.2.3: o Airflow e os providers dele executam a DAG',
      'o Dockerfile gerado usa Python 3.12 (o seu usa 3.8, que está fora de suporte)',
      'não são tarefas (scripts auxiliares ou sem uso, copiados para a imagem mesmo assim): pods/common.py',
      'o seu run_in_docker.sh faz um trabalho a mais',
    ])
      expect(adopted).toContain(expected);
    runs.pt.forEach((output, index) => expect(englishInMessages(`adopt run ${index + 1}`, output)).toEqual([]));
    // The same three runs in English: the detector finds English in each (the check above could fail).
    expect(runs.en[2]).toContain('Migration report:');
    runs.en.forEach((output, index) => expect(englishInMessages(`adopt run ${index + 1}`, output).length).toBeGreaterThan(0));

    // The adopted project is in the language of the run that adopted it, and keeps it: a second adoption under
    // LANG=C.UTF-8 reports in Portuguese and leaves lang as it was.
    const savedLang = (root: string) =>
      (JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8')) as Record<string, { lang?: string }>)['generator-pod-ingestion']?.lang;
    expect([savedLang(roots.pt), savedLang(roots.en)]).toEqual(['pt-BR', 'en']);
    const again = await runBinWithLocale(['adopt', '--defaults', '--param-default', 'PARAM_DATE=2026-01-01'], roots.pt, ENGLISH);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toContain('Relatório da migração:');
    expect(englishInMessages('adopt again', again.output)).toEqual([]);
    expect(savedLang(roots.pt)).toBe('pt-BR');
  });
});
