#!/usr/bin/env node
// REST API under load (npm run bench:api): the Wikinews corpus ingested and resolved into a fresh
// SQLite file, `vigil serve` on a free loopback port, then 50 concurrent clients with an API token
// cycling through the read endpoints analysts use most — incident list, search, an incident's
// page, the dashboard — for 30 s (BENCH_SECONDS, BENCH_CONNECTIONS). Prints the latency
// percentiles, throughput and errors; exits 1 when p99 >= 100 ms or any request failed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createToken } from '../dist/services/tokens.js';
import { hashPassword } from '../dist/services/passwords.js';
import { openApiStores } from '../dist/store/open-api-stores.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TARGET_P99_MS = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const vigil = join(root, 'dist/cli/main.js');

const dir = mkdtempSync(join(tmpdir(), 'vigil-api-bench-'));
const db = join(dir, 'vigil.db');
let server;
try {
  execFileSync(
    process.execPath,
    [vigil, '--db', db, 'ingest', join(root, 'examples/wikinews/wikinews.jsonl')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );

  // A reader cleared for everything, and a read token of theirs.
  const stores = await openApiStores(db);
  await stores.accounts.createUser({
    username: 'bench',
    passwordHash: await hashPassword('bench password, not used'),
    role: 'viewer',
    clearance: 4,
    mustChangePassword: false,
    createdAt: new Date().toISOString(),
  });
  const { token } = await createToken(
    { accounts: stores.accounts, now: () => new Date() },
    { username: 'bench', role: 'viewer', clearance: 4, via: 'session', mustChangePassword: false },
    { name: 'bench', scopes: ['read'] },
  );
  const { documents, resolvedIncidents } = await stores.store.stats();
  await stores.close();

  server = spawn(process.execPath, [vigil, '--db', db, 'serve', '--port', '0', '--no-demo'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+?)\/\n/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`vigil serve exited with ${code}`)));
  });
  const headers = { authorization: `Bearer ${token}` };
  const list = await (await fetch(`${base}/api/incidents?limit=50`, { headers })).json();
  const incident = list.items[0].id;
  const paths = [
    '/api/incidents?limit=50',
    '/api/search?q=bomb&limit=20',
    `/api/incidents/${incident}`,
    '/api/dashboard',
  ];

  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const p99 = result.latency.p99;
  const failed = result.errors + result.timeouts + result.non2xx;
  const summary = {
    documents,
    incidents: resolvedIncidents,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: result.requests.total,
    requestsPerSec: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
  console.log(JSON.stringify(summary));
  console.log(
    `API load: ${CONNECTIONS} clients for ${SECONDS} s over ${paths.length} read endpoints (${documents} documents, ${resolvedIncidents} incidents)`,
  );
  console.log(
    `  ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${p99} ms (target < ${TARGET_P99_MS} ms), max ${result.latency.max} ms`,
  );
  console.log(`  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (target 0)`);
  if (p99 >= TARGET_P99_MS || failed > 0) process.exitCode = 1;
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
