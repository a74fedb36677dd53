import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../test/helpers/annotate-text.js';
import { storyStore } from '../../../test/helpers/resolved-store.js';
import type { ResolvedIncident } from '../../pipeline/resolution.js';
import { loadAlertConfig } from '../../services/alerts/alert-config.js';
import { importStix } from '../../services/import-stix.js';
import { resolveStore } from '../../services/resolve.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { Store } from '../../store/store.js';
import { stixBundleOf } from '../export-store.js';

/** What must survive a round trip, per incident: type, date, place, figures, perpetrators. */
function incidentKey(i: ResolvedIncident): string {
  return JSON.stringify([
    i.type,
    i.date,
    i.location && [i.location.city, i.location.countryCode],
    i.killed,
    i.wounded,
    i.perpetrators.map((p) => p.id ?? p.name).sort(),
  ]);
}

/** Incidents, statements (type and actors), links (between incident keys) and entities of a store. */
async function contents(store: Store) {
  const incidents = await store.listIncidents({ limit: 1000 });
  const byId = new Map(incidents.map((i) => [i.id, incidentKey(i)]));
  const statements = await store.listStatements({ limit: 1000 });
  const stmKey = new Map(
    statements.map((s) => [
      s.id,
      JSON.stringify([s.type, s.organization?.id ?? null, s.speaker?.name ?? null, s.quote]),
    ]),
  );
  const links = await store.listLinks();
  const entities = new Set(
    [
      ...incidents.flatMap((i) => [...i.perpetrators, ...i.claimedBy]),
      ...statements.flatMap((s) => [s.organization, s.speaker, s.outlet]),
    ].flatMap((a) => (a?.id ? [a.id] : [])),
  );
  return {
    incidents: [...byId.values()].sort(),
    statements: [...stmKey.values()].sort(),
    statementRefs: statements
      .map(
        (s) =>
          `${stmKey.get(s.id)} → ${s.refersTo
            .map((r) => byId.get(r))
            .sort()
            .join(', ')}`,
      )
      .sort(),
    links: links
      .map(
        (l) =>
          `${byId.get(l.from) ?? stmKey.get(l.from)} → ${typeof l.to === 'string' ? byId.get(l.to) : l.to.text}`,
      )
      .sort(),
    entities: [...entities].sort(),
  };
}

describe('STIX round trip', { timeout: 120_000 }, () => {
  it.each(['reciprocal', 'christchurch'])(
    '%s: export → import into a fresh store → resolve gives the same incidents, statements, links and entities',
    async (story) => {
      const original = await storyStore(story);
      const bundle = await stixBundleOf(original, resources().kb, 4);
      const dir = mkdtempSync(join(tmpdir(), 'vigil-round-trip-'));
      const file = join(dir, 'bundle.json');
      writeFileSync(file, JSON.stringify(bundle));

      const copy = SqliteStore.open(':memory:');
      const summary = await importStix(file, copy, { kbDir: join(dir, 'kb'), resources: resources() });
      expect(summary.problems).toEqual([]);
      expect(summary.kept.count).toBe(0);
      expect(summary.entities).toMatchObject({ added: 0, aliased: 0 });
      await resolveStore(copy, resources(), await loadAlertConfig(), { now: '2026-11-25T00:00:00Z' });

      const before = await contents(original);
      const after = await contents(copy);
      expect(before.incidents.length).toBeGreaterThan(1);
      expect(before.links.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    },
  );
});
