// Lints a Dockerfile with dockerfile-utils (the validator behind VS Code's Dockerfile support), every
// configurable rule raised to an error, plus the rules it does not know, checked on dockerfile-ast's tree.
// Returns one string per problem; an empty list means the Dockerfile is clean.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';

/** Every severity ValidatorSettings lets a caller set (dockerfile-utils 0.16), each as an error. */
export const STRICT_SETTINGS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

// BuildKit defines these in the global scope, so FROM may use them without an ARG.
const AUTOMATIC_PLATFORM_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
]);
// The instructions whose variables must be declared before use (RUN is expanded by the shell instead).
const EXPANDED = new Set(['ENV', 'COPY', 'WORKDIR', 'USER', 'FROM']);
const PIP_INSTALL = /\b(?:pip3?|python3?\s+-m\s+pip)\s+install\b/;

function where(instruction: Instruction): string {
  return `line ${instruction.getRange().start.line + 1} (${instruction.getKeyword()})`;
}

/** Names an ARG or ENV instruction defines. */
function definedNames(instruction: Instruction): string[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'ARG' && keyword !== 'ENV') return [];
  const properties = (instruction as unknown as { getProperties(): { getName(): string }[] }).getProperties();
  return properties.map((property) => property.getName());
}

/** The non-flag arguments of a COPY/ADD: sources then destination. */
function copyArguments(instruction: Instruction): string[] {
  return instruction
    .getArguments()
    .map((argument) => argument.getValue())
    .filter((value) => !value.startsWith('--'));
}

/** `podsDir`: the project's scripts folder (pods/, or the one an adopted project keeps them in). */
export function checkDockerfile(text: string, podsDir = 'pods'): string[] {
  const problems: string[] = [];
  for (const diagnostic of validate(text, STRICT_SETTINGS)) {
    problems.push(`dockerfile-utils: line ${diagnostic.range.start.line + 1}: ${diagnostic.message} (code ${String(diagnostic.code)})`);
  }

  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();

  // No BuildKit frontend image: it would have to be pulled, which fails offline.
  if (dockerfile.getDirectives().some((directive) => directive.getName().toLowerCase() === 'syntax') || /^\s*#\s*syntax\s*=/im.test(text)) {
    problems.push('a "# syntax=" line: the build would pull a frontend image');
  }

  // Exactly one CMD, in exec form, as valid JSON: an array of strings.
  const cmds = dockerfile.getCMDs();
  if (cmds.length !== 1) problems.push(`${cmds.length} CMD instructions; exactly one is expected`);
  for (const cmd of cmds) {
    const content = (cmd.getArgumentsContent() ?? '').trim();
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((item) => typeof item === 'string')) {
      problems.push(`${where(cmd)}: CMD is not exec form with a valid JSON array of strings: ${content}`);
    }
  }

  // A USER, and the last one is not root.
  const users = instructions.filter((instruction) => instruction.getKeyword() === 'USER');
  const lastUser = users.at(-1);
  if (!lastUser) problems.push('no USER instruction: the container would run as root');
  else {
    const user = (lastUser.getArgumentsContent() ?? '').trim().split(':')[0] ?? '';
    if (user === '' || user === 'root' || user === '0') problems.push(`${where(lastUser)}: the container runs as root (USER ${user})`);
  }

  // Variables used by ENV/COPY/WORKDIR/USER/FROM are declared earlier (ARG before the first FROM only counts for FROM).
  const globalArgs = new Set<string>(AUTOMATIC_PLATFORM_ARGS);
  let stage: Set<string> | undefined;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (EXPANDED.has(keyword)) {
      const known = keyword === 'FROM' ? globalArgs : (stage ?? new Set<string>());
      for (const variable of instruction.getVariables()) {
        const name = variable.getName();
        // ${VAR:-fallback} is well defined even when VAR is not.
        if (!known.has(name) && variable.getModifier() !== '-') {
          problems.push(
            `${where(instruction)}: $${name} is used but not defined by an earlier ARG or ENV${keyword === 'FROM' ? ' before FROM' : ' in this stage'}`,
          );
        }
      }
    }
    if (keyword === 'FROM') stage = new Set();
    else if (stage === undefined) {
      for (const name of definedNames(instruction)) globalArgs.add(name);
    } else {
      for (const name of definedNames(instruction)) stage.add(name);
    }
  }

  // pip without its download cache; no recursive chown layers (COPY --chown instead).
  const runs = instructions.filter((instruction) => instruction.getKeyword() === 'RUN');
  for (const run of runs) {
    const content = run.getArgumentsContent() ?? '';
    if (PIP_INSTALL.test(content) && !/(?:^|\s)--no-cache-dir(?:\s|$)/.test(content))
      problems.push(`${where(run)}: pip install without --no-cache-dir`);
    if (/\bchown\s+(?:[^;&|]*\s)?(?:-[A-Za-z]*R[A-Za-z]*|--recursive)\b/.test(content))
      problems.push(`${where(run)}: chown -R duplicates every file in a new layer; use COPY --chown`);
  }

  // Layer order: requirements copied, then installed, then the scripts copied.
  const index = (predicate: (instruction: Instruction) => boolean) => instructions.findIndex(predicate);
  const isCopy = (instruction: Instruction) => instruction.getKeyword() === 'COPY' || instruction.getKeyword() === 'ADD';
  const copyRequirements = index(
    (instruction) =>
      isCopy(instruction) &&
      copyArguments(instruction)
        .slice(0, -1)
        .some((source) => /(?:^|\/)requirements[^/]*\.txt$/.test(source)),
  );
  const installRequirements = index(
    (instruction) =>
      instruction.getKeyword() === 'RUN' &&
      PIP_INSTALL.test(instruction.getArgumentsContent() ?? '') &&
      /\s-r\s+\S*requirements[^/\s]*\.txt\b/.test(instruction.getArgumentsContent() ?? ''),
  );
  const copyPods = index(
    (instruction) =>
      isCopy(instruction) &&
      copyArguments(instruction)
        .slice(0, -1)
        .some((source) => `${source.replace(/^\.\//, '')}/`.startsWith(`${podsDir}/`)),
  );
  if (copyRequirements === -1) problems.push('requirements.txt is never copied');
  if (installRequirements === -1) problems.push('no RUN pip install -r requirements.txt');
  if (copyPods === -1) problems.push(`${podsDir}/ is never copied`);
  if (copyRequirements !== -1 && installRequirements !== -1 && copyRequirements > installRequirements)
    problems.push('requirements.txt is installed before it is copied');
  if (copyPods !== -1 && installRequirements !== -1 && copyPods < installRequirements) {
    problems.push('COPY pods comes before the requirements are installed: editing a script would reinstall every package');
  }
  return problems;
}
