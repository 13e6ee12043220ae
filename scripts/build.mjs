// npm run build: bundles the bin and the generators with esbuild (one parse instead of ~2,000 module files at
// start-up; see README "Developing"). tsc only type-checks (npm run build runs it first).
//
// Layout of what ships:
//   generators/<name>/index.js  Yeoman's convention, where `yo` looks generators up: one line each, re-exporting
//                               its class from dist/bin/cli.cjs
//   dist/bin/pod-ingestion.js   the bin: loads dist/bin/cli.cjs with V8's code cache (src/bin/start.ts)
//   dist/bin/cli.cjs            the bin's code, the generator classes and the Yeoman environment that runs them:
//                               one CommonJS file, since only a classic script can be given a code cache on Node 20
//   dist/lazy/*.cjs             what a run loads only when it needs it (see LAZY_FILES)
// Every output sits two folders below the package, so `../../templates` and `../../package.json` hold everywhere.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuiltin } from 'node:module';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// One generator per folder of src/generators that has an index.ts (its class is GENERATOR_CLASSES[name], typed by
// the core's list of subcommands: src/bin/run-generators.ts).
const GENERATORS = readdirSync(join(root, 'src', 'generators'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'src', 'generators', entry.name, 'index.ts')))
  .map((entry) => entry.name);

/** A dependency's own package.json (some do not export it), found from the folder it is installed in. */
const manifestOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

/** Replaces one import statement of a dependency's file with code that loads the module when first used. */
const lazy = (file, statement, replacement) => ({ file, edit: (text) => text.replace(statement, replacement) });

/** Source rewrites for bundling, each keyed by the end of a dependency's file path. */
const REWRITES = [
  // yeoman-environment reads its own package.json by a relative path, which a bundle does not have beside it.
  {
    file: 'yeoman-environment/dist/environment-base.js',
    edit: (text) => text.replace("require('../package.json').version", JSON.stringify(manifestOf('yeoman-environment').version)),
  },
  {
    file: 'yeoman-environment/dist/module-lookup.js',
    edit: (text) =>
      text.replace("JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json')).toString()).name", JSON.stringify('yeoman-environment')),
  },
  // So does yeoman-generator (its name and version go into .yo-rc.json's metadata and version checks).
  {
    file: 'yeoman-generator/dist/generator.js',
    edit: (text) => {
      const { name, version } = manifestOf('yeoman-generator');
      return text.replace("JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))", JSON.stringify({ name, version }));
    },
  },
  // Yeoman makes a fly-import repository (npm's arborist, pacote, sigstore: installs generators on the fly) with
  // every environment; a stand-in class loads the real one when an install is asked for.
  lazy(
    'yeoman-environment/dist/environment-base.js',
    "import { FlyRepository } from 'fly-import';",
    `
class FlyRepository {
  constructor(config) { this.config = config; this.repositoryPath = config.repositoryPath; }
  async install(...args) { const { FlyRepository: Real } = await import('fly-import'); return new Real(this.config).install(...args); }
}`,
  ),
  lazy(
    'yeoman-generator/dist/actions/package-json.js',
    "import latestVersion from 'latest-version';",
    "const latestVersion = async (...args) => (await import('latest-version')).default(...args);",
  ),
  // commander builds Yeoman's own command line (`yo`'s --help and its generator options), which a run with its
  // arguments already parsed never uses: it loads when `execute` needs it, and the package's index no longer
  // re-exports it.
  lazy('yeoman-environment/dist/environment-full.js', 'import YeomanCommand from "./util/command.js";', ''),
  lazy('yeoman-environment/dist/environment-full.js', ': new YeomanCommand();', ': new (await import("./util/command.js")).default();'),
  lazy('yeoman-environment/dist/index.js', 'export * from "./commands.js";\nexport * from "./util/command.js";\n', ''),
  // A generator's `_` is all of lodash, for generators that use it without importing it; ours do not.
  lazy('yeoman-generator/dist/generator.js', "import * as _ from 'lodash-es';", "import * as _ from 'lazy:lodash-es';"),
  // string-width (ora's, for the progress spinner) builds a grapheme segmenter and compiles the whole Unicode
  // emoji set at load, about a third of a start-up; a run that measures no text never needs them.
  lazy(
    'string-width/index.js',
    'const segmenter = new Intl.Segmenter();',
    'let madeSegmenter;\nconst segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };',
  ),
  lazy(
    'string-width/index.js',
    'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    'let madeRgiEmojiRegex;\nconst rgiEmojiRegex = { test: (text) => (madeRgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text) };',
  ),
  // @yeoman/adapter builds inquirer's prompt module when any adapter is made; a run that asks nothing never needs
  // inquirer, so its import waits for the first question.
  {
    file: '@yeoman/adapter/dist/inquirer.js',
    edit: () => `
export const createAdapterPromptModule = (parameter) => {
  let module;
  const load = async () => (module ??= (await import('./inquirer.js')).createAdapterPromptModule(parameter));
  const prompt = async (questions, answers) => (await load())(questions, answers);
  return prompt;
};`,
  },
];

