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
  lazy('yeoman-generator/dist/actions/package-json.js', "import latestVersion from 'latest-version';", "const latestVersion = async (...args) => (await import('latest-version')).default(...args);"),
  // commander builds Yeoman's own command line (`yo`'s --help and its generator options), which a run with its
  // arguments already parsed never uses: it loads when `execute` needs it, and the package's index no longer
  // re-exports it.
  lazy('yeoman-environment/dist/environment-full.js', 'import YeomanCommand from "./util/command.js";', ''),
  lazy('yeoman-environment/dist/environment-full.js', ': new YeomanCommand();', ': new (await import("./util/command.js")).default();'),
  lazy('yeoman-environment/dist/index.js', 'export * from "./commands.js";\nexport * from "./util/command.js";\n', ''),
  // A generator's `_` is all of lodash, for generators that use it without importing it; ours do not.
  lazy('yeoman-generator/dist/generator.js', "import * as _ from 'lodash-es';", "import * as _ from 'lazy:lodash-es';"),
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

// Modules a run to write files rarely or never calls: each is bundled on its own as a CommonJS file,
// dist/lazy/<name>.cjs, that is read only when one of its exports is first used (a bundled module costs parsing
// even when it is never called). Every import of them gets a facade of stand-ins that load the file then:
// pip-requirements-js compiles a grammar (read only for a requirement line beyond the simple ones), cron-parser
// brings luxon (only for a cron schedule), execa (Docker and Yeoman's spawn helpers), globby (Yeoman's lookup;
// ours are registered directly), simple-git (Yeoman's git helpers), read-package-up (our generators name their
// package themselves). `lazy:<name>` in a rewrite asks the same for one import only.
const LAZY_FILES = ['pip-requirements-js', 'cron-parser', 'execa', 'globby', 'simple-git', 'read-package-up'];
const lazyFileName = (name) => name.replace(/^@/, '').replaceAll('/', '-');

/** The facade's body: each export a stand-in that loads the module's file when called, constructed or read. */
function facadeOf(name, exported) {
  const load = `() => require(${JSON.stringify(`../lazy/${lazyFileName(name)}.cjs`)})`;
  const lines = [`const load = ${load};`,
    // A function target, so that the stand-in can be called and constructed as the real export can.
    'const standIn = (get) => new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get(), self, args), construct: (_, args) => Reflect.construct(get(), args), get: (_, key) => get()[key], has: (_, key) => key in get() });'];
  for (const key of exported) {
    const get = `() => load()[${JSON.stringify(key)}]`;
    lines.push(key === 'default' ? `export default standIn(${get});` : `export const ${key} = standIn(${get});`);
  }
  return lines.join('\n');
}

const lazyFiles = new Set();
const rewritePlugin = {
  name: 'rewrite-dependencies',
  setup(build) {
    const lazyFilter = new RegExp(`^(?:lazy:.*|${LAZY_FILES.join('|')})$`);
    build.onResolve({ filter: lazyFilter }, async (args) => {
      if (args.pluginData?.facade) return undefined;
      const name = args.path.replace(/^lazy:/, '');
      const real = await build.resolve(name, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { facade: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      lazyFiles.add(name);
      return { path: real.path, namespace: 'lazy-facade', pluginData: { name } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-facade' }, async (args) => {
      const exported = Object.keys(await import(args.path));
      return { contents: facadeOf(args.pluginData.name, exported), loader: 'js' };
    });
    build.onResolve({ filter: /^\.\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
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
for (const name of lazyFiles) {
  await esbuild.build({
    absWorkingDir: root,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    outfile: join(root, 'dist', 'lazy', `${lazyFileName(name)}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.17',
    logLevel: 'warning',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
  });
}
const CLASSES = { app: 'AppGenerator', pod: 'PodGenerator', package: 'PackageGenerator', publish: 'PublishGenerator', remove: 'RemoveGenerator', run: 'RunGenerator', graph: 'GraphGenerator' };
for (const name of GENERATORS) {
  mkdirSync(join(root, 'generators', name), { recursive: true });
  writeFileSync(join(root, 'generators', name, 'index.js'), `// Built by scripts/build.mjs: the ${name} generator, bundled in dist/bin/run-generators.js.\nexport { ${CLASSES[name]} as default } from '../../dist/bin/run-generators.js';\n`);
}
if (process.env.BUILD_METAFILE) writeFileSync(process.env.BUILD_METAFILE, JSON.stringify(result.metafile));
