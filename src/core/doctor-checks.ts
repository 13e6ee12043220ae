// `pod-ingestion doctor`: the known flaws of hand-made PRG_NAME projects (../shared/reference/original-project.md)
// and DAGs that no longer load on current Airflow, found in the texts of a project's files. Pure: the
// generator reads the files, this module only looks at their text.
import { tAdopt } from './i18n/adopt-translate.js';
import type { AdoptMessageKey } from './i18n/adopt-en.js';
import { checkImageText } from './image-reference.js';
import { checkPodsDir, DEFAULT_PODS_DIR, normalizePodsDir } from './pods-dir.js';
import { pythonEndOfLifeWarning } from './python-version.js';
import { describeMisplaced, misplacedPackages } from './pod-image-packages.js';
import { parseRequirement } from './requirements.js';

export interface Finding {
  file: string;
  /** 1-based; 0 when the finding is about the whole file. */
  line: number;
  why: string;
  fix: string;
}

/** A project's files, by path relative to its folder ("/" separated). */
export type ProjectTexts = Record<string, string>;

interface Line {
  number: number;
  text: string;
}

function lines(text: string): Line[] {
  return text.split('\n').map((line, index) => ({ number: index + 1, text: line.replace(/\r$/, '') }));
}

/** Dockerfile instructions with their first line; continuation lines joined. */
function instructions(text: string): { line: number; keyword: string; rest: string }[] {
  const result: { line: number; keyword: string; rest: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  for (const { number, text: line } of lines(text)) {
    if (!pending && (/^\s*#/.test(line) || line.trim() === '')) continue;
    if (pending) pending.text += ` ${line.trim()}`;
    else pending = { line: number, text: line.trim() };
    if (pending.text.endsWith('\\')) pending.text = pending.text.slice(0, -1);
    else {
      const [keyword = '', ...rest] = pending.text.split(/\s+/);
      result.push({ line: pending.line, keyword: keyword.toUpperCase(), rest: rest.join(' ') });
      pending = undefined;
    }
  }
  return result;
}

const DEBIAN_END_OF_LIFE: Record<string, string> = { jessie: '2020-06-30', stretch: '2022-06-30', buster: '2024-06-30' };

/** `podsDir`: the scripts folder .yo-rc.json names, for the fixes that copy it. */
export function checkDockerfile(text: string, today = new Date(), podsDir = DEFAULT_PODS_DIR): Finding[] {
  const file = 'Dockerfile';
  const findings: Finding[] = [];
  const declared = new Set<string>();
  const argDefaults = new Map<string, string>();
  let userCreatedAt: number | undefined;
  const appCopies: number[] = [];
  for (const { line, keyword, rest } of instructions(text)) {
    if (keyword === 'ARG') {
      const [name = '', value] = rest.split('=');
      declared.add(name.trim());
      if (value !== undefined) argDefaults.set(name.trim(), value.trim());
    }
    if (keyword === 'FROM') {
      // FROM python:${PYTHON_VERSION}-slim: the version is the ARG's default.
      const base = rest.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => argDefaults.get(name) ?? whole);
      const image = /python:(\d+\.\d+)[^\s]*/.exec(base);
      const python = image ? pythonEndOfLifeWarning(image[1]!, today) : undefined;
      const debian = Object.entries(DEBIAN_END_OF_LIFE).find(([codename, end]) => base.includes(`-${codename}`) && new Date(end) < today);
      if (python || debian) {
        findings.push({
          file,
          line,
          why: tAdopt('doctor.baseEndOfLife', {
            base,
            reasons: [
              python ? tAdopt('doctor.baseEndOfLife.python', { version: image![1]! }) : '',
              debian ? tAdopt('doctor.baseEndOfLife.debian', { codename: debian[0], date: debian[1] }) : '',
            ]
              .filter(Boolean)
              .join(', '),
          }),
          fix: tAdopt('doctor.baseEndOfLife.fix'),
        });
      }
    }
    if (keyword === 'ENV') {
      // `ENV NAME $NAME` / `ENV NAME=${NAME}` with no ARG NAME before: the value is empty in the image.
      for (const match of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
        if (!declared.has(match[2]!)) {
          findings.push({
            file,
            line,
            why: tAdopt('doctor.envWithoutArg', { name: match[1]!, arg: match[2]! }),
            fix: tAdopt('doctor.envWithoutArg.fix', { name: match[1]!, arg: match[2]! }),
          });
        }
      }
      for (const match of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)[=\s]/g)) declared.add(match[1]!);
    }
    if (keyword === 'RUN') {
      if (/\bpip3?\b.*\binstall\b.*--no-cache(?!-dir)\b/.test(rest)) {
        findings.push({
          file,
          line,
          why: tAdopt('doctor.pipNoCache'),
          fix: tAdopt('doctor.pipNoCache.fix'),
        });
      }
      if (/\bchown\s+(?:-[A-Za-z]*R|--recursive)\b/.test(rest)) {
        findings.push({
          file,
          line,
          why: tAdopt('doctor.recursiveChown'),
          fix: tAdopt('doctor.recursiveChown.fix', { podsDir }),
        });
      }
      if (userCreatedAt === undefined && /\b(?:adduser|useradd)\b/.test(rest)) userCreatedAt = line;
    }
    if ((keyword === 'COPY' || keyword === 'ADD') && !/--chown/.test(rest) && !/requirements|run_in_docker/.test(rest))
      appCopies.push(line);
  }
  if (userCreatedAt !== undefined) {
    for (const line of appCopies.filter((copy) => copy < userCreatedAt!)) {
      findings.push({
        file,
        line,
        why: tAdopt('doctor.copyBeforeUser'),
        fix: tAdopt('doctor.copyBeforeUser.fix'),
      });
    }
  }
  return findings;
}

