import type { Tlp } from '../../src/ingest/source-document.js';
import { loadAlertConfig } from '../../src/services/alerts/alert-config.js';
import { resolveStore } from '../../src/services/resolve.js';
import { contentHash } from '../../src/store/document-id.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { extractReports, readReports } from '../resolve/evaluate-resolution.js';
import { resources } from './annotate-text.js';

/**
 * A store holding one retaliation story of `test/fixtures/resolve/stories/` (extracted as ingest
 * would), resolved. `markings` gives some documents (by fixture id) a marking other than TLP:CLEAR.
 */
export async function storyStore(name: string, markings: Record<string, Tlp> = {}): Promise<Store> {
  const reports = readReports(new URL(`../fixtures/resolve/stories/${name}.jsonl`, import.meta.url).pathname);
  const store = SqliteStore.open(':memory:');
  const records = extractReports(reports, resources());
  await store.putDocuments(
    reports.map((r, i) => ({
      document: {
        id: r.id,
        contentHash: contentHash(r.text),
        source: { kind: 'url', url: `https://news.example/${r.id}` },
        title: r.title ?? r.id,
        publishedAt: r.published,
        text: r.text,
        marking: markings[r.id] ?? 'TLP:CLEAR',
        retrievedAt: '2026-11-25T00:00:00Z',
      },
      extraction: records[i]!.extraction,
      pipelineVersion: 'test',
    })),
  );
  await resolveStore(store, resources(), await loadAlertConfig(), { now: '2026-11-25T00:00:00Z' });
  return store;
}
