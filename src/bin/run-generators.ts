// Runs one of the package's generators in a Yeoman environment. The bin imports this only once it knows a
// generator must run (--help and --version never load Yeoman). The generator classes are registered as
// classes, bundled with the bin, with the path `yo` would find them at, so their templates are found.
import { fileURLToPath } from 'node:url';
import { QueuedAdapter } from '@yeoman/adapter';
import { createEnv } from 'yeoman-environment';
import AdoptGenerator from '../generators/adopt/index.js';
import AppGenerator from '../generators/app/index.js';
import DoctorGenerator from '../generators/doctor/index.js';
import PackageGenerator from '../generators/package/index.js';
import PodGenerator from '../generators/pod/index.js';
import PublishGenerator from '../generators/publish/index.js';
import GraphGenerator from '../generators/graph/index.js';
import RemoveGenerator from '../generators/remove/index.js';
import RunGenerator from '../generators/run/index.js';
import type { Subcommand } from '../core/destination.js';
import type { PodIngestionGenerator } from '../generators/base-generator.js';

type GeneratorClass = typeof PodIngestionGenerator;

/** Every command's generator class. Typed by the core's list of subcommands, so a command without a class (or a
 *  class without a command) fails tsc; scripts/build.mjs writes generators/<name>/index.js for each key. */
export const GENERATOR_CLASSES: Record<'app' | Subcommand, GeneratorClass> = {
  app: AppGenerator,
  pod: PodGenerator,
  package: PackageGenerator,
  publish: PublishGenerator,
  remove: RemoveGenerator,
  run: RunGenerator,
  graph: GraphGenerator,
  adopt: AdoptGenerator,
  doctor: DoctorGenerator,
};

export async function runGenerator(name: keyof typeof GENERATOR_CLASSES, args: string[]): Promise<void> {
  // Yeoman logs everything to stderr; the bin's progress and status lines go to stdout (errors and warnings
  // stay on stderr), so that `2>/dev/null` hides only problems.
  const adapter = new QueuedAdapter({ stderr: process.stdout });
  const env = createEnv({ skipInstall: true, adapter } as Parameters<typeof createEnv>[0]);
  for (const [key, Class] of Object.entries(GENERATOR_CLASSES)) {
    // Every bundled file sits two folders below the package (see scripts/build.mjs).
    const resolved = fileURLToPath(new URL(`../../generators/${key}/index.js`, import.meta.url));
    env.register(Class as never, { namespace: `pod-ingestion:${key}`, resolved });
  }
  await env.run([`pod-ingestion:${name}`, ...args]);
}
