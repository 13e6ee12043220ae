// Reads one requirements line. pip-requirements-js builds its PEP 508 grammar when first used, which costs more
// than the rest of a run's start-up; most lines are a name, extras and version clauses with no spaces
// (pandas==2.2.3, "pyarrow>=14,<20", requests[socks]), and those are read here with the same result. Every
// other line (markers, URLs, options, comments, spaces) goes to the full parser, loaded only then.
import { parsePipRequirementsLine as parseFully, type Requirement, type VersionSpec } from 'pip-requirements-js';

type Parsed = Requirement | null;

// PEP 508 names as pip-requirements-js's grammar has them: alphanumerics, inner runs of "-", "_", ".".
const NAME = '[A-Za-z0-9](?:[-_.]*[A-Za-z0-9])*';
// Its versions: alphanumerics and - _ . * + !; "===" (arbitrary equality) is left to the full parser.
const CLAUSE = '(?:<=|<|!=|==|>=|>|~=)[A-Za-z0-9\\-_.*+!]+';
const SIMPLE = new RegExp(`^(${NAME})(?:\\[(${NAME}(?:,${NAME})*)\\])?((?:${CLAUSE})(?:,${CLAUSE})*)?$`);
const CLAUSE_PARTS = /^(<=|<|!=|==|>=|>|~=)(.+)$/;
const BLANK_OR_COMMENT = /^\s*(?:#.*)?$/s;
const TRAILING_COMMENT = /\s+#.*$/s;

/**
 * The requirement of a simple line, shaped as pip-requirements-js's (null for a blank or comment line), or
 * undefined when the line is not simple.
 */
export function parseSimpleRequirement(line: string): Requirement | null | undefined {
  if (BLANK_OR_COMMENT.test(line)) return null;
  const match = SIMPLE.exec(line.replace(TRAILING_COMMENT, ''));
  if (!match) return undefined;
  const [, name, extras, clauses] = match;
  return {
    type: 'ProjectName',
    name: name!,
    ...(clauses
      ? {
          versionSpec: clauses.split(',').map((clause) => {
            const [, operator, version] = CLAUSE_PARTS.exec(clause)!;
            return { operator: operator as VersionSpec['operator'], version: version! };
          }),
        }
      : {}),
    ...(extras ? { extras: extras.split(',') } : {}),
  };
}

export function parsePipRequirementsLine(line: string): Parsed {
  const quick = parseSimpleRequirement(line);
  return quick === undefined ? parseFully(line) : quick;
}
