import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateDecision } from '../../src/pipeline/candidate-decisions.js';
import type { ActorRef, Extraction } from '../../src/pipeline/extraction.js';
import { contentHash, documentId } from '../../src/store/document-id.js';
import type { DocumentWrite, Store } from '../../src/store/store.js';

/** A document write with a small, valid extraction (one incident, one statement, one link). */
export function sampleWrite(text: string, extra: Partial<DocumentWrite['document']> = {}): DocumentWrite {
  const source = { kind: 'file' as const, path: `/tmp/${text.slice(0, 8)}.txt` };
  const id = documentId(source, text);
  const extraction: Extraction = {
    id,
    incidents: [
      {
        id: `${id}:i1`,
        type: 'Bombing/Explosion',
        types: ['Bombing/Explosion'],
        date: { value: '2019-03-15', precision: 'day' },
        location: { city: 'Kabul', country: 'Afghanistan', countryCode: 'AF', lat: 34.5, lon: 69.2 },
        perpetrators: [{ id: 'taliban', name: 'Taliban' }],
        targets: [],
        weapons: ['Explosives'],
        killed: { value: 3 },
        wounded: null,
        perpetratorsKilled: null,
        perpetratorsWounded: null,
        suicide: false,
        claimedBy: [],
        role: 'main',
        evidence: [],
        confidence: 0.9,
      },
    ],
    statements: [
      {
        id: `${id}:s1`,
        type: 'claim-of-responsibility',
        speaker: null,
        organization: { id: 'taliban', name: 'Taliban' },
        outlet: null,
        platform: null,
        medium: null,
        date: null,
        quote: null,
        refersTo: [`${id}:i1`],
        evidence: [],
        confidence: 0.8,
      },
    ],
    links: [],
    entities: [{ id: 'taliban', kind: 'group', name: 'Taliban', spans: [[0, 7]] }],
    messages: [],
  };
  return {
    document: {
      id,
      contentHash: contentHash(text),
      source,
      text,
      marking: 'TLP:CLEAR',
      retrievedAt: '2019-03-16T00:00:00Z',
      publishedAt: '2019-03-16',
      ...extra,
    },
    extraction,
    pipelineVersion: 'test-1',
  };
}

/**
 * A {@link sampleWrite} whose incident and statement name actors the knowledge base does not know
 * (no entity of the knowledge base is named): `perpetrators`, `claimedBy`, the statement's `speaker`.
 */
export function unknownActorsWrite(
  text: string,
  actors: { perpetrators?: string[]; claimedBy?: string[]; speaker?: string },
  extra: Partial<DocumentWrite['document']> = {},
): DocumentWrite {
  const w = sampleWrite(text, { title: text, ...extra });
  const unknown = (name: string): ActorRef => ({ id: null, name, kind: 'group' });
  const incident = w.extraction.incidents[0]!;
  incident.perpetrators = (actors.perpetrators ?? []).map(unknown);
  incident.claimedBy = (actors.claimedBy ?? []).map(unknown);
  const statement = w.extraction.statements[0]!;
  statement.organization = null;
  statement.speaker = actors.speaker ? { id: null, name: actors.speaker, kind: 'person' } : null;
  w.extraction.entities = [];
  return w;
}

/** A decision about a candidate, as an analyst makes it on 2026-12-07. */
export function candidateDecision(
  name: string,
  verdict:
    | { decision: 'accepted'; entity: Extract<CandidateDecision, { decision: 'accepted' }>['entity'] }
    | { decision: 'alias'; entityId: string }
    | { decision: 'rejected' },
  level = 0,
): CandidateDecision {
  return {
    key: name.toLowerCase(),
    name,
    author: 'ana',
    createdAt: '2026-12-07T10:00:00.000Z',
    level,
    ...verdict,
  };
}

/** A fresh, empty database for one contract test. */
export interface ContractDatabase {
  /** Open a store on it; each call is another handle on the same database, as another process has. */
  open(): Promise<Store>;
  /** Remove the database once the test is done (its stores are closed by then). */
  drop(): Promise<void>;
}

/**
 * The behaviour every Store implementation must have (CONVENTIONS.md §6). Call it from a test
 * file of each implementation with a factory of fresh, empty databases.
 */
