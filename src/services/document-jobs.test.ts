import { describe, expect, it } from 'vitest';
import { jobContext, recordingExtractor } from '../../test/helpers/jobs.js';
import { sampleWrite } from '../../test/store/store-contract.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { extractJob, ingestJob } from './document-jobs.js';
import { RESOLVE_DELAY_SECONDS } from './resolve-jobs.js';

describe('document jobs', () => {
  it('an ingest job stores its documents once, does not extract content already stored, and asks for one resolve job', async () => {
    const store = SqliteStore.open(':memory:');
    const extractor = recordingExtractor();
    const context = jobContext(store, { extractor });
    const [a, b] = [sampleWrite('First queued report.'), sampleWrite('Second queued report.')];
    await store.putDocuments([a!]);
    const data = { documents: [a!.document, b!.document] };
    expect(ingestJob.expireInSeconds(data)).toBe(21);
    expect(await ingestJob.run(data, context)).toEqual({ documents: 2, stored: 1, duplicates: 1 });
    expect(extractor.seen).toEqual([b!.document.id]);
    // Run again (as after its worker died): nothing stored twice, and the resolve job is not doubled.
    expect(await ingestJob.run(data, context)).toEqual({ documents: 2, stored: 0, duplicates: 2 });
    expect((await store.stats()).documents).toBe(2);
    expect(context.queue.waiting).toEqual([
      { id: '1', kind: 'resolve', data: {}, startAfterSeconds: RESOLVE_DELAY_SECONDS },
    ]);
    await store.close();
  });

  it('an extract job replaces the extraction of stored documents, skips ids no longer stored, and asks for a resolve job', async () => {
    const store = SqliteStore.open(':memory:');
    const context = jobContext(store);
    const w = sampleWrite('A report to extract again.');
    await store.putDocuments([w]);
    const output = await extractJob.run({ ids: [w.document.id, 'doc_gone'], chars: 30 }, context);
    expect(output).toEqual({ documents: 2, reprocessed: 1 });
    expect((await store.getExtraction(w.document.id))?.incidents).toEqual([]);
    expect(context.queue.waitingKinds()).toEqual(['resolve']);
    await store.close();
  });
});
