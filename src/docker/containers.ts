// Containers and image facts for a local run: start a container and stream its lines, find and remove the
// containers of a run by label, tell whether an image exists and when it was made. Through execa with
// argument arrays, like the rest of src/docker.
import { adviceFor, diagnose, DockerError } from './docker-cli.js';

/** The label every container of a local run carries, with the run id as its value. */
export const RUN_LABEL = 'pod-ingestion.run';

export interface ContainerRequest {
  name: string;
  image: string;
  labels: Record<string, string>;
  env: readonly [string, string][];
  /** `host:container[:ro]` bind mounts. */
  volumes: readonly string[];
  groupAdd: readonly string[];
  memory: string;
  cpus: string;
}

export interface RunningContainer {
  /** Resolves with the container's exit code (125 to 127: docker could not run it) once `docker run` ends. */
  done: Promise<number>;
  /** Stops waiting: ends the `docker run` client (the container itself is removed by label). */
  abandon: () => void;
}

/** The `docker run` arguments of one task container; removed when it ends, its exit code is docker run's. */
export function runArguments(request: ContainerRequest): string[] {
  return [
    'run',
    '--rm',
    '--name',
    request.name,
    ...Object.entries(request.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...request.env.flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    ...request.volumes.flatMap((volume) => ['--volume', volume]),
    ...request.groupAdd.flatMap((group) => ['--group-add', group]),
    ...(request.memory ? ['--memory', request.memory] : []),
    ...(request.cpus ? ['--cpus', request.cpus] : []),
    request.image,
  ];
}

/** Starts a container; every line it prints (stdout and stderr) goes to `onLine` as it comes. */
export async function startContainer(request: ContainerRequest, onLine: (line: string) => void): Promise<RunningContainer> {
  const { execa } = await import('execa');
  const child = execa('docker', runArguments(request), { reject: false, all: true, stdin: 'ignore', buffer: false });
  let pending = '';
  child.all?.setEncoding('utf8');
  child.all?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  const done = child.then((result) => {
    if (pending) onLine(pending);
    if ((result as { code?: string }).code === 'ENOENT')
      throw new DockerError('Starting a container', 'cli-missing', '', adviceFor('cli-missing'));
    return result.exitCode ?? 1;
  });
  return { done, abandon: () => child.kill('SIGKILL') };
}

async function docker(step: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  const { execa } = await import('execa');
  const result = await execa('docker', args, { reject: false, all: true, stdin: 'ignore' });
  if ((result as { code?: string }).code === 'ENOENT') throw new DockerError(step, 'cli-missing', '', adviceFor('cli-missing'));
  return { exitCode: result.exitCode ?? 1, output: typeof result.all === 'string' ? result.all : '' };
}

/** Removes (stopping them first) every container labelled with this run; returns how many there were. */
export async function removeRunContainers(runId: string): Promise<number> {
  const listed = await docker("Listing the run's containers", ['ps', '--all', '--quiet', '--filter', `label=${RUN_LABEL}=${runId}`]);
  const ids = listed.output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (ids.length > 0) await docker("Removing the run's containers", ['rm', '--force', ...ids]);
  return ids.length;
}

/** The image's id and creation time, or undefined when the engine does not have it. */
export async function imageFacts(image: string): Promise<{ id: string; created: Date } | undefined> {
  const result = await docker('Inspecting the image', ['image', 'inspect', '--format', '{{.Id}} {{.Created}}', image]);
  if (result.exitCode !== 0) {
    if (/no such image|No such object/i.test(result.output)) return undefined;
    const problem = diagnose(result.output);
    throw new DockerError('Inspecting the image', problem, result.output, adviceFor(problem));
  }
  const [id = '', created = ''] = result.output.trim().split('\n').pop()!.split(' ');
  return { id, created: new Date(created) };
}
