import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `vigil serve` in the background (the built command, as `npm start` runs it), with its output so far. */
function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving (http:\/\/\S+?)\/\n/.exec(out.stdout);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`vigil serve exited: ${out.stderr}`));
    });
  });
  url.catch(() => {}); // a test that expects the server to fail does not wait for its URL
  return { child, out, exited, url };
}

describe('vigil serve', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the admin with a one-time password on first run, serves the API and stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
    const db = join(dir, 'vigil.db');
    const server = serve(['serve', '--no-demo'], { PORT: '0', VIGIL_DB: db });
    const base = await server.url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const password = /one-time password (\S+)/.exec(server.out.stderr)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await (await fetch(`${base}/api/health`)).json()) as object).toEqual({
      status: 'ok',
      version: '0.1.0',
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: object }).user).toMatchObject({
      role: 'admin',
      mustChangePassword: true,
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const blocked = await fetch(`${base}/api/incidents`, { headers: { cookie } });
    expect(blocked.status).toBe(403);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.out.stderr).toContain('stopping');

    const again = serve(['--db', db, 'serve', '--port', '0', '--no-demo']);
    await again.url;
    expect(again.out.stderr).not.toContain('one-time password');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('loads the demo corpus with its attribution into an empty store, once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
    const db = join(dir, 'vigil.db');
    const server = serve(['--db', db, 'serve', '--port', '0']);
    await server.url;
    expect(server.out.stderr).toMatch(/loaded 289 Wikinews articles \(\d+ incidents, \d+ statements\)/);
    expect(server.out.stderr).toContain('CC BY 2.5, by Wikinews contributors');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const store = SqliteStore.open(db);
    const stats = await store.stats();
    await store.close();
    expect(stats.documents).toBe(289);
    expect(stats.resolvedIncidents).toBeGreaterThan(0);
    const again = serve(['--db', db, 'serve', '--port', '0']);
    await again.url;
    expect(again.out.stderr).not.toContain('loading the demo corpus');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('says in one line when it cannot listen', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
    const first = serve(['--db', join(dir, 'a.db'), 'serve', '--port', '0', '--no-demo']);
    const port = new URL(await first.url).port;
    const second = serve(['--db', join(dir, 'b.db'), 'serve', '--port', port, '--no-demo']);
    expect(await second.exited).toBe(2);
    expect(second.out.stderr).toMatch(
      new RegExp(`vigil: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
