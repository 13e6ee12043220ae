// What dist/bin/cli.cjs holds (scripts/build.mjs): the bin's code, and the generator classes, by command name,
// that generators/<name>/index.js re-export for `yo`.
export { main } from './pod-ingestion.js';
export { GENERATOR_CLASSES } from './run-generators.js';
