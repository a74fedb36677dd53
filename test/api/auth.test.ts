import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/services/passwords.js';
import { addUser, login, PASSWORD, startApi, tokenOf, type ApiFixture } from '../helpers/api.js';

let f: ApiFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('logging in and out', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user and CSRF token', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'analyst', 2);
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ' Ana ', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({
      username: 'ana',
      role: 'analyst',
      clearance: 2,
      mustChangePassword: false,
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === 'vigil_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await f.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `vigil_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ user: { username: 'ana' }, csrfToken: body.csrfToken });
    const stored = await f.stores.accounts.getUser('ana');
    expect(stored?.lastLoginAt).toBeDefined();
  });

  it('uses a Secure __Host- cookie and HSTS when cookies are secure', async () => {
    f = await startApi([], { secureCookies: true });
    await addUser(f, 'ana', 'viewer', 0);
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ana', password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === '__Host-vigil_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie).not.toHaveProperty('domain');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const me = await f.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `vigil_session=${cookie!.value}` },
    });
    expect(me.statusCode).toBe(401);
  });

  it('answers wrong passwords, unknown users and disabled accounts alike, and audits each attempt', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'analyst', 1);
    await addUser(f, 'old', 'analyst', 1);
    await f.stores.accounts.updateUser('old', { disabled: true, updatedAt: new Date().toISOString() });
    for (const [username, password] of [
      ['ana', 'wrong password!'],
      ['nobody', PASSWORD],
      ['old', PASSWORD],
    ]) {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'wrong username or password' },
      });
      expect(res.cookies).toEqual([]);
    }
    const log = await f.stores.accounts.listAudit({ action: 'login', limit: 10, offset: 0 });
    expect(log.items.map((e) => [e.actor, e.outcome, e.detail?.reason])).toEqual([
      ['old', 'failed', 'disabled'],
      ['nobody', 'failed', 'unknown user'],
      ['ana', 'failed', 'wrong password'],
    ]);
    expect(log.items[0]?.ip).toBe('127.0.0.1');
  });

  it('ends the session at logout', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'viewer', 0);
    const s = await login(f, 'ana');
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'vigil_session')?.value).toBe('');
    expect((await f.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const c = clock();
    f = await startApi([], { now: c.now, auth: { sessionTtlMs: 3600_000 } });
    await addUser(f, 'ana', 'viewer', 0);
    const s = await login(f, 'ana');
    c.advance(3599_000);
    expect((await f.app.inject({ url: '/api/stats', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    c.advance(2000);
    expect((await f.app.inject({ url: '/api/stats', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('stores passwords as Argon2id hashes', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'viewer', 0);
    expect((await f.stores.accounts.getUser('ana'))?.passwordHash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
    );
  });
});

describe('CSRF', () => {
  it('requires the session’s CSRF token on state-changing requests made with the cookie, not with a token', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'admin', 4);
    const s = await login(f, 'ana');
    const create = (headers: Record<string, string>) =>
      f!.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        payload: { name: 'x', scopes: ['read'] },
      });
    const missing = await create({ cookie: s.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    expect((await create({ cookie: s.cookie, 'x-csrf-token': `${s.csrf.slice(1)}x` })).statusCode).toBe(403);
    expect((await create({ cookie: s.cookie, 'x-csrf-token': s.csrf })).statusCode).toBe(201);
    expect((await f.app.inject({ url: '/api/tokens', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const token = await tokenOf(f, 'ana', ['admin']);
    expect((await create({ authorization: `Bearer ${token}` })).statusCode).toBe(201);
    const denied = await f.stores.accounts.listAudit({ action: 'permission', limit: 10, offset: 0 });
    expect(denied.items.map((e) => [e.actor, e.outcome, e.detail?.needed])).toEqual([
      ['ana', 'denied', 'csrf'],
      ['ana', 'denied', 'csrf'],
    ]);
  });
});

describe('login rate limits and lockout', () => {
  it('limits login attempts per client address', async () => {
    f = await startApi([], { loginRateLimit: 3 });
    const attempt = () =>
      f!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(limited.headers['retry-after']).toBeDefined();
    const other = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.9',
      payload: { username: 'x', password: 'y' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('locks a username after repeated failures, known or not, until the lock expires', async () => {
    const c = clock();
    f = await startApi([], { now: c.now, auth: { lockAfter: 3, lockMs: 60_000 }, loginRateLimit: 1000 });
    await addUser(f, 'ana', 'viewer', 0);
    const attempt = (username: string, password: string) =>
      f!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    for (const name of ['ana', 'ghost']) {
      for (let i = 0; i < 3; i++) expect((await attempt(name, 'wrong password!')).statusCode).toBe(401);
      const locked = await attempt(name, PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: { code: 'login_locked' } });
    }
    c.advance(61_000);
    expect((await attempt('ana', PASSWORD)).statusCode).toBe(200);
    expect((await f.stores.accounts.getUser('ana'))?.failedLogins).toBe(0);
  });
});

describe('first-login password change', () => {
  it('allows only me, logout and a password change until the password is changed', async () => {
    f = await startApi();
    await f.stores.accounts.createUser({
      username: 'admin',
      passwordHash: await hashPassword('one-time-password-123'),
      role: 'admin',
      clearance: 4,
      mustChangePassword: true,
      createdAt: new Date().toISOString(),
    });
    const s = await login(f, 'admin', 'one-time-password-123');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const blocked = await f.app.inject({ url: '/api/incidents', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: 'password_change_required' } });
    expect((await f.app.inject({ url: '/api/auth/me', headers })).json()).toMatchObject({
      user: { mustChangePassword: true },
    });
    const change = (current: string, next: string) =>
      f!.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { current, next } });
    expect((await change('not the password', 'a brand new passphrase')).statusCode).toBe(403);
    expect((await change('one-time-password-123', 'short')).json()).toMatchObject({
      error: { code: 'weak_password' },
    });
    const changed = await change('one-time-password-123', 'a brand new passphrase');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ user: { mustChangePassword: false } });
    expect((await f.app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
    const fresh = await login(f, 'admin', 'a brand new passphrase');
    expect(
      (await f.app.inject({ url: '/api/incidents', headers: { cookie: fresh.cookie } })).statusCode,
    ).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate scripts with the scopes and clearance of their owner, until revoked', async () => {
    f = await startApi();
    await addUser(f, 'ana', 'analyst', 1);
    const s = await login(f, 'ana');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const created = await f.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'nightly export', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token).toMatch(/^vigil_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await f.app.inject({ url: '/api/incidents', headers: bearer })).statusCode).toBe(200);
    const me = (await f.app.inject({ url: '/api/auth/me', headers: bearer })).json();
    expect(me).toMatchObject({ user: { username: 'ana', clearance: 1 }, scopes: ['read'] });
    expect(me).not.toHaveProperty('csrfToken');
    const write = await f.app.inject({
      method: 'POST',
      url: '/api/alerts/1/ack',
      headers: bearer,
    });
    expect(write.statusCode).toBe(403);
    const listed = (await f.app.inject({ url: '/api/tokens', headers })).json() as { items: object[] };
    expect(listed.items).toEqual([
      expect.objectContaining({ id, name: 'nightly export', lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const refusedMint = await f.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'more', scopes: ['read'] },
    });
    expect(refusedMint.statusCode).toBe(403);
    const beyondRole = await f.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'admin please', scopes: ['admin'] },
    });
    expect(beyondRole.statusCode).toBe(403);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers })).statusCode).toBe(
      204,
    );
    const revoked = await f.app.inject({ url: '/api/incidents', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await f.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers })).statusCode).toBe(
      404,
    );
  });

  it('stop working when their owner is disabled, and cap the role at their scopes', async () => {
    f = await startApi();
    await addUser(f, 'root', 'admin', 4);
    await addUser(f, 'bob', 'analyst', 2);
    const readOnly = await tokenOf(f, 'root', ['read']);
    const users = await f.app.inject({ url: '/api/users', headers: { authorization: `Bearer ${readOnly}` } });
    expect(users.statusCode).toBe(403);
    const bobs = await tokenOf(f, 'bob', ['write']);
    const root = await login(f, 'root');
    const disable = await f.app.inject({
      method: 'PATCH',
      url: '/api/users/bob',
      headers: { cookie: root.cookie, 'x-csrf-token': root.csrf },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(
      (await f.app.inject({ url: '/api/stats', headers: { authorization: `Bearer ${bobs}` } })).statusCode,
    ).toBe(401);
    expect(
      (await f.app.inject({ url: '/api/stats', headers: { authorization: 'Basic dXNlcjpwYXNz' } }))
        .statusCode,
    ).toBe(401);
  });

  it('let admins see and revoke other users’ tokens, and hide them from everyone else', async () => {
    f = await startApi();
    await addUser(f, 'root', 'admin', 4);
    await addUser(f, 'bob', 'analyst', 2);
    await addUser(f, 'eve', 'analyst', 2);
    await tokenOf(f, 'bob', ['read']);
    const [bobsToken] = await f.stores.accounts.listTokens('bob');
    const eve = await login(f, 'eve');
    const eveHeaders = { cookie: eve.cookie, 'x-csrf-token': eve.csrf };
    expect((await f.app.inject({ url: '/api/tokens?username=bob', headers: eveHeaders })).statusCode).toBe(
      403,
    );
    expect(
      (await f.app.inject({ method: 'DELETE', url: `/api/tokens/${bobsToken!.id}`, headers: eveHeaders }))
        .statusCode,
    ).toBe(404);
    const root = await login(f, 'root');
    const rootHeaders = { cookie: root.cookie, 'x-csrf-token': root.csrf };
    const list = (await f.app.inject({ url: '/api/tokens?username=bob', headers: rootHeaders })).json() as {
      total: number;
    };
    expect(list.total).toBe(1);
    expect(
      (await f.app.inject({ method: 'DELETE', url: `/api/tokens/${bobsToken!.id}`, headers: rootHeaders }))
        .statusCode,
    ).toBe(204);
  });
});
