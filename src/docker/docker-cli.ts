// The one module that talks to Docker: every command runs through execa with an argument array (never a
// shell), its output streams under a header, and every failure becomes a sentence a student understands.

import { PodIngestionError } from '../core/errors.js';
import { t } from '../core/i18n/translate.js';

/** What went wrong with Docker; the advice and every decision follow from it, never from the message text. */
export type DockerProblem =
  | 'cli-missing'
  | 'daemon-down'
  | 'no-permission'
  | 'base-image'
  | 'not-logged-in'
  | 'push-denied'
  | 'registry-unreachable'
  | 'buildx-missing'
  | 'disk-full'
  /** The Dockerfile's own check: a pod script is named like a module installed in the image. */
  | 'pod-shadows-module'
  /** Refused before docker runs: a push of an image that names no repository. */
  | 'no-repository'
  /** Refused before docker runs: several platforms cannot be loaded into the local engine. */
  | 'several-platforms-without-push'
  /** docker failed with a text we do not recognise: its own message is the best advice. */
  | 'other';

// The classic builder colours a RUN step's stderr even off a terminal; what we repeat of it stays plain.
const withoutColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

export class DockerError extends PodIngestionError {
  constructor(
    readonly step: string,
    readonly problem: DockerProblem,
    readonly dockerMessage: string,
    readonly hint: string,
    readonly retry?: string,
  ) {
    const said = dockerMessage
      ? `\n  ${t('docker.said', { message: withoutColour(dockerMessage).trim().split('\n').slice(-3).join('\n  ') })}`
      : '';
    super(
      'docker',
      `${t('docker.failed', { step })}${said}\n  ${t('docker.whatToDo', { hint })}${retry ? `\n  ${t('docker.retryWith', { command: retry })}` : ''}`,
    );
  }
}

/** The problems a docker command can report (the others are refusals before docker runs). */
type RecognisedProblem = Exclude<DockerProblem, 'no-repository' | 'several-platforms-without-push'>;

