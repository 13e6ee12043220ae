// npm run build: bundles the bin and the generators with esbuild (one parse instead of ~2,000 module files at
// start-up; see README "Developing"). tsc only type-checks (npm run build runs it first).
//
// Layout of what ships:
//   generators/<name>/index.js  Yeoman's convention, where `yo` looks generators up: one line each, re-exporting
//                               its class from dist/bin/run-generators.js
//   dist/bin/pod-ingestion.js   the bin: enables Node's compile cache, then imports dist/bin/main.js
//   dist/bin/run-generators.js  the generator classes and the Yeoman environment that runs them
//   dist/chunks/*.js            code shared by the above, and what is loaded only when needed
// Few entry points make few shared chunks: each file a run loads costs a module resolution.
// Every output sits two folders below the package, so `../../templates` and `../../package.json` hold everywhere.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const GENERATORS = ['app', 'pod', 'package', 'publish', 'remove', 'run', 'graph'];

/** A dependency's own package.json (some do not export it), found from the folder it is installed in. */
const manifestOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

/** Replaces one import statement of a dependency's file with code that loads the module when first used. */
const lazy = (file, statement, replacement) => ({ file, edit: (text) => text.replace(statement, replacement) });
/** Async functions: a dynamic import, which esbuild puts in a chunk of its own that is read only when called. */
const lazyAsync = (name, functions) => functions.map((fn) => `const ${fn} = async (...args) => (await import('${name}')).${fn}(...args);`).join('\n');
/** Sync functions: a require() that esbuild bundles as a module initialised on the first call. */
const lazySync = (name, functions) => functions.map((fn) => `const ${fn} = (...args) => require('${name}').${fn}(...args);`).join('\n');

/** Source rewrites for bundling, each keyed by the end of a dependency's file path. */
const REWRITES = [
  // yeoman-environment reads its own package.json by a relative path, which a bundle does not have beside it.
  {
    file: 'yeoman-environment/dist/environment-base.js',
    edit: (text) => text.replace("require('../package.json').version", JSON.stringify(manifestOf('yeoman-environment').version)),
  },
  {
    file: 'yeoman-environment/dist/module-lookup.js',
    edit: (text) => text.replace("JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json')).toString()).name", JSON.stringify('yeoman-environment')),
  },
  // So does yeoman-generator (its name and version go into .yo-rc.json's metadata and version checks).
  {
    file: 'yeoman-generator/dist/generator.js',
    edit: (text) => {
      const { name, version } = manifestOf('yeoman-generator');
      return text.replace("JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))", JSON.stringify({ name, version }));
    },
  },
  // What a generator never needs on the way to writing files waits until it is used: fly-import (npm's arborist,
  // pacote, sigstore: installs generators on the fly), execa (yeoman's spawnCommand and package-manager install),
  // simple-git, latest-version, globby (generator lookup; our generators are registered directly).
  lazy('yeoman-environment/dist/environment-base.js', "import { FlyRepository } from 'fly-import';", `
class FlyRepository {
  constructor(config) { this.config = config; this.repositoryPath = config.repositoryPath; }
  async install(...args) { const { FlyRepository: Real } = await import('fly-import'); return new Real(this.config).install(...args); }
}`),
  lazy('yeoman-environment/dist/environment-full.js', "import { flyImport } from 'fly-import';", lazyAsync('fly-import', ['flyImport'])),
  lazy('yeoman-environment/dist/package-manager.js', "import { execa } from 'execa';", lazyAsync('execa', ['execa'])),
  lazy('yeoman-environment/dist/util/util.js', "import { execaSync } from 'execa';", lazySync('execa', ['execaSync'])),
  lazy('yeoman-environment/dist/module-lookup.js', "import { globbySync } from 'globby';", lazySync('globby', ['globbySync'])),
  lazy('yeoman-generator/dist/actions/spawn-command.js', "import { execa, execaCommand, execaCommandSync, execaSync, } from 'execa';", lazySync('execa', ['execa', 'execaCommand', 'execaCommandSync', 'execaSync'])),
  lazy('yeoman-generator/dist/index.js', "import { CheckRepoActions, CleanOptions, simpleGit } from 'simple-git';", `
const simpleGit = (...args) => require('simple-git').simpleGit(...args);
const CheckRepoActions = new Proxy({}, { get: (_, key) => require('simple-git').CheckRepoActions[key] });
const CleanOptions = new Proxy({}, { get: (_, key) => require('simple-git').CleanOptions[key] });`),
  lazy('yeoman-generator/dist/actions/package-json.js', "import latestVersion from 'latest-version';", "const latestVersion = async (...args) => (await import('latest-version')).default(...args);"),
  // @yeoman/adapter builds inquirer's prompt module when any adapter is made; a run that asks nothing never needs
  // inquirer, so its import waits for the first question.
  {
    file: '@yeoman/adapter/dist/inquirer.js',
    edit: () => `
export const createAdapterPromptModule = (parameter) => {
  let module;
  const load = async () => (module ??= (await import('./inquirer-eager.js')).createAdapterPromptModule(parameter));
  const prompt = async (questions, answers) => (await load())(questions, answers);
  return prompt;
};`,
  },
];

