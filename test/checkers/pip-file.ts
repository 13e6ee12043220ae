// Reads requirements files with pip's own parser (Debian's python3-pip, pip._internal.req.req_file): the
// lines pip sees after splitting (str.splitlines), joining "\" continuations and removing comments, each with
// its requirement and the options pip took from it. The reference for "read back as pip reads it".
import { spawnSync } from 'node:child_process';
import { toolMissing } from '../support/required-tool.js';
import { PYTHON } from './python.js';

export function pipParserMissing(): string | undefined {
  return toolMissing(PYTHON, ['-c', 'import pip._internal.req.req_file']);
}

const READ = String.raw`
import json, os, sys, tempfile
from pip._internal.network.session import PipSession
from pip._internal.req.req_file import RequirementsFileParser, get_line_parser
out = {}
session = PipSession()
for name, text in json.load(sys.stdin).items():
    handle, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    try:
        lines = []
        for line in RequirementsFileParser(session, get_line_parser(None)).parse(path, constraint=False):
            options = {key: value for key, value in vars(line.opts).items() if value and key != "format_control"}
            control = vars(line.opts).get("format_control")
            if control is not None and (control.no_binary or control.only_binary):
                options["no_binary"] = sorted(control.no_binary)
                options["only_binary"] = sorted(control.only_binary)
            lines.append({"line": line.lineno, "requirement": line.requirement if line.is_requirement else None, "editable": bool(getattr(line.opts, "editables", None)), "options": {k: (sorted(v) if isinstance(v, (list, set)) else v) for k, v in options.items()}})
        out[name] = {"lines": lines}
    except BaseException as error:
        out[name] = {"error": f"{type(error).__name__}: {error}"}
    finally:
        os.unlink(path)
print(json.dumps(out, default=str))
`;

export interface PipLine {
  line: number;
  requirement: string | null;
  editable: boolean;
  options: Record<string, unknown>;
}

/** What pip reads from each file, by the name given: its lines, or the error pip stops with. */
export function readWithPip(files: Record<string, string>): Record<string, { lines?: PipLine[]; error?: string }> {
  const result = spawnSync(PYTHON, ['-B', '-c', READ], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pip's requirements parser failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Record<string, { lines?: PipLine[]; error?: string }>;
}
