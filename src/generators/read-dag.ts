// Runs python/read_dag.py (shipped in the package) on an old DAG file: Python's own parser reads it, so
// every syntax Python accepts is understood. Needs python3; says so clearly when it is missing.
import { fileURLToPath } from 'node:url';
import type { DagReading } from '../core/dag-reading.js';
import { InvalidAnswersError } from '../core/field-error.js';
import { tAdopt } from '../core/i18n/adopt-translate.js';

const READ_DAG = fileURLToPath(new URL('../../python/read_dag.py', import.meta.url));

export async function readDag(file: string, python = 'python3'): Promise<DagReading> {
  // execa loads only when a DAG is read (see scripts/build.mjs: a start reads few files).
  const { execa } = await import('execa');
  const result = await execa(python, ['-B', READ_DAG, file], { reject: false });
  if ((result as { code?: string }).code === 'ENOENT' || (result.failed && result.exitCode === undefined)) {
    throw new InvalidAnswersError([
      {
        field: 'dag',
        value: file,
        rule: tAdopt('read.noPython', { python }),
      },
    ]);
  }
  if (result.exitCode !== 0)
    throw new InvalidAnswersError([{ field: 'dag', value: file, rule: tAdopt('read.failed', { stderr: String(result.stderr).trim() }) }]);
  return JSON.parse(String(result.stdout)) as DagReading;
}
