// Runs a bundled generator of the package with yeoman-test (npm test builds generators/ and dist/ first).
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';

export type GeneratorName = 'app' | 'pod' | 'package' | 'publish' | 'remove';

export function generatorPath(name: GeneratorName): string {
  return fileURLToPath(new URL(`../../generators/${name}/index.js`, import.meta.url));
}

export function runGenerator(name: GeneratorName) {
  return helpers.run(generatorPath(name), { namespace: `pod-ingestion:${name}` });
}
