import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { addUser, login, PASSWORD, startApi, type ApiFixture } from '../helpers/api.js';

describe('the audit log', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApi();
    await addUser(f, 'vic', 'viewer', 0);
  });
  afterAll(async () => f?.close());

  it('records logins, failures and permission refusals, and the database refuses to change or delete them', async () => {
    await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vic', password: 'nope' },
    });
    const vic = await login(f, 'vic', PASSWORD);
    await f.app.inject({ url: '/api/audit', headers: { cookie: vic.cookie } });
    const { items, total } = await f.stores.accounts.listAudit({ limit: 10, offset: 0 });
    expect(total).toBe(3);
    expect(items.map((e) => [e.action, e.outcome, e.actor, e.target])).toEqual([
      ['permission', 'denied', 'vic', 'GET /api/audit'],
      ['login', 'ok', 'vic', undefined],
      ['login', 'failed', 'vic', undefined],
    ]);
    const db = (f.stores.store as SqliteStore).connection;
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'ok' WHERE action = 'login'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(items[0]!.id)).toThrow(/append-only/);
    expect((await f.stores.accounts.listAudit({ limit: 10, offset: 0 })).items).toEqual(items);
  });
});