export function runStoreContract(name: string, fresh: () => Promise<ContractDatabase>): void {
  describe(`Store contract: ${name}`, () => {
    let database: ContractDatabase;
    let store: Store;
    const others: Store[] = [];
    /** Another handle on the test's database. */
    const another = async (): Promise<Store> => {
      const s = await database.open();
      others.push(s);
      return s;
    };
    beforeEach(async () => {
      database = await fresh();
      store = await database.open();
    });
    afterEach(async () => {
      await store.close();
      for (const s of others.splice(0)) await s.close();
      await database.drop();
    });

    it('stores a document with its extraction and reads both back', async () => {
      const w = sampleWrite('Taliban bomb kills three in Kabul.', { title: 'Kabul bomb' });
      expect(await store.putDocuments([w])).toEqual([{ id: w.document.id, created: true }]);
      expect(await store.getDocument(w.document.id)).toEqual(w.document);
      expect(await store.getExtraction(w.document.id)).toEqual(w.extraction);
      expect(await store.stats()).toEqual({
        documents: 1,
        incidents: 1,
        statements: 1,
        links: 0,
        entities: 1,
        reviews: 0,
        messages: 0,
        resolvedIncidents: 0,
        resolvedStatements: 0,
        alerts: 0,
      });
    });

    it('stores the same content once, whatever its source', async () => {
      const a = sampleWrite('Same   text, twice.');
      const b = sampleWrite('Same text, twice.');
      b.document.source = { kind: 'url', url: 'https://example.org/x' };
      const results = await store.putDocuments([a, b]);
      expect(results).toEqual([
        { id: a.document.id, created: true },
        { id: a.document.id, created: false },
      ]);
      expect((await store.stats()).documents).toBe(1);
      expect(await store.hasContent(b.document.contentHash)).toBe(true);
    });

    it('finds documents by full text, with date, country, group and type filters', async () => {
      await store.putDocuments([
        sampleWrite('A car bomb exploded near the ministry in Kabul.', {
          title: 'Kabul blast',
          publishedAt: '2019-03-16',
        }),
        sampleWrite('Football: the derby ended in a draw.', { title: 'Derby', publishedAt: '2020-01-01' }),
      ]);
      const hits = await store.search({ text: 'bomb Kabul' });
      expect(hits.map((h) => h.title)).toEqual(['Kabul blast']);
      expect(hits[0]?.snippet).toContain('[bomb]');
      expect(
        await store.search({ text: 'bomb', country: 'AF', group: 'taliban', type: 'Bombing/Explosion' }),
      ).toHaveLength(1);
      expect(await store.search({ text: 'bomb', country: 'FR' })).toHaveLength(0);
      expect(await store.search({ text: 'bomb', from: '2019-03-17' })).toHaveLength(0);
      expect(await store.search({ text: 'bomb', to: '2019-03-16' })).toHaveLength(1);
      expect(await store.search({ text: '" OR * NEAR(' })).toEqual([]);
    });

    it('finds by group the documents naming a name decided about, by the entity decided on, as long as the decision holds', async () => {
      const titles = async (group: string, clearance?: number) =>
        (await store.search({ text: 'bomb', group, ...(clearance === undefined ? {} : { clearance }) }))
          .map((h) => h.title)
          .sort();
      const brigade = unknownActorsWrite('Crimson Dawn Brigade bomb in Kabul.', {
        perpetrators: ['Crimson Dawn Brigade'],
      });
      await store.putDocuments([
        brigade,
        unknownActorsWrite('Another crimson-dawn bomb.', { perpetrators: ['CRIMSON-DAWN  Brigade'] }),
        unknownActorsWrite('CDB claims the bomb.', { claimedBy: ['CDB'] }),
        unknownActorsWrite('Silver Lotus Front spokesman on the bomb.', { speaker: 'Silver Lotus Front' }),
        unknownActorsWrite('Night Owl Movement bomb.', { perpetrators: ['Night Owl Movement'] }),
        sampleWrite('Taliban bomb in Kabul.', { title: 'Taliban bomb in Kabul.' }),
      ]);
      expect(await titles('crimson-dawn')).toEqual([]);
      expect(await titles('taliban')).toEqual(['Taliban bomb in Kabul.']);

      const accepted = candidateDecision('Crimson Dawn Brigade', {
        decision: 'accepted',
        entity: {
          id: 'crimson-dawn',
          name: 'Crimson Dawn',
          kind: 'group',
          aliases: ['Crimson Dawn Brigade', 'CDB'],
        },
      });
      await store.saveCandidateDecision(accepted);
      // Only readers cleared for AMBER see this decision.
      await store.saveCandidateDecision(
        candidateDecision('Silver Lotus Front', { decision: 'alias', entityId: 'taliban' }, 2),
      );
      await store.saveCandidateDecision(candidateDecision('Night Owl Movement', { decision: 'rejected' }));
      const crimson = [
        'Another crimson-dawn bomb.',
        'CDB claims the bomb.',
        'Crimson Dawn Brigade bomb in Kabul.',
      ];
      expect(await titles('crimson-dawn')).toEqual(crimson);
      expect(await titles('taliban')).toEqual([
        'Silver Lotus Front spokesman on the bomb.',
        'Taliban bomb in Kabul.',
      ]);
      expect(await titles('taliban', 1)).toEqual(['Taliban bomb in Kabul.']);
      expect(await titles('night-owl-movement')).toEqual([]);
      expect(await store.search({ text: 'bomb', group: 'crimson-dawn', country: 'FR' })).toEqual([]);

      // Documents stored after the decision, under the entity's own name; another handle sees the same.
      await store.putDocuments([
        unknownActorsWrite('Crimson Dawn bomb again.', { perpetrators: ['Crimson Dawn'] }),
      ]);
      const other = await another();
      expect(
        (await other.search({ text: 'bomb', group: 'crimson-dawn' })).map((h) => h.title).sort(),
      ).toEqual([...crimson, 'Crimson Dawn bomb again.'].sort());
      // Reprocessing that no longer finds the name takes its document out.
      const reprocessed = structuredClone(brigade.extraction);
      reprocessed.incidents[0]!.perpetrators = [];
      await store.replaceExtraction(brigade.document.id, reprocessed, 'test-2');
      expect(await titles('crimson-dawn')).not.toContain('Crimson Dawn Brigade bomb in Kabul.');

      // Undone or replaced, a decision finds nothing any more.
      expect(await store.deleteCandidateDecision('silver lotus front')).toBe(true);
      expect(await titles('taliban')).toEqual(['Taliban bomb in Kabul.']);
      await store.saveCandidateDecision(candidateDecision('Crimson Dawn Brigade', { decision: 'rejected' }));
      expect(await titles('crimson-dawn')).toEqual([]);
      await store.saveCandidateDecision(accepted);
      expect(await titles('crimson-dawn')).toHaveLength(3);
      expect(await store.deleteCandidateDecision('crimson dawn brigade')).toBe(true);
      expect(await titles('crimson-dawn')).toEqual([]);
    });

    it('keeps reviews when the extraction is replaced by reprocessing', async () => {
      const w = sampleWrite('Taliban bomb kills three in Kabul.');
      await store.putDocuments([w]);
      const incident = `${w.document.id}:i1`;
      await store.addReview({
        subjectId: incident,
        field: 'killed',
        action: 'correct',
        value: { value: 4 },
        author: 'ana',
        createdAt: '2019-03-17T00:00:00Z',
      });
      const newer = structuredClone(w.extraction);
      newer.incidents[0]!.killed = { value: 5 };
      newer.incidents[0]!.type = 'Armed Assault';
      await store.replaceExtraction(w.document.id, newer, 'test-2');
      const x = await store.getExtraction(w.document.id);
      expect(x?.incidents[0]?.killed).toEqual({ value: 4 });
      expect(x?.incidents[0]?.type).toBe('Armed Assault');
      expect((await store.stats()).reviews).toBe(1);
    });

    it('keeps feeds, their validators and the entries already read', async () => {
      expect(await store.addFeed('https://news.example/rss', 'TLP:GREEN', '2020-01-01T00:00:00Z')).toBe(true);
      expect(await store.addFeed('https://news.example/rss', 'TLP:RED', '2020-01-02T00:00:00Z')).toBe(false);
      await store.saveFeedPoll('https://news.example/rss', {
        etag: '"v1"',
        newItemKeys: ['a', 'b'],
        documents: 2,
        polledAt: '2020-01-03T00:00:00Z',
      });
      await store.saveFeedPoll('https://news.example/rss', {
        newItemKeys: ['b', 'c'],
        documents: 1,
        error: 'HTTP 500',
        polledAt: '2020-01-04T00:00:00Z',
      });
      expect(await store.listFeeds()).toEqual([
        {
          url: 'https://news.example/rss',
          marking: 'TLP:GREEN',
          etag: '"v1"',
          addedAt: '2020-01-01T00:00:00Z',
          polledAt: '2020-01-04T00:00:00Z',
          lastError: 'HTTP 500',
          documents: 3,
        },
      ]);
      expect([...(await store.feedItemKeys('https://news.example/rss'))].sort()).toEqual(['a', 'b', 'c']);
    });

    it('keeps ingest problems, newest first', async () => {
      await store.addMessages([
        {
          source: 'a.jsonl:2',
          ruleId: 'input:bad-json',
          reason: 'bad JSON',
          severity: 'error',
          createdAt: '2020-01-01T00:00:00Z',
        },
        {
          source: 'b.png',
          ruleId: 'ingest:unsupported',
          reason: 'unsupported file type',
          severity: 'error',
          createdAt: '2020-01-01T00:00:01Z',
        },
      ]);
      expect((await store.listMessages(1)).map((m) => m.source)).toEqual(['b.png']);
      expect((await store.stats()).messages).toBe(2);
    });

    it('stores content once when two handles write the same documents at the same time', async () => {
      const writes = Array.from({ length: 24 }, (_, i) => sampleWrite(`Concurrent report number ${i}.`));
      const other = await another();
      // Opposite orders: writers that lock content one by one would deadlock.
      const [a, b] = await Promise.all([
        store.putDocuments(writes),
        other.putDocuments([...writes].reverse()),
      ]);
      const createdA = a.filter((r) => r.created).map((r) => r.id);
      const createdB = b.filter((r) => r.created).map((r) => r.id);
      expect([...createdA, ...createdB].sort()).toEqual(writes.map((w) => w.document.id).sort());
      expect(a.map((r) => r.id)).toEqual(writes.map((w) => w.document.id));
      expect(b.map((r) => r.id)).toEqual([...writes].reverse().map((w) => w.document.id));
      expect((await other.stats()).documents).toBe(writes.length);
      expect((await store.stats()).incidents).toBe(writes.length);
    });

    it('writes nothing of a batch when one of its documents cannot be written', async () => {
      const good = sampleWrite('A good report.');
      const bad = sampleWrite('A report whose incident id clashes.');
      bad.extraction.incidents[0]!.id = good.extraction.incidents[0]!.id;
      await expect(store.putDocuments([good, bad])).rejects.toThrow();
      expect(await store.stats()).toMatchObject({ documents: 0, incidents: 0, statements: 0, entities: 0 });
      expect(await store.putDocuments([good])).toEqual([{ id: good.document.id, created: true }]);
    });

    it('stores a text holding NUL characters with its length, so that offsets into it hold', async () => {
      const text = 'Bomb\u0000 in Kabul\u0000.';
      const w = sampleWrite(text, { title: 'Nul\u0000title', meta: { 'k\u0000': 'v\u0000' } });
      await store.putDocuments([w]);
      const d = await store.getDocument(w.document.id);
      expect(d?.text).toHaveLength(text.length);
      expect(d?.text.slice(0, 4)).toBe('Bomb');
      expect(await store.search({ text: 'Kabul' })).toHaveLength(1);
      expect(await store.hasContent(w.document.contentHash)).toBe(true);
    });

    it('pages through documents in storage order', async () => {
      const writes = ['one doc', 'two doc', 'three doc'].map((t) => sampleWrite(t));
      await store.putDocuments(writes);
      const first = await store.listDocuments(undefined, 2);
      const rest = await store.listDocuments(first[first.length - 1]!.id, 2);
      expect([...first, ...rest].map((d) => d.text)).toEqual(['one doc', 'two doc', 'three doc']);
    });
  });
}
