// Runs every checker over many generated projects at once (one shellcheck, one pyflakes, one ast.parse,
// one PEP 508 and one DAG process). Folders are read with test/support/tree.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../support/tree.js';
import { checkDags } from './dag.js';
import { checkDockerfile } from './dockerfile.js';
import { checkImageReference } from './image-reference.js';
import { parsePythonFiles, pyflakes } from './python.js';
import { checkRequirementsFiles } from './requirements.js';
import { checkShell } from './shell.js';

export interface TreeExpectation {
  /** The project folder. */
  root: string;
  /** The image reference the DAG must run (and that must parse). */
  image: string;
  /** DAG file, relative to root. */
  dag: string;
  /** The image's Python (e.g. "3.8"): pods/ and tests/ are parsed with its grammar too (ast feature_version). */
  python?: string;
  /** The scripts folder, when it is not pods/ (adopt --pods-dir). */
  podsDir?: string;
}

/** Problems by checker for each project folder, by folder. */
export function checkTrees(trees: readonly TreeExpectation[]): Record<string, Record<string, string[]>> {
  const roots = trees.map((tree) => tree.root);
  // A problem is given to the project whose folder it names; one that names none (a crashed tool) to all.
  const byRoot = (problems: string[]) => (root: string) =>
    problems.filter((problem) => problem.includes(`${root}/`) || !roots.some((other) => problem.includes(`${other}/`)));
  const parseProblems = parsePythonFiles(roots);
  for (const version of new Set(trees.map((tree) => tree.python).filter((python) => python !== undefined))) {
    const targets = trees
      .filter((tree) => tree.python === version)
      .flatMap((tree) => [join(tree.root, tree.podsDir ?? 'pods'), join(tree.root, 'tests')]);
    parseProblems.push(
      ...parsePythonFiles(targets, { featureVersion: version }).map((problem) => `${problem} (Python ${version} grammar)`),
    );
  }
  const parse = byRoot(parseProblems);
  const flakes = byRoot(pyflakes(roots));
  const shell = byRoot(checkShell(roots.map((root) => join(root, 'run_in_docker.sh'))));
  const requirements = checkRequirementsFiles(
    Object.fromEntries(roots.map((root) => [join(root, 'requirements.txt'), readFileSync(join(root, 'requirements.txt'), 'utf8')])),
  );
  const dags = checkDags(Object.fromEntries(trees.map((tree) => [join(tree.root, tree.dag), tree.image])));
  return Object.fromEntries(
    trees.map((tree) => {
      const files = readTree(tree.root);
      const crlf = Object.entries(files)
        .filter(([, content]) => content.includes('\r'))
        .map(([path]) => `${path} has CR characters (only LF line endings are expected)`);
      return [
        tree.root,
        {
          dockerfile: checkDockerfile(files.Dockerfile ?? '', tree.podsDir),
          shell: shell(tree.root),
          'python ast.parse': parse(tree.root),
          pyflakes: flakes(tree.root),
          requirements: requirements[join(tree.root, 'requirements.txt')] ?? [],
          dag: dags[join(tree.root, tree.dag)] ?? [],
          'image reference': checkImageReference(tree.image),
          'line endings': crlf,
        },
      ];
    }),
  );
}

/** Only the checkers that found something, for a readable assertion message. */
export function failures(report: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(report).filter(([, problems]) => problems.length > 0));
}
