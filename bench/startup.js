// Time to build the annotation resources in a fresh process (prints JSON). With BENCH_COLD=1 the
// caches start empty (a first run after install), otherwise the package's caches are used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cold = process.env.BENCH_COLD === '1';
const cacheDir = cold ? `${mkdtempSync(join(tmpdir(), 'vigil-bench-'))}/` : undefined;
const t0 = performance.now();
const { loadResources } = await import('../dist/kb/resources.js');
await loadResources(cacheDir ? { cacheDir } : {});
const ms = performance.now() - t0;
if (cacheDir) rmSync(cacheDir, { recursive: true });
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
