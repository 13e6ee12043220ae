// Runs a generator of this package as `yo` runs it (yo 7's lib/cli.js): createEnv() with its default adapter,
// a lookup of installed generators, env.run(ARGS), and on failure "Error ARGS" and the message on stderr.
// Usage: node run-like-yo.mjs NODE_MODULES ARGS... (NODE_MODULES holds generator-pod-ingestion: a global install
// elsewhere on the machine is not looked at).
import { createEnv } from 'yeoman-environment';

const [modules, ...args] = process.argv.slice(2);
const env = createEnv();
await env.lookup({ npmPaths: [modules] });
try {
  await env.run(args);
} catch (error) {
  console.error('Error', args.join(' '), '\n');
  console.error(error.message);
  process.exit(error.code || 1);
}
