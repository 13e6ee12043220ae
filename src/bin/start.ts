#!/usr/bin/env node
// The bin's entry (dist/bin/pod-ingestion.js): loads the bundle (dist/bin/cli.cjs) with V8's code cache and runs
// the command line.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from './code-cache.js';

// No colour where nobody sees it (a pipe, a log) or when NO_COLOR asks for none: chalk reads this when the
// bundle is loaded.
if (process.env.NO_COLOR || !process.stdout.isTTY) process.env.FORCE_COLOR = '0';
// Node's own compile cache (Node 22.1+; older Nodes lack it, which is fine) for the files loaded only when
// needed (dist/lazy: inquirer when a question is asked, execa when Docker runs).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const bundle = loadWithCodeCache<typeof import('./cli.js')>(fileURLToPath(new URL('./cli.cjs', import.meta.url)));
await bundle.exports.main(process.argv.slice(2));
bundle.saveCache();
