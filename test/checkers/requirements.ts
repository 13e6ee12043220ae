// Checks a requirements.txt with the reference PEP 508 parser: packaging.requirements.Requirement from
// Debian's python3-packaging, run by /usr/bin/python3 (pip's vendored copy is older and wrong on `flask==`).
import { spawnSync } from 'node:child_process';
import { toolMissing } from '../support/required-tool.js';
import { PYTHON } from './python.js';

/** Why the reference parser cannot run here, or undefined when it can. */
export function packagingMissing(): string | undefined {
  return toolMissing(PYTHON, ['-c', 'import packaging.requirements']);
}

// Reads {"name": text} on stdin; prints {"name": [problems]}. Blank lines and comments are skipped; a
// comment after whitespace ends the line, as pip reads the file.
const PARSE = String.raw`
import json, re, sys
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier
out = {}
for name, text in json.load(sys.stdin).items():
    problems = out.setdefault(name, [])
    for number, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            problems.append(f"{name}:{number}: CRLF line ending")
            line = line[:-1]
        spec = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not spec:
            continue
        try:
            Requirement(spec)
        # Debian's packaging 23 lets InvalidSpecifier escape for some specifiers (">-"): a refusal too.
        except (InvalidRequirement, InvalidSpecifier) as error:
            problems.append(f"{name}:{number}: {spec!r} is not a PEP 508 requirement: {error}")
print(json.dumps(out))
`;

/** Problems of several requirements files at once, by the name given. */
export function checkRequirementsFiles(files: Record<string, string>): Record<string, string[]> {
  const result = spawnSync(PYTHON, ['-B', '-c', PARSE], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`the PEP 508 checker failed (exit ${result.status}): ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

/** Problems of one requirements.txt; empty when every requirement line parses. */
export function checkRequirements(text: string, name = 'requirements.txt'): string[] {
  return checkRequirementsFiles({ [name]: text })[name] ?? [];
}
