import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/api/response-cache.js';
import { openApiStores } from '../../src/store/open-api-stores.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sampleWrite } from '../store/store-contract.js';
import { addUser, login, startApi, tokenOf, type ApiFixture } from '../helpers/api.js';

describe('ResponseCache', () => {
  it('answers only at the data version an answer was computed at, and forgets the least recently used', async () => {
    let version = '1';
    const cache = new ResponseCache(async () => version, 2);
    const s1 = (await cache.stamp())!;
    cache.set('a', s1, 'A');
    cache.set('b', s1, 'B');
    expect(cache.get('a', s1)).toBe('A');
    cache.set('c', s1, 'C');
    expect([cache.get('a', s1), cache.get('b', s1), cache.get('c', s1)]).toEqual(['A', undefined, 'C']);
    cache.invalidate();
    const s2 = (await cache.stamp())!;
    expect(s2).not.toBe(s1);
    expect(cache.get('a', s2)).toBeUndefined();
    version = '2';
    expect(await cache.stamp()).not.toBe(s2);
    expect(await new ResponseCache(async () => undefined).stamp()).toBeUndefined();
  });
});

describe('cached answers of the read routes', () => {
  let f: ApiFixture;
  let redToken: string;
  let greenToken: string;
  let counted = 0;
  beforeAll(async () => {
    f = await startApi([
      { ids: ['wikinews-0003'], marking: 'TLP:CLEAR' },
      { ids: ['wikinews-0022'], marking: 'TLP:RED' },
    ]);
    await addUser(f, 'red', 'analyst', 4);
    await addUser(f, 'green', 'analyst', 1);
    redToken = await tokenOf(f, 'red', ['write']);
    greenToken = await tokenOf(f, 'green', ['write']);
    const count = f.services.listing.countIncidents.bind(f.services.listing);
    f.services.listing.countIncidents = async (q) => {
      counted++;
      return count(q);
    };
  });
  afterAll(async () => f?.close());
  const total = async (token: string, url = '/api/incidents?all=true') =>
    ((await f.app.inject({ url, headers: { authorization: `Bearer ${token}` } })).json() as { total: number })
      .total;

  it('computes an answer once per clearance and URL', async () => {
    counted = 0;
    const red = await total(redToken);
    const green = await total(greenToken);
    expect(red).toBeGreaterThan(green);
    expect([await total(redToken), await total(greenToken), await total(greenToken)]).toEqual([
      red,
      green,
      green,
    ]);
    expect(counted).toBe(2);
    await total(greenToken, '/api/incidents?all=true&limit=5');
    expect(counted).toBe(3);
  });

  it('answers anew after a state-changing request', async () => {
    const before = await total(redToken);
    const list = (
      await f.app.inject({ url: '/api/incidents?all=true', headers: { authorization: `Bearer ${redToken}` } })
    ).json() as { items: { id: string }[] };
    const s = await login(f, 'red');
    const review = await f.app.inject({
      method: 'POST',
      url: '/api/reviews',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { subjectId: list.items[0]!.id, field: '*', action: 'reject' },
    });
    expect(review.statusCode).toBe(201);
    expect(await total(redToken)).toBe(before - 1);
  });

  it('answers anew after another process wrote to the database', async () => {
    const before = await total(redToken, '/api/documents');
    const path = (f.stores.store as SqliteStore).connection.name;
    const other = await openApiStores(path);
    await other.store.putDocuments([sampleWrite('A document from another process.')]);
    await other.close();
    expect(await total(redToken, '/api/documents')).toBe(before + 1);
  });
});
