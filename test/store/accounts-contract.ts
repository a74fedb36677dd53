import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore, NewUser } from '../../src/store/accounts.js';
import type { ApiStores } from '../../src/store/open-api-stores.js';

/** A fresh, empty database for one test of the account or listing contract. */
export interface ApiContractDatabase {
  /** Open the document store with the account store and the paged reads on it. */
  open(): Promise<ApiStores>;
  /** Run SQL on the database directly, bypassing the stores (to check what the database itself refuses). */
  exec(sql: string): Promise<void>;
  /** Remove the database once the test is done (its stores are closed by then). */
  drop(): Promise<void>;
}

const T0 = '2026-01-01T00:00:00.000Z';

function newUser(username: string, extra: Partial<NewUser> = {}): NewUser {
  return {
    username,
    passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${username}`,
    role: 'analyst',
    clearance: 1,
    mustChangePassword: false,
    createdAt: T0,
    ...extra,
  };
}

/**
 * The behaviour every {@link AccountStore} must have: accounts, login failures and lockouts,
 * sessions, API tokens and the append-only audit log. Run by each implementation's tests.
 */
export function runAccountsContract(name: string, fresh: () => Promise<ApiContractDatabase>): void {
  describe(`AccountStore contract: ${name}`, () => {
    let database: ApiContractDatabase;
    let stores: ApiStores;
    let accounts: AccountStore;
    beforeEach(async () => {
      database = await fresh();
      stores = await database.open();
      accounts = stores.accounts;
    });
    afterEach(async () => {
      await stores.close();
      await database.drop();
    });

    it('creates accounts once per username and lists them without password hashes', async () => {
      expect(await accounts.countUsers()).toBe(0);
      expect(await accounts.createUser(newUser('zoe', { role: 'viewer', clearance: 0 }))).toBe(true);
      expect(await accounts.createUser(newUser('ana', { mustChangePassword: true }))).toBe(true);
      expect(await accounts.createUser(newUser('ana', { role: 'admin' }))).toBe(false);
      expect(await accounts.countUsers()).toBe(2);
      const users = await accounts.listUsers();
      expect(users.map((u) => [u.username, u.role, u.clearance, u.mustChangePassword])).toEqual([
        ['ana', 'analyst', 1, true],
        ['zoe', 'viewer', 0, false],
      ]);
      expect(users[0]).not.toHaveProperty('passwordHash');
      const ana = await accounts.getUser('ana');
      expect(ana).toMatchObject({
        username: 'ana',
        passwordHash: newUser('ana').passwordHash,
        disabled: false,
        failedLogins: 0,
        createdAt: T0,
      });
      expect(ana).not.toHaveProperty('lockedUntil');
      expect(await accounts.getUser('nobody')).toBeUndefined();
    });

    it('changes only the fields given', async () => {
      await accounts.createUser(newUser('ana'));
      const at = '2026-01-02T00:00:00.000Z';
      expect(await accounts.updateUser('ana', { clearance: 4, disabled: true, updatedAt: at })).toBe(true);
      expect(await accounts.getUser('ana')).toMatchObject({
        role: 'analyst',
        clearance: 4,
        disabled: true,
        updatedAt: at,
      });
      await accounts.updateUser('ana', {
        role: 'admin',
        passwordHash: 'new-hash',
        mustChangePassword: true,
        disabled: false,
        updatedAt: at,
      });
      expect(await accounts.getUser('ana')).toMatchObject({
        role: 'admin',
        clearance: 4,
        passwordHash: 'new-hash',
        mustChangePassword: true,
        disabled: false,
      });
      expect(await accounts.updateUser('nobody', { role: 'admin', updatedAt: at })).toBe(false);
    });

    it('counts concurrent login failures exactly, locks and unlocks', async () => {
      await accounts.createUser(newUser('ana'));
      const counts = await Promise.all(Array.from({ length: 8 }, () => accounts.addLoginFailure('ana')));
      expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await accounts.addLoginFailure('nobody')).toBe(0);
      await accounts.setLockout('ana', '2026-01-01T00:15:00.000Z');
      expect(await accounts.getUser('ana')).toMatchObject({
        failedLogins: 8,
        lockedUntil: '2026-01-01T00:15:00.000Z',
      });
      await accounts.recordLogin('ana', '2026-01-01T01:00:00.000Z');
      const after = await accounts.getUser('ana');
      expect(after).toMatchObject({ failedLogins: 0, lastLoginAt: '2026-01-01T01:00:00.000Z' });
      expect(after).not.toHaveProperty('lockedUntil');
    });

    it('finds sessions by id hash until they expire, and ends them', async () => {
      await accounts.createUser(newUser('ana'));
      await accounts.createUser(newUser('bob'));
      const session = (idHash: string, username: string, expiresAt: string) => ({
        idHash,
        username,
        csrfToken: `csrf-${idHash}`,
        createdAt: T0,
        expiresAt,
      });
      await accounts.createSession(session('h1', 'ana', '2026-01-01T12:00:00.000Z'));
      await accounts.createSession(session('h2', 'ana', '2026-01-02T12:00:00.000Z'));
      await accounts.createSession(session('h3', 'bob', '2026-01-01T06:00:00.000Z'));
      expect(await accounts.getSession('h1', '2026-01-01T11:59:59.000Z')).toEqual(
        session('h1', 'ana', '2026-01-01T12:00:00.000Z'),
      );
      expect(await accounts.getSession('h1', '2026-01-01T12:00:00.000Z')).toBeUndefined();
      expect(await accounts.getSession('nope', T0)).toBeUndefined();
      expect(await accounts.deleteExpiredSessions('2026-01-01T13:00:00.000Z')).toBe(2);
      expect(await accounts.getSession('h2', T0)).toBeDefined();
      await accounts.createSession(session('h4', 'bob', '2026-01-03T00:00:00.000Z'));
      await accounts.deleteSessionsOf('ana');
      expect(await accounts.getSession('h2', T0)).toBeUndefined();
      expect(await accounts.getSession('h4', T0)).toBeDefined();
      await accounts.deleteSession('h4');
      expect(await accounts.getSession('h4', T0)).toBeUndefined();
    });

    it('keeps API tokens by hash, lists them newest first, revokes once and notes their use', async () => {
      await accounts.createUser(newUser('ana'));
      await accounts.createUser(newUser('bob'));
      await accounts.createToken({
        id: 't1',
        tokenHash: 'hash-1',
        username: 'ana',
        name: 'feeds script',
        scopes: ['read'],
        createdAt: T0,
      });
      await accounts.createToken({
        id: 't2',
        tokenHash: 'hash-2',
        username: 'ana',
        name: 'ingest bot',
        scopes: ['read', 'write'],
        createdAt: '2026-01-02T00:00:00.000Z',
      });
      await accounts.createToken({
        id: 't3',
        tokenHash: 'hash-3',
        username: 'bob',
        name: 'x',
        scopes: ['admin'],
        createdAt: T0,
      });
      expect(await accounts.getTokenByHash('hash-2')).toEqual({
        id: 't2',
        username: 'ana',
        name: 'ingest bot',
        scopes: ['read', 'write'],
        createdAt: '2026-01-02T00:00:00.000Z',
      });
      expect((await accounts.listTokens('ana')).map((t) => t.id)).toEqual(['t2', 't1']);
      expect(await accounts.listTokens()).toHaveLength(3);
      await accounts.touchToken('t1', '2026-01-05T00:00:00.000Z');
      expect((await accounts.getToken('t1'))?.lastUsedAt).toBe('2026-01-05T00:00:00.000Z');
      expect(await accounts.revokeToken('t1', '2026-01-06T00:00:00.000Z')).toBe(true);
      expect(await accounts.revokeToken('t1', '2026-01-07T00:00:00.000Z')).toBe(false);
      expect(await accounts.revokeToken('nope', T0)).toBe(false);
      expect(await accounts.getTokenByHash('hash-1')).toBeUndefined();
      expect((await accounts.getToken('t1'))?.revokedAt).toBe('2026-01-06T00:00:00.000Z');
    });

    it('appends to the audit log and pages it newest first, by actor and action', async () => {
      const ids = [];
      for (const [i, [actor, action]] of [
        ['ana', 'login'],
        ['bob', 'login'],
        ['ana', 'review'],
      ].entries())
        ids.push(
          await accounts.appendAudit({
            at: `2026-01-0${i + 1}T00:00:00.000Z`,
            actor: actor!,
            action: action!,
            target: `t${i}`,
            outcome: 'ok',
            ip: '127.0.0.1',
            detail: { n: i, note: 'x' },
          }),
        );
      expect(ids[1]! > ids[0]! && ids[2]! > ids[1]!).toBe(true);
      await accounts.appendAudit({ at: '2026-01-04T00:00:00.000Z', action: 'login', outcome: 'failed' });
      const all = await accounts.listAudit({ limit: 2, offset: 0 });
      expect(all.total).toBe(4);
      expect(all.items.map((e) => e.at)).toEqual(['2026-01-04T00:00:00.000Z', '2026-01-03T00:00:00.000Z']);
      expect(all.items[0]).toEqual({
        id: all.items[0]!.id,
        at: '2026-01-04T00:00:00.000Z',
        action: 'login',
        outcome: 'failed',
      });
      expect(all.items[1]).toMatchObject({
        actor: 'ana',
        target: 't2',
        ip: '127.0.0.1',
        detail: { n: 2, note: 'x' },
      });
      const anaLogins = await accounts.listAudit({ actor: 'ana', action: 'login', limit: 10, offset: 0 });
      expect([anaLogins.total, anaLogins.items[0]?.target]).toEqual([1, 't0']);
      expect((await accounts.listAudit({ limit: 10, offset: 3 })).items).toHaveLength(1);
    });

    it('refuses in the database itself to change or delete audit log lines', async () => {
      await accounts.appendAudit({ at: T0, actor: 'ana', action: 'login', outcome: 'ok' });
      await expect(database.exec("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
      await expect(database.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const { items, total } = await accounts.listAudit({ limit: 10, offset: 0 });
      expect([total, items[0]?.actor]).toEqual([1, 'ana']);
    });
  });
}