// Checked in this order: the first pattern that matches docker's output names the problem.
const RECOGNISED: readonly [RegExp, RecognisedProblem][] = [
  [/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i, 'daemon-down'],
  [/permission denied while trying to connect to the Docker daemon/i, 'no-permission'],
  // Before the push rules: a failed base-image pull also says "denied: requested access..." (pull access denied)
  // or "dial tcp ... no such host" (offline), and the registry is Docker Hub's, not --repository.
  [
    /pull access denied|manifest unknown|not found: manifest|failed to resolve source metadata|(Step \d+\/\d+ : FROM|load metadata for)[\s\S]*registry-1\.docker\.io/i,
    'base-image',
  ],
  [/no basic auth credentials|unauthorized: authentication required|authentication required|not logged in/i, 'not-logged-in'],
  [/denied: requested access to the resource is denied|insufficient_scope|access denied|403 Forbidden/i, 'push-denied'],
  [/dial tcp[^\n]*(connection refused|no such host|i\/o timeout)|no route to host|server misbehaving/i, 'registry-unreachable'],
  // Not "buildx" alone: the classic builder starts every build, failed or not, with a notice that names it.
  [/'buildx' is not a docker command|unknown command:? "?docker buildx|BuildKit is enabled but|buildx: not found/i, 'buildx-missing'],
  // The Dockerfile's shadow check (templates/app/Dockerfile.ejs) stops the build with this sentence.
  [/pod scripts named like installed modules/, 'pod-shadows-module'],
  [/no space left on device/i, 'disk-full'],
];

/** The problem docker's output shows; `other` when nothing known matches. */
export function diagnose(output: string): RecognisedProblem {
  return RECOGNISED.find(([pattern]) => pattern.test(output))?.[1] ?? 'other';
}

/** Plain-language advice for a problem docker reported; `registry` names where to log in. */
export function adviceFor(problem: RecognisedProblem, registry?: string): string {
  const login = `docker login${registry && registry !== 'docker.io' ? ` ${registry}` : ''}`;
  return t(`docker.advice.${problem}`, { login });
}

type Log = (line: string) => void;

interface RunResult {
  output: string;
}

// execa is loaded on first use: a run that never touches Docker should not pay for it.
async function run(
  step: string,
  args: string[],
  log: Log,
  options: { stream: boolean; registry?: string; retry?: string },
): Promise<RunResult> {
  const { execa } = await import('execa');
  if (options.stream) log(`\n=== ${step}: docker ${args.join(' ')} ===`);
  const result = await execa('docker', args, {
    reject: false,
    all: true,
    stdin: 'ignore',
    ...(options.stream ? { stdout: ['pipe', 'inherit'], stderr: ['pipe', 'inherit'] } : {}),
  } as const);
  const output = typeof result.all === 'string' ? result.all : '';
  // With reject: false, a missing executable is a result whose code is ENOENT (no exit code).
  if ((result as { code?: string }).code === 'ENOENT') {
    throw new DockerError(step, 'cli-missing', '', adviceFor('cli-missing'), options.retry);
  }
  if (result.exitCode !== 0) {
    const problem = diagnose(output);
    throw new DockerError(step, problem, output, adviceFor(problem, options.registry), options.retry);
  }
  return { output };
}

/** Checks, before anything else, that the docker CLI exists and the daemon answers. */
export async function checkDocker(log: Log, retry?: string): Promise<string> {
  const { output } = await run(t('docker.step.check'), ['version', '--format', '{{.Server.Version}}'], log, { stream: false, retry });
  return output.trim().split('\n').pop() ?? '';
}

/** Checks that buildx answers; any failure but a missing docker CLI means buildx is missing or broken. */
export async function checkBuildx(log: Log, retry?: string): Promise<void> {
  try {
    await run(t('docker.step.checkBuildx'), ['buildx', 'version'], log, { stream: false, retry });
  } catch (error) {
    if (!(error instanceof DockerError) || error.problem === 'cli-missing') throw error;
    throw new DockerError(error.step, 'buildx-missing', error.dockerMessage, adviceFor('buildx-missing'), retry);
  }
}

export interface BuildRequest {
  context: string;
  tags: string[];
  /** linux/amd64, or a comma-separated list; empty builds for this machine with the default builder. */
  platform: string;
  /** Multi-platform builds cannot be loaded into the local engine, so they push directly. */
  pushWithBuildx?: boolean;
  retry?: string;
}

export interface ImageFacts {
  id: string;
  sizeBytes: number;
}

export async function buildImage(request: BuildRequest, log: Log): Promise<void> {
  const tags = request.tags.flatMap((tag) => ['-t', tag]);
  if (request.platform) {
    await checkBuildx(log, request.retry);
    const output = request.pushWithBuildx ? ['--push'] : ['--load'];
    await run(t('docker.step.buildx'), ['buildx', 'build', '--platform', request.platform, ...tags, ...output, request.context], log, {
      stream: true,
      retry: request.retry,
    });
    return;
  }
  await run(t('docker.step.build'), ['build', ...tags, request.context], log, { stream: true, retry: request.retry });
}

export async function inspectImage(image: string, log: Log): Promise<ImageFacts> {
  const { output } = await run(t('docker.step.inspect'), ['image', 'inspect', '--format', '{{.Id}} {{.Size}}', image], log, {
    stream: false,
  });
  const [id = '', size = '0'] = output.trim().split('\n').pop()?.split(' ') ?? [];
  return { id, sizeBytes: Number(size) };
}

/** Pushes one tag; returns the digest the registry reported. */
export async function pushImage(image: string, registry: string | undefined, log: Log, retry?: string): Promise<string> {
  const { output } = await run(t('docker.step.push', { image }), ['push', image], log, { stream: true, registry, retry });
  return /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1] ?? '';
}

export async function tagImage(source: string, target: string, log: Log): Promise<void> {
  await run(t('docker.step.tag'), ['tag', source, target], log, { stream: false });
}
