import { describe, expect, it } from 'vitest';
import { loadAlertConfig } from '../../src/services/alerts/alert-config.js';
import { listChains } from '../../src/services/chains.js';
import { resolveStore } from '../../src/services/resolve.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { resources } from '../helpers/annotate-text.js';
import { extractReports, readReports } from './evaluate-resolution.js';
import { contentHash } from '../../src/store/document-id.js';

/** Store one story's documents (extracted as ingest would) and resolve them. */
async function storyStore(name: string): Promise<Store> {
  const reports = readReports(new URL(`../fixtures/resolve/stories/${name}.jsonl`, import.meta.url).pathname);
  const store = SqliteStore.open(':memory:');
  const records = extractReports(reports, resources());
  await store.putDocuments(
    reports.map((r, i) => ({
      document: {
        id: r.id,
        contentHash: contentHash(r.text),
        source: { kind: 'file', path: `${name}.jsonl`, line: i + 1 },
        title: r.title ?? r.id,
        publishedAt: r.published,
        text: r.text,
        marking: 'TLP:CLEAR',
        retrievedAt: '2026-11-25T00:00:00Z',
      },
      extraction: records[i]!.extraction,
      pipelineVersion: 'test',
    })),
  );
  await resolveStore(store, resources(), await loadAlertConfig(), { now: '2026-11-25T00:00:00Z' });
  return store;
}

describe('retaliation stories, end to end', () => {
  it('Christchurch: one incident from every report, the IS call three days later, the Easter bombings framed as revenge', async () => {
    const store = await storyStore('christchurch');
    const [nz] = await store.listIncidents({ country: 'NZ', mainOnly: false });
    expect(nz).toMatchObject({
      type: 'Armed Assault',
      date: { value: '2019-03-15', precision: 'day' },
      killed: { value: 50 },
    });
    expect(nz!.location?.city).toBe('Christchurch');
    expect([...new Set(nz!.mentions.map((m) => m.docId))]).toEqual(['cc-001', 'cc-002', 'cc-003', 'cc-005']);
    expect(await store.listIncidents({ country: 'NZ', mainOnly: false })).toHaveLength(1);
    const easter = await store.listIncidents({ country: 'LK' });
    expect(easter.length).toBeGreaterThan(0);
    expect(easter.every((i) => i.date?.value === '2019-04-21' && i.type === 'Bombing/Explosion')).toBe(true);

    const chains = await listChains(store, resources().kb);
    const chain = chains.find((c) => c.nodes.some((n) => n.id === nz!.id))!;
    expect(chain.start).toBe('2019-03-15');
    const kinds = chain.nodes.map((n) => `${n.date} ${n.kind}`);
    expect(kinds[0]).toBe('2019-03-15 incident');
    expect(kinds).toContain('2019-03-18 statement');
    expect(kinds).toContain('2019-04-21 incident');
    expect(chain.edges).toContainEqual(
      expect.objectContaining({
        from: easter.find((e) => chain.nodes.some((n) => n.id === e.id))!.id,
        to: nz!.id,
      }),
    );

    const alerts = await store.listAlerts({});
    const call = alerts.find((a) => a.rule === 'call-citing-recent-incident')!;
    expect(call.explanation).toContain(
      'call-to-violence by Islamic State on 2019-03-18 cites Armed Assault in Christchurch, New Zealand on 2019-03-15',
    );
    expect(call.explanation).toContain('(3 days earlier)');
    expect(
      alerts.some(
        (a) =>
          a.rule === 'attack-framed-as-revenge' &&
          /^Bombing\/Explosion in .*Sri Lanka on 2019-04-21 .* framed as revenge for Armed Assault in Christchurch/.test(
            a.explanation,
          ),
      ),
    ).toBe(true);
    await store.close();
  });

  it('reciprocal: a mosque attack, a jihadist call citing it, and a stabbing framed as revenge for it', async () => {
    const store = await storyStore('reciprocal');
    const [graz] = await store.listIncidents({ from: '2022-09-16', to: '2022-09-16' });
    expect(graz!.location?.city).toBe('Graz');
    expect(graz!.mentions.map((m) => m.docId)).toEqual(expect.arrayContaining(['rc-001', 'rc-002']));
    const [linz] = await store.listIncidents({ from: '2022-10-28', to: '2022-10-28' });
    expect(linz!.location?.city).toBe('Linz');
    expect(linz!.mentions.map((m) => m.docId)).toEqual(expect.arrayContaining(['rc-004', 'rc-005']));

    const links = await store.listLinks();
    expect(links.some((l) => l.from === linz!.id && l.to === graz!.id)).toBe(true);
    const calls = await store.listStatements({ incident: graz!.id, type: 'call-to-violence' });
    expect(calls.map((s) => s.mentions[0]!.docId)).toEqual(['rc-003']);

    const alerts = await store.listAlerts({});
    expect(alerts.find((a) => a.rule === 'call-citing-recent-incident')?.explanation).toMatch(
      /cites Armed Assault in Graz, Austria on 2022-09-16 .*\(5 days earlier\)$/,
    );
    expect(alerts.some((a) => a.rule === 'attack-framed-as-revenge' && a.subjects[0] === linz!.id)).toBe(
      true,
    );

    // Resolving again raises nothing new: one alert per subject.
    const again = await resolveStore(store, resources(), await loadAlertConfig());
    expect(again.newAlerts).toEqual([]);
    await store.close();
  });

  it('warning: officials warning of copycats raise no revenge alert', async () => {
    const store = await storyStore('warning');
    const statements = await store.listStatements({});
    expect(statements.some((s) => s.type === 'warning')).toBe(true);
    expect((await store.listAlerts({})).filter((a) => a.rule === 'attack-framed-as-revenge')).toEqual([]);
    expect(await store.listIncidents({})).toHaveLength(1);
    await store.close();
  });
});
