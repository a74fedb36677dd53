import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freshSchema, pgAdmin, pgReachable, TEST_PG_URL } from '../helpers/postgres.js';
import { startVigil, vigil, type VigilProcess } from '../helpers/run-vigil.js';

/** The first line of `lines` matching `pattern`, waited for (the process writes it when ready). */
async function lineOf(p: VigilProcess, lines: string[], pattern: RegExp): Promise<RegExpExecArray> {
  let exited = false;
  void p.exited.then(() => (exited = true));
  for (;;) {
    for (const l of lines) {
      const m = pattern.exec(l);
      if (m) return m;
    }
    if (exited) throw new Error(`vigil exited: ${p.stderrLines.join('\n')}`);
    await sleep(50);
  }
}

describe.skipIf(!pgReachable)(`vigil serve --queue on PostgreSQL at ${TEST_PG_URL}`, () => {
  it('queues an upload for the workers, answers 202, and a vigil worker stores and resolves it', async () => {
    const { url, schema, drop } = await freshSchema();
    const server = startVigil(['--db', url, 'serve', '--queue', '--no-demo', '--port', '0']);
    let worker: VigilProcess | undefined;
    try {
      const base = (await lineOf(server, server.stdoutLines, /serving (http:\/\/\S+?)\/$/))[1]!;
      const password = (await lineOf(server, server.stderrLines, /one-time password (\S+)/))[1]!;
      expect(server.stderrLines).toContain(
        'vigil: queue mode: documents sent to the API are queued for `vigil worker` processes',
      );
      const json = { 'content-type': 'application/json' };
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'admin', password }),
      });
      const first = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: '' };
      first.csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const changed = await fetch(`${base}/api/auth/password`, {
        method: 'POST',
        headers: { ...json, cookie: first.cookie, 'x-csrf-token': first.csrf },
        body: JSON.stringify({ current: password, next: 'a long enough new passphrase' }),
      });
      expect(changed.status).toBe(200);
      const session = {
        cookie: changed.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': ((await changed.json()) as { csrfToken: string }).csrfToken,
      };

      const form = new FormData();
      form.set(
        'file',
        new Blob([
          'On Monday a suicide bomber killed 12 people at a police station in Kandahar, Afghanistan, officials said. The Taliban claimed responsibility.',
        ]),
        'kandahar.txt',
      );
      const res = await fetch(`${base}/api/ingest`, { method: 'POST', headers: session, body: form });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({
        read: 1,
        queuedDocuments: 1,
        queuedJobs: 1,
        duplicates: 0,
        skipped: 0,
        problems: [],
      });

      worker = startVigil(['--db', url, 'worker', '--workers', '0']);
      const resolved = async () =>
        Number(
          (await pgAdmin<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.resolved_incidents`))[0]!.n,
        );
      while ((await resolved()) === 0) {
        if (worker.child.exitCode !== null) throw new Error(worker.stderrLines.join('\n'));
        await sleep(200);
      }
      const incidents = (await (await fetch(`${base}/api/incidents`, { headers: session })).json()) as {
        items: { location: { countryCode: string } | null; killed: unknown }[];
      };
      expect(incidents.items.map((i) => [i.location?.countryCode, i.killed])).toEqual([
        ['AF', { value: 12 }],
      ]);
      worker.child.kill('SIGTERM');
      expect((await worker.exited).code, worker.stderrLines.join('\n')).toBe(0);
      expect(
        worker.stderrLines.some((l) => /^ingest job \w+: 1 documents, 1 stored, 0 duplicates/.test(l)),
      ).toBe(true);
      expect(worker.stderrLines.some((l) => /^resolve job \w+: 1 documents, 1 incidents/.test(l))).toBe(true);
      const counts = JSON.parse(vigil(['--db', url, 'jobs', '--json']).stdout) as {
        kind: string;
        done: number;
      }[];
      expect(counts.map((c) => [c.kind, c.done])).toEqual([
        ['alerts', 0],
        ['ingest', 1],
        ['extract', 0],
        ['resolve', 1],
      ]);
    } finally {
      worker?.child.kill('SIGKILL');
      server.child.kill('SIGTERM');
      await server.exited;
      if (worker) await worker.exited;
      await drop();
    }
  }, 90_000);
});
