import { availableParallelism } from 'node:os';
import { loadResources } from '../kb/resources.js';
import type { Extraction } from '../pipeline/extraction.js';
import { inlineExtractor, type Extractor } from '../services/ingest.js';
import { ExtractPool } from './extract-pool.js';

/** Extraction for ingest and workers: on worker threads, or inline with `--workers 0`. */
export async function makeExtractor(
  workers = Math.min(4, availableParallelism()),
): Promise<{ extractor: Extractor; close: () => Promise<void> }> {
  if (workers <= 0) return { extractor: inlineExtractor(await loadResources()), close: async () => {} };
  const pool = new ExtractPool(workers);
  return {
    extractor: {
      extractMany: async (docs) => (await pool.extractLines(docs)).map((l) => JSON.parse(l) as Extraction),
    },
    close: () => pool.close(),
  };
}