// What a run to write files rarely or never calls is bundled apart, each module as a CommonJS file
// dist/lazy/<name>.cjs that is read only when one of its exports is first used: a bundled module costs parsing
// even when it is never called. Every import of such a module gets a facade of stand-ins that load the file then.
// Every dynamic import() is one (inquirer, fly-import's npm installer, latest-version, commander), and so are
// these static ones: fly-import (npm's arborist, pacote, sigstore), pip-requirements-js compiles a grammar (read only for a requirement line beyond the simple
// ones), cron-parser brings luxon (only for a cron schedule), execa (Docker and Yeoman's spawn helpers), globby
// (Yeoman's lookup; ours are registered directly), simple-git (Yeoman's git helpers), read-package-up (our
// generators name their package themselves), tinyglobby and multimatch (mem-fs-editor's copy and delete of
// glob patterns). `lazy:<name>` in a rewrite asks the same for one import only.
const LAZY_FILES = [
  'fly-import',
  'pip-requirements-js',
  'cron-parser',
  'execa',
  'globby',
  'simple-git',
  'read-package-up',
  'tinyglobby',
  'multimatch',
];

/** The lazy files to write: name -> the module's resolved path. */
const lazyFiles = new Map();
const lazyNameOf = (path) =>
  relative(join(root, 'node_modules'), path)
    .replace(/\.[cm]?js$/, '')
    .replace(/^@/, '')
    .replaceAll(/[\\/]/g, '-');

/** The facade's body: each export a stand-in that loads the module's file when called, constructed or read. */
function facadeOf(name, exported) {
  const lines = [
    `const load = () => require(${JSON.stringify(`../lazy/${name}.cjs`)});`,
    // A function target, so that the stand-in can be called and constructed as the real export can.
    'const standIn = (get) => new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get(), self, args), construct: (_, args) => Reflect.construct(get(), args), get: (_, key) => get()[key], has: (_, key) => key in get() });',
  ];
  for (const key of exported) {
    const get = `() => load()[${JSON.stringify(key)}]`;
    lines.push(key === 'default' ? `export default standIn(${get});` : `export const ${key} = standIn(${get});`);
  }
  return lines.join('\n');
}

// A CommonJS bundle has no import.meta: dependencies written as ES modules read their own URL and folder from it.
const IMPORT_META = {
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
};

