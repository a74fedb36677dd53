// Runs a `vigil` command in this process (worker threads included) and reports its peak memory on stderr:
// node bench/cli-peak.js extract input.jsonl
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
process.argv = [process.argv[0], 'vigil', ...process.argv.slice(2)];
await import('../dist/cli/main.js');
