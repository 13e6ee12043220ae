// Loads the bundled CommonJS file with V8's code cache, so that a run does not compile again what the previous
// one compiled: a start of the bin is mostly compiling. Node 22's own compile cache (module.enableCompileCache)
// stores a file's code as it was before it ran, so the functions a run calls are compiled again on every run;
// this cache is written after the first run that used the file, with them. It also works on Node 20, which has
// no compile cache.
//
// The cache is per user (XDG_CACHE_HOME, else ~/.cache), never in a shared folder: V8 trusts what it reads.
// Its name holds the file's size and time and Node's version and architecture, so a rebuilt or reinstalled
// bundle or another Node never meets a stale one (V8 itself refuses a cache made for other flags or another
// source length). A cache that cannot be read or written is no error: the file is then compiled as usual.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

interface Loaded<Exports> {
  exports: Exports;
  /** Writes the cache when there was none to use; call it once the work is done, for the code it ran. */
  saveCache(): void;
}

function cachePath(file: string): string | undefined {
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const { size, mtimeMs } = statSync(file);
    return join(base, 'pod-ingestion', `${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.v8cache`);
  } catch {
    return undefined;
  }
}

export function loadWithCodeCache<Exports>(file: string): Loaded<Exports> {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cachePath(file);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  // The bundle's own import() calls (Yeoman importing a generator by path) go to Node's usual loader.
  const importModuleDynamically = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants
    ?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(wrapper, {
    filename: file,
    cachedData,
    ...(importModuleDynamically ? { importModuleDynamically } : {}),
  } as vm.ScriptOptions);
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, join(file, '..'));
  const saveCache = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    try {
      mkdirSync(join(cacheFile, '..'), { recursive: true, mode: 0o700 });
      // Written aside and renamed: a run starting meanwhile reads the old cache or the whole new one.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
    } catch {
      // A read-only home or a full disk: the next run compiles again, as without a cache.
    }
  };
  return { exports: module.exports, saveCache };
}