// Modules whose evaluation is costly (pip-requirements-js compiles its grammar, read-package-up's license data
// sorts itself) and that many runs never call: every import of them gets a facade whose functions initialise the
// module on the first call.
const LAZY_MODULES = ['pip-requirements-js', 'read-package-up'];

const rewritePlugin = {
  name: 'rewrite-dependencies',
  setup(build) {
    const lazyFilter = new RegExp(`^(?:${LAZY_MODULES.join('|')})$`);
    build.onResolve({ filter: lazyFilter }, async (args) => {
      if (args.pluginData?.facade) return undefined;
      const real = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { facade: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-facade', pluginData: { specifier: args.path, resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-facade' }, async (args) => {
      const { specifier, resolveDir } = args.pluginData;
      const functions = Object.entries(await import(args.path)).filter(([, value]) => typeof value === 'function').map(([name]) => name);
      const contents = functions.map((name) => `export const ${name} = (...args) => require(${JSON.stringify(specifier)}).${name}(...args);`).join('\n');
      return { contents, resolveDir, loader: 'js', pluginData: { facade: true } };
    });
    build.onResolve({ filter: /^\.\/inquirer-eager\.js$/ }, (args) => ({ path: join(args.resolveDir, 'inquirer.js'), namespace: 'eager' }));
    build.onLoad({ filter: /.*/, namespace: 'eager' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), resolveDir: dirname(args.path), loader: 'js' }));
    build.onLoad({ filter: /node_modules[\\/].*\.js$/ }, (args) => {
      const path = args.path.replaceAll('\\', '/');
      const rewrites = REWRITES.filter(({ file }) => path.endsWith(file));
      if (rewrites.length === 0) return undefined;
      let after = readFileSync(args.path, 'utf8');
      for (const rewrite of rewrites) {
        const before = after;
        after = rewrite.edit(before);
        if (after === before) throw new Error(`build: a rewrite of ${rewrite.file} no longer applies; check the dependency's new version`);
      }
      return { contents: after, resolveDir: dirname(args.path), loader: 'js' };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(join(root, 'generators'), { recursive: true, force: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    'dist/bin/pod-ingestion': 'src/bin/start.ts',
    'dist/bin/main': 'src/bin/pod-ingestion.ts',
    'dist/bin/run-generators': 'src/bin/run-generators.ts',
  },
  outdir: root,
  chunkNames: 'dist/chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  // CommonJS dependencies call require() and read __dirname; an ESM bundle has neither unless given them.
  banner: { js: "import { createRequire as __podIngestionCreateRequire } from 'node:module';\nconst require = __podIngestionCreateRequire(import.meta.url);" },
  define: { __dirname: 'import.meta.dirname', __filename: 'import.meta.filename' },
  plugins: [rewritePlugin],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
});
const CLASSES = { app: 'AppGenerator', pod: 'PodGenerator', package: 'PackageGenerator', publish: 'PublishGenerator', remove: 'RemoveGenerator', run: 'RunGenerator', graph: 'GraphGenerator' };
for (const name of GENERATORS) {
  mkdirSync(join(root, 'generators', name), { recursive: true });
  writeFileSync(join(root, 'generators', name, 'index.js'), `// Built by scripts/build.mjs: the ${name} generator, bundled in dist/bin/run-generators.js.\nexport { ${CLASSES[name]} as default } from '../../dist/bin/run-generators.js';\n`);
}
if (process.env.BUILD_METAFILE) writeFileSync(process.env.BUILD_METAFILE, JSON.stringify(result.metafile));
