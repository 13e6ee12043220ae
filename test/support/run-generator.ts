// Runs a compiled generator of the package with yeoman-test (npm test builds dist/ first).
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';

export function generatorPath(name: 'app' | 'pod' | 'package' | 'publish'): string {
  return fileURLToPath(new URL(`../../dist/generators/${name}/index.js`, import.meta.url));
}

/** The bin, compiled. */
export const BIN = fileURLToPath(new URL('../../dist/bin/pod-ingestion.js', import.meta.url));

export function runGenerator(name: 'app' | 'pod' | 'package' | 'publish') {
  return helpers.run(generatorPath(name), { namespace: `pod-ingestion:${name}` });
}
