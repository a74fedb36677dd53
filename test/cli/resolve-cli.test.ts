import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';

const story = new URL('../fixtures/resolve/stories/reciprocal.jsonl', import.meta.url).pathname;
/** Titles of the story's documents by their fixture id (stored documents get ids of their own). */
const titles = new Map(
  readFileSync(story, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; title: string })
    .map((d) => [d.id, d.title]),
);

/** Incidents as `vigil incidents --json` lists them, with the fixture ids of their documents. */
function incidents(db: string): {
  id: string;
  city: string;
  mentionCount: number;
  docs: string[];
  documents: { id: string; title: string }[];
}[] {
  const listed = vigil(['--db', db, 'incidents', '--json']).stdout.trim().split('\n');
  return listed.map((l) => {
    const i = JSON.parse(l) as {
      id: string;
      location: { city: string };
      mentionCount: number;
      documents: { id: string; title: string }[];
    };
    const docs = [...titles].filter(([, t]) => i.documents.some((d) => d.title === t)).map(([id]) => id);
    return { id: i.id, city: i.location.city, mentionCount: i.mentionCount, docs, documents: i.documents };
  });
}

describe('vigil resolve, incidents, chains, alerts, merge and split', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-resolve-cli-'));
  const db = join(dir, 'vigil.db');

  it('resolves after ingest and lists merged incidents with their documents', () => {
    const ingest = vigil(['--db', db, 'ingest', story]);
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).toMatch(/resolved: \d+ incidents, \d+ statements, \d+ links; \d+ new alerts/);
    const graz = incidents(db).find((i) => i.city === 'Graz')!;
    expect(graz.docs).toEqual(expect.arrayContaining(['rc-001', 'rc-002']));
    expect(graz.mentionCount).toBeGreaterThanOrEqual(2);
    const shown = vigil(['--db', db, 'incident', graz.id]);
    expect(shown.stdout).toContain('casualty figures as reported:');
    expect(shown.stdout).toContain('merged because:');
  });

  it('lists the chain and the alerts, and acknowledges one', () => {
    const chains = vigil(['--db', db, 'chains', '--json']);
    const [chain] = chains.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: string; nodes: { kind: string }[] });
    expect(chain!.start).toBe('2022-09-16');
    expect(chain!.nodes.map((n) => n.kind)).toContain('statement');
    const alerts = vigil(['--db', db, 'alerts', '--json'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; rule: string });
    expect(alerts.map((a) => a.rule)).toContain('call-citing-recent-incident');
    expect(vigil(['--db', db, 'alerts', '--ack', String(alerts[0]!.id)]).stdout).toContain('acknowledged');
    expect(vigil(['--db', db, 'alerts', '--unacknowledged', '--json']).stdout).not.toContain(
      `"id":${alerts[0]!.id},`,
    );
    expect(vigil(['--db', db, 'alerts', '--ack', '99999']).stderr).toBe(
      'vigil: no alert 99999 (see vigil alerts)\n',
    );
  });

  it('splits a report out of an incident and merges it back, keeping the decision across resolutions', () => {
    const graz = incidents(db).find((i) => i.docs.includes('rc-002'))!;
    const doc = graz.documents.find((d) => d.title === titles.get('rc-002'))!.id;
    const split = vigil(['--db', db, 'split', graz.id, '--document', doc]);
    expect(split.code).toBe(0);
    expect(split.stdout).toMatch(/^split: the report is now incident inc-/);
    const alone = incidents(db).find((i) => i.docs.includes('rc-002'))!;
    expect(alone.docs).toEqual(['rc-002']);
    expect(vigil(['--db', db, 'resolve']).code).toBe(0);
    expect(incidents(db).find((i) => i.docs.includes('rc-002'))!.docs).toEqual(['rc-002']);
    const rest = incidents(db).find((i) => i.docs.includes('rc-001'))!;
    const merged = vigil(['--db', db, 'merge', rest.id, alone.id]);
    expect(merged.stdout).toMatch(/^merged: the reports are now incident inc-/);
    expect(incidents(db).find((i) => i.docs.includes('rc-002'))!.docs).toEqual(
      expect.arrayContaining(['rc-001', 'rc-002']),
    );
  });

  it('refuses bad ids and bad alert configuration with one line', () => {
    expect(vigil(['--db', db, 'incident', 'inc-nope']).stderr).toBe(
      'vigil: no incident inc-nope (see vigil incidents)\n',
    );
    const bad = join(dir, 'alerts.yaml');
    writeFileSync(bad, 'rules:\n  - id: x\n    kind: statement-spike\n    severity: urgent\n');
    const r = vigil(['--db', db, 'resolve', '--alerts', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^vigil: ${bad}: rules\\.0\\.[a-zA-Z]+: .+\\n$`));
  });
});
