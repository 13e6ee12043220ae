#!/usr/bin/env node
// The bin's entry (dist/bin/pod-ingestion.js): turns on Node's on-disk compile cache (Node 22.1+; older Nodes
// lack it, which is fine) before the bundle is loaded, so that later runs skip compiling it.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./pod-ingestion.js');
