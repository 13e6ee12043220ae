// `yo pod-ingestion...` without yo: support/run-like-yo.mjs runs a generator as yo 7 does (yo's own logger and
// conflicter, from yeoman-environment), found through a node_modules that links this checkout (as `npm link`).
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBin, type BinResult } from './run-bin.js';
import { tempDir } from './temp-dirs.js';

export const LIKE_YO = fileURLToPath(new URL('./run-like-yo.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let modules: string | undefined;

/** A node_modules holding only generator-pod-ingestion, linked to this checkout; the first argument of run-like-yo.mjs. */
export function linkedModules(): string {
  if (modules) return modules;
  const folder = join(tempDir('yo'), 'node_modules');
  mkdirSync(folder);
  symlinkSync(ROOT, join(folder, 'generator-pod-ingestion'));
  return (modules = folder);
}

/** `yo ARGS...` in `cwd` (`yo pod-ingestion:pod NAME` is `runLikeYo(['pod-ingestion:pod', 'NAME'], cwd)`). */
export function runLikeYo(args: string[], cwd: string): Promise<BinResult> {
  return runBin([linkedModules(), ...args], cwd, { bin: LIKE_YO });
}
