// Time to build the annotation resources in a fresh process (prints JSON).
const t0 = performance.now();
const { loadResources } = await import('../dist/kb/resources.js');
await loadResources();
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
