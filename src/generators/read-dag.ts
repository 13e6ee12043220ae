// Runs python/read_dag.py (shipped in the package) on an old DAG file: Python's own parser reads it, so
// every syntax Python accepts is understood. Needs python3; says so clearly when it is missing.
import { fileURLToPath } from 'node:url';
import type { DagReading } from '../core/dag-reading.js';
import { InvalidAnswersError } from '../core/field-error.js';

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
        rule: `adopt reads the old DAG with Python's own parser and needs ${python} on PATH, which was not found; install Python 3 (e.g. apt-get install python3), or run adopt without a DAG`,
      },
    ]);
  }
  if (result.exitCode !== 0)
    throw new InvalidAnswersError([{ field: 'dag', value: file, rule: `read_dag.py failed: ${String(result.stderr).trim()}` }]);
  return JSON.parse(String(result.stdout)) as DagReading;
}
