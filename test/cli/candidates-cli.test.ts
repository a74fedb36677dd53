import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { candidateReports } from '../helpers/candidates.js';
import { vigil } from '../helpers/run-vigil.js';

describe('vigil candidates: list, accept, alias, reject, undo', { timeout: 60_000 }, () => {
  const db = join(mkdtempSync(join(tmpdir(), 'vigil-candidates-cli-')), 'vigil.db');
  const run = (...args: string[]) => vigil(['--db', db, ...args], undefined, { USER: 'ana' });
  const candidates = () => run('candidates').stdout.trim().split('\n');
  const perpetrators = () =>
    run('incidents', '--json')
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { location: { city: string }; perpetrators: { id: string | null }[] })
      .map((i) => `${i.location.city}: ${i.perpetrators.map((p) => p.id ?? 'unknown').join(', ') || 'none'}`)
      .sort();

  const found = (group: string) =>
    (JSON.parse(run('search', 'police', '--group', group, '--json').stdout) as { title: string }[])
      .map((h) => h.title)
      .sort();

  beforeAll(async () => {
    const store = SqliteStore.open(db);
    await store.putDocuments(candidateReports());
    await store.close();
    expect(run('resolve').code).toBe(0);
  });

  it('lists the unknown groups named in two documents', () => {
    expect(candidates()).toEqual([
      'group   Crimson Dawn Brigade  — 2 documents, 2021-05-03 to 2021-06-11',
      'group   Night Owl Movement  — 2 documents, 2021-09-01 to 2021-09-05',
      'group   Silver Lotus Front  — 2 documents, 2021-08-02 to 2021-08-09',
    ]);
  });

  it('accepts, aliases and rejects candidates, and their incidents show the entities decided on', () => {
    const accepted = run(
      'candidates',
      'accept',
      'crimson dawn brigade',
      '--as',
      'crimson-dawn',
      '--ideology',
      'ethno-nationalist',
    );
    expect(accepted.stdout).toBe(
      'accepted: "Crimson Dawn Brigade" is now entity crimson-dawn (Crimson Dawn Brigade)\n6 incidents from 6 documents; 2 candidates left\n',
    );
    expect(run('candidates', 'alias', 'Silver Lotus Front', 'taliban', '--reason', 'local name').code).toBe(
      0,
    );
    expect(run('candidates', 'reject', 'Night Owl Movement').stdout).toMatch(
      /^rejected: "Night Owl Movement" is not an actor\n/,
    );
    expect(run('candidates').stdout).toBe('');
    expect(perpetrators()).toEqual([
      'Islamabad: none',
      'Karachi: none',
      'Lahore: taliban',
      'Multan: taliban',
      'Peshawar: crimson-dawn',
      'Quetta: crimson-dawn',
    ]);
    expect(run('incidents', '--group', 'crimson-dawn').stdout).toMatch(
      /by Crimson Dawn Brigade\n.*by Crimson Dawn Brigade\n$/,
    );
    expect(found('crimson-dawn')).toEqual([
      'Crimson Dawn Brigade attack in Peshawar',
      'Crimson Dawn Brigade attack in Quetta',
    ]);
    expect(found('taliban')).toEqual([
      'Silver Lotus Front attack in Lahore',
      'Silver Lotus Front attack in Multan',
    ]);
    const bundle = JSON.parse(run('export', '--format', 'stix').stdout) as {
      objects: { type: string; name?: string; [k: string]: unknown }[];
    };
    const actors = bundle.objects.filter((o) => o.type === 'threat-actor');
    expect(actors.map((a) => a.name).sort()).toEqual(['Crimson Dawn Brigade', 'Taliban']);
    expect(actors.find((a) => a.name === 'Crimson Dawn Brigade')).toMatchObject({
      threat_actor_types: ['terrorist'],
      labels: ['ethno-nationalist'],
      external_references: [{ source_name: 'vigil', external_id: 'crimson-dawn' }],
    });
    const decided = run('candidates', '--decided', '--json')
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; decision: string; author: string; reason?: string });
    expect(decided.map((d) => [d.name, d.decision, d.author, d.reason])).toEqual([
      ['Night Owl Movement', 'rejected', 'ana', undefined],
      ['Silver Lotus Front', 'alias', 'ana', 'local name'],
      ['Crimson Dawn Brigade', 'accepted', 'ana', undefined],
    ]);
  });

  it('undoes a decision: the name is a candidate again and its incidents lose the entity', () => {
    expect(run('candidates', 'undo', 'Silver Lotus Front').stdout).toMatch(
      /^undone: "Silver Lotus Front" is undecided again \(was alias\)\n/,
    );
    expect(candidates()).toEqual(['group   Silver Lotus Front  — 2 documents, 2021-08-02 to 2021-08-09']);
    expect(perpetrators()).toContain('Multan: unknown');
    expect(found('taliban')).toEqual([]);
    expect(found('crimson-dawn')).toHaveLength(2);
  });

  it('refuses what cannot be decided in one line', () => {
    for (const [args, message] of [
      [
        ['candidates', 'reject', 'Nobody At All'],
        'vigil: no candidate "Nobody At All" (see vigil candidates)\n',
      ],
      [['candidates', 'alias', 'Silver Lotus Front', 'nope'], 'vigil: no knowledge-base entity nope\n'],
      [
        ['candidates', 'accept', 'Silver Lotus Front', '--as', 'taliban'],
        'vigil: taliban is a knowledge-base entity already: make "Silver Lotus Front" an alias of it instead\n',
      ],
      [['candidates', 'undo', 'Nobody At All'], 'vigil: no decision about "Nobody At All"\n'],
    ] as const) {
      const r = run(...args);
      expect(r.stderr, args.join(' ')).toBe(message);
      expect(r.code).toBe(2);
    }
  });
});