// An ES module's import of a Node module becomes, in a CommonJS bundle, esbuild's `__toESM(require("node:fs"), 1)`:
// a copy of every export as a getter, made anew at each import (process alone has hundreds; the bundle imports
// node:process, node:fs and node:path dozens of times), and the module loaded even when the importer never calls
// it (node:crypto brings a dozen internal modules). Each becomes a stand-in that loads the module on first use.
// A module imported by name only is a plain `import_fs = require("node:fs")`, which loads it at once: same stand-in.
const BUILTIN_INTEROP = /__toESM\(require\("([^"]+)"\),\s?1\)|(?<=\bimport_[\w$]+\s?=\s?)require\("([^"]+)"\)/g;
const BUILTIN_STAND_IN = `var __builtinModules = new Map();
var __builtinModule = (name) => {
  let made = __builtinModules.get(name);
  if (made) return made;
  let real;
  const load = () => (real ??= require(name));
  const descriptor = (key) => (key === "default" ? { value: load(), enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(load(), key) && { value: load()[key], enumerable: true, configurable: true });
  made = new Proxy({}, { get: (_, key) => (key === "default" ? load() : load()[key]), has: (_, key) => key === "default" || key in load(), ownKeys: () => ["default", ...Reflect.ownKeys(load())], getOwnPropertyDescriptor: (_, key) => descriptor(key) });
  __builtinModules.set(name, made);
  return made;
};`;
/** The bundle with its Node module imports made lazy (see BUILTIN_INTEROP). */
function withLazyBuiltins(file) {
  const text = readFileSync(file, 'utf8');
  const after = text.replace(BUILTIN_INTEROP, (whole, interop, named) =>
    isBuiltin(interop ?? named) ? `__builtinModule(${JSON.stringify(interop ?? named)})` : whole,
  );
  // After the banner's first line (`var __importMetaUrl = ...`), before any module.
  const firstLineEnd = after.indexOf('\n') + 1;
  writeFileSync(file, after.slice(0, firstLineEnd) + BUILTIN_STAND_IN + '\n' + after.slice(firstLineEnd));
}

const rewritePlugin = {
  name: 'rewrite-dependencies',
  setup(build) {
    const lazyFilter = new RegExp(`^(?:lazy:.*|${LAZY_FILES.join('|')})$`);
    const toFacade = async (args, specifier) => {
      const real = await build.resolve(specifier, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { facade: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      if (real.external) return undefined;
      const name = lazyNameOf(real.path);
      lazyFiles.set(name, real.path);
      return { path: real.path, namespace: 'lazy-facade', pluginData: { name } };
    };
    build.onResolve({ filter: lazyFilter }, (args) =>
      args.pluginData?.facade ? undefined : toFacade(args, args.path.replace(/^lazy:/, '')),
    );
    // (Our own modules stay in the bundle: a second copy of the core in a lazy file would have classes of its own.)
    const dependency = (args) => args.importer.includes('node_modules') || !/^\.\.?\//.test(args.path);
    build.onResolve({ filter: /^[^.]|^\.\.?\// }, (args) =>
      args.kind === 'dynamic-import' && !args.pluginData?.facade && !args.path.startsWith('node:') && dependency(args)
        ? toFacade(args, args.path)
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-facade' }, async (args) => {
      const exported = Object.keys(await import(args.path));
      return { contents: facadeOf(args.pluginData.name, exported), loader: 'js' };
    });
    build.onResolve({ filter: /^\.\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
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

const COMMON = {
  absWorkingDir: root,
  logOverride: { 'require-resolve-not-external': 'silent' },
  bundle: true,
  platform: 'node',
  target: 'node20.17',
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
};
// The bin's entry: an ES module (the package's type) with Node's modules only.
await esbuild.build({ ...COMMON, entryPoints: { 'dist/bin/pod-ingestion': 'src/bin/start.ts' }, outdir: root, format: 'esm' });
const result = await esbuild.build({
  ...COMMON,
  ...IMPORT_META,
  entryPoints: { 'dist/bin/cli': 'src/bin/cli.ts' },
  outdir: root,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [rewritePlugin],
  metafile: true,
});
withLazyBuiltins(join(root, 'dist/bin/cli.cjs'));
for (const [name, path] of lazyFiles) {
  await esbuild.build({
    ...COMMON,
    ...IMPORT_META,
    stdin: { contents: `module.exports = require(${JSON.stringify(path)});`, resolveDir: root, loader: 'js' },
    outfile: join(root, 'dist', 'lazy', `${name}.cjs`),
    format: 'cjs',
  });
}
for (const name of GENERATORS) {
  mkdirSync(join(root, 'generators', name), { recursive: true });
  writeFileSync(
    join(root, 'generators', name, 'index.js'),
    `// Built by scripts/build.mjs: the ${name} generator, bundled in dist/bin/cli.cjs.\nimport bundle from '../../dist/bin/cli.cjs';\n\nexport default bundle.GENERATOR_CLASSES.${name};\n`,
  );
}
if (process.env.BUILD_METAFILE) writeFileSync(process.env.BUILD_METAFILE, JSON.stringify(result.metafile));
