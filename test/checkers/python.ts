// Checks Python files: `ast.parse` with Debian's /usr/bin/python3 (parses, writes nothing, no .pyc) and
// pyflakes3 (undefined and unused names, imports). One process of each for any number of files or folders.
import { spawnSync } from 'node:child_process';
import { toolMissing } from '../support/required-tool.js';

export const PYTHON = '/usr/bin/python3';

/** Why the Python checkers cannot run here, or undefined when they can. */
export function pythonToolsMissing(): string | undefined {
  return toolMissing(PYTHON) ?? toolMissing('pyflakes3');
}

// Walks every argument (file or folder) for *.py and parses each; prints one JSON list of problems.
const PARSE_ALL = String.raw`
import ast, json, os, sys
feature = tuple(int(part) for part in sys.argv[1].split(".")) if sys.argv[1] else None
problems = []
def parse(path):
    try:
        with open(path, "rb") as handle:
            source = handle.read()
        if feature is None:
            ast.parse(source, filename=path)
        else:
            ast.parse(source, filename=path, feature_version=feature)
    except (SyntaxError, ValueError, UnicodeDecodeError) as error:
        problems.append(f"{path}: {type(error).__name__}: {error}")
for target in sys.argv[2:]:
    if os.path.isdir(target):
        for folder, folders, files in os.walk(target):
            folders[:] = sorted(name for name in folders if name != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    parse(os.path.join(folder, name))
    else:
        parse(target)
print(json.dumps(problems))
`;

export interface PythonCheckOptions {
  /** Parse with this Python grammar (e.g. "3.8"), as ast.parse's feature_version; default: the running one. */
  featureVersion?: string;
}

/** `ast.parse` problems of every .py in the given files and folders. */
export function parsePythonFiles(targets: readonly string[], options: PythonCheckOptions = {}): string[] {
  if (targets.length === 0) return [];
  const result = spawnSync(PYTHON, ['-B', '-c', PARSE_ALL, options.featureVersion ?? '', ...targets], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) return [`ast.parse runner failed (exit ${result.status}): ${result.stderr.trim()}`];
  return (JSON.parse(result.stdout) as string[]).map((problem) => `ast.parse: ${problem}`);
}

/** pyflakes3 messages for the given files and folders. */
export function pyflakes(targets: readonly string[]): string[] {
  if (targets.length === 0) return [];
  const result = spawnSync('pyflakes3', [...targets], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.error) throw result.error;
  if (result.status === 0) return [];
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter(Boolean);
  return lines.length > 0 ? lines.map((line) => `pyflakes: ${line}`) : [`pyflakes3 exited with ${result.status}`];
}

/** Both checks: every .py parses and is pyflakes-clean. */
export function checkPython(targets: readonly string[], options: PythonCheckOptions = {}): string[] {
  return [...parsePythonFiles(targets, options), ...pyflakes(targets)];
}

// The module docstring of each file, exactly as Python reads it (not cleaned), or null when it has none.
const DOCSTRINGS = String.raw`
import ast, json, sys
out = {}
for path in json.load(sys.stdin):
    with open(path, "rb") as handle:
        out[path] = ast.get_docstring(ast.parse(handle.read(), filename=path), clean=False)
print(json.dumps(out))
`;

/** What Python reads as the module docstring of each file (one process for all). */
export function moduleDocstrings(files: readonly string[]): Record<string, string | null> {
  if (files.length === 0) return {};
  const result = spawnSync(PYTHON, ['-B', '-c', DOCSTRINGS], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`the docstring reader failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Record<string, string | null>;
}