/** `$NAME` or `${NAME}` outside double quotes on a line (single-quoted text does not expand). */
function unquotedExpansion(line: string): string | undefined {
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '#' && quote === undefined && (index === 0 || /\s/.test(line[index - 1]!))) return undefined;
    if (char === '\\' && quote !== "'") index++;
    else if (char === '"' || char === "'") quote = quote === undefined ? char : quote === char ? undefined : quote;
    else if (char === '$' && quote === undefined) {
      const match = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(index));
      if (match) return match[1];
    }
  }
  return undefined;
}

export function checkShellScript(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  if (text.includes('\r')) {
    const line = text.split('\n').findIndex((item) => item.includes('\r')) + 1;
    findings.push({
      file,
      line,
      why: tAdopt('doctor.crlf'),
      fix: tAdopt('doctor.crlf.fix', { file }),
    });
  }
  const all = lines(text);
  const code = all.filter(({ text: line }) => !/^\s*#/.test(line) && line.trim() !== '');
  if (!code.some(({ text: line }) => /^\s*set\s+-[A-Za-z]*e/.test(line) || /^\s*set\s+-o\s+errexit/.test(line))) {
    findings.push({
      file,
      line: 1,
      why: tAdopt('doctor.noSetE'),
      fix: tAdopt('doctor.noSetE.fix'),
    });
  }
  const pythonRuns = code.filter(({ text: line }) => /^\s*(?:exec\s+)?python[0-9.]*\s/.test(line));
  for (const { number, text: line } of pythonRuns) {
    if (!/^\s*exec\s/.test(line)) {
      findings.push({
        file,
        line: number,
        why: tAdopt('doctor.noExec'),
        fix: tAdopt('doctor.noExec.fix', { line: line.trim() }),
      });
    }
  }
  for (const { number, text: line } of code) {
    const name = unquotedExpansion(line);
    if (name)
      findings.push({
        file,
        line: number,
        why: tAdopt('doctor.unquoted', { name }),
        fix: tAdopt('doctor.unquoted.fix', { name }),
      });
  }
  return findings;
}

export function checkRequirements(text: string): Finding[] {
  const file = 'requirements.txt';
  const findings: Finding[] = misplacedPackages(text).map((item) => ({
    file,
    line: item.line,
    why: describeMisplaced(item).slice(`${file}:${item.line}: `.length),
    fix: tAdopt('doctor.misplaced.fix'),
  }));
  const pinned = lines(text).filter(({ text: line }) => / *[A-Za-z0-9][A-Za-z0-9._-]*==/.test(line) && parseRequirement(line).requirement);
  if (pinned.length >= 40) {
    findings.push({
      file,
      line: 1,
      why: tAdopt('doctor.freeze', { count: pinned.length }),
      fix: tAdopt('doctor.freeze.fix'),
    });
  }
  return findings;
}

// Airflow APIs a DAG must not use any more (airflow-kubernetes-pod-operator.md): why and fix are catalog keys.
const REMOVED_DAG_APIS: readonly { pattern: RegExp; why: AdoptMessageKey; fix: AdoptMessageKey }[] = [
  { pattern: /operators\.kubernetes_pod\b/, why: 'doctor.dag.kubernetesPod', fix: 'doctor.dag.importPod.fix' },
  { pattern: /airflow\.contrib\b/, why: 'doctor.dag.contrib', fix: 'doctor.dag.importPod.fix' },
  { pattern: /airflow\.kubernetes\.secret\b/, why: 'doctor.dag.secret', fix: 'doctor.dag.secret.fix' },
  { pattern: /\bis_delete_operator_pod\b/, why: 'doctor.dag.deleteOperatorPod', fix: 'doctor.dag.deleteOperatorPod.fix' },
  { pattern: /\bdays_ago\b/, why: 'doctor.dag.daysAgo', fix: 'doctor.dag.daysAgo.fix' },
  { pattern: /\bschedule_interval\b/, why: 'doctor.dag.scheduleInterval', fix: 'doctor.dag.scheduleInterval.fix' },
  { pattern: /\btimetable\s*=/, why: 'doctor.dag.timetable', fix: 'doctor.dag.timetable.fix' },
  { pattern: /\bDummyOperator\b/, why: 'doctor.dag.dummy', fix: 'doctor.dag.dummy.fix' },
  { pattern: /\bprogress_callback\b/, why: 'doctor.dag.progressCallback', fix: 'doctor.dag.progressCallback.fix' },
];

export function checkDag(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { number, text: line } of lines(text)) {
    const code = line.replace(/#.*$/, '');
    for (const api of REMOVED_DAG_APIS)
      if (api.pattern.test(code)) findings.push({ file, line: number, why: tAdopt(api.why), fix: tAdopt(api.fix) });
    for (const match of code.matchAll(/\bimage\s*=\s*["']([^"'{}]+)["']/g)) findings.push(...imageFindings(file, number, match[1]!));
  }
  return findings;
}

function imageFindings(file: string, line: number, reference: string): Finding[] {
  const verdict = checkImageText(reference);
  return verdict ? [{ file, line, why: verdict.rule, fix: tAdopt('doctor.badImage.fix', { suggestion: String(verdict.suggestion) }) }] : [];
}

/** Image references named in `docker build -t X` / `docker push X` lines of a README or script. */
function checkDockerCommands(file: string, text: string): Finding[] {
  return lines(text).flatMap(({ number, text: line }) => {
    const match = /\bdocker\s+(?:build\b.*?\s(?:-t|--tag)(?:\s+|=)|push\s+|tag\s+\S+\s+)([^\s`"'<>{}$]+)/.exec(line);
    return match ? imageFindings(file, number, match[1]!) : [];
  });
}

/** Whether a Python file is an Airflow DAG (it imports airflow and makes a DAG). */
export function isDagFile(text: string): boolean {
  return /^\s*(?:from|import)\s+airflow\b/m.test(text) && /\bDAG\s*\(|@dag\b/.test(text);
}

/** What the reader of a project found in the scripts folder .yo-rc.json names (savedPodsDir). */
export interface ScriptsFolder {
  /** Its .py files; undefined when the folder does not exist. */
  scripts: ReadonlySet<string> | undefined;
}

/** Every finding for a project, in file order; with `folder`, the saved pods whose script is missing too. */
export function doctorProject(files: ProjectTexts, today = new Date(), folder?: ScriptsFolder): Finding[] {
  const findings: Finding[] = [];
  const podsDir = savedPodsDir(files['.yo-rc.json']);
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path === 'Dockerfile') findings.push(...checkDockerfile(text, today, podsDir));
    else if (path.endsWith('.sh')) findings.push(...checkShellScript(path, text));
    else if (path === 'requirements.txt') findings.push(...checkRequirements(text));
    else if (path.endsWith('.py') && isDagFile(text)) findings.push(...checkDag(path, text));
    else if (path.endsWith('.md')) findings.push(...checkDockerCommands(path, text));
    else if (path === '.yo-rc.json') findings.push(...checkSavedImage(text));
  }
  if (folder) findings.push(...checkPodScripts(files['.yo-rc.json'], podsDir, folder.scripts));
  return findings;
}

/** The pods .yo-rc.json lists whose script is not in the scripts folder: the image would lack it, the task fail. */
function checkPodScripts(text: string | undefined, podsDir: string, scripts: ReadonlySet<string> | undefined): Finding[] {
  const names = savedPodNames(text);
  if (names.length === 0) return [];
  if (!scripts)
    return [
      {
        file: `${podsDir}/`,
        line: 0,
        why: tAdopt('doctor.podsDirMissing', { podsDir, pods: names.join(', ') }),
        fix: tAdopt('doctor.podsDirMissing.fix'),
      },
    ];
  return names
    .filter((name) => !scripts.has(`${name}.py`))
    .map((name) => ({
      file: `${podsDir}/${name}.py`,
      line: 0,
      why: tAdopt('doctor.scriptMissing', { name }),
      fix: tAdopt('doctor.scriptMissing.fix', { name, path: `${podsDir}/${name}.py` }),
    }));
}

/** The names of the pods .yo-rc.json lists (none when it cannot be read: checkSavedImage says so). */
function savedPodNames(text: string | undefined): string[] {
  try {
    const pods = (JSON.parse(text ?? '{}') as Record<string, { pods?: unknown } | undefined>)['generator-pod-ingestion']?.pods;
    return Array.isArray(pods)
      ? pods.map((pod) => (pod as { name?: unknown } | null)?.name).filter((name) => typeof name === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The scripts folder .yo-rc.json names, when it names a good one; else pods/. */
export function savedPodsDir(text: string | undefined): string {
  try {
    const saved = (JSON.parse(text ?? '{}') as Record<string, { podsDir?: unknown } | undefined>)['generator-pod-ingestion'];
    return typeof saved?.podsDir === 'string' && !checkPodsDir(saved.podsDir) ? normalizePodsDir(saved.podsDir) : DEFAULT_PODS_DIR;
  } catch {
    return DEFAULT_PODS_DIR;
  }
}

function checkSavedImage(text: string): Finding[] {
  let saved: { repository?: unknown; container?: unknown; tag?: unknown } | undefined;
  try {
    saved = (JSON.parse(text) as Record<string, typeof saved>)['generator-pod-ingestion'];
  } catch {
    return [
      {
        file: '.yo-rc.json',
        line: 1,
        why: tAdopt('doctor.yoRcNotJson'),
        fix: tAdopt('doctor.yoRcNotJson.fix'),
      },
    ];
  }
  const podsDir = (saved as { podsDir?: unknown } | undefined)?.podsDir;
  const folderVerdict =
    podsDir === undefined ? undefined : typeof podsDir === 'string' ? checkPodsDir(podsDir) : { rule: tAdopt('doctor.podsDir.notString') };
  const folder: Finding[] = folderVerdict
    ? [
        {
          file: '.yo-rc.json',
          line: 1,
          why: tAdopt('doctor.podsDir', { value: JSON.stringify(podsDir), rule: folderVerdict.rule }),
          fix: tAdopt('doctor.podsDir.fix'),
        },
      ]
    : [];
  if (!saved || typeof saved.container !== 'string') return folder;
  const reference = `${typeof saved.repository === 'string' && saved.repository ? `${saved.repository}/` : ''}${saved.container}:${String(saved.tag ?? 'latest')}`;
  return [...folder, ...imageFindings('.yo-rc.json', 1, reference)];
}

export function formatFinding(finding: Finding): string {
  return tAdopt('doctor.finding', {
    where: `${finding.file}${finding.line > 0 ? `:${finding.line}` : ''}`,
    why: finding.why,
    fix: finding.fix,
  });
}
