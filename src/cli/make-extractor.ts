import { availableParallelism } from 'node:os';
import { loadResources, type Resources } from '../kb/resources.js';
import type { Extraction } from '../pipeline/extraction.js';
import { inlineExtractor, type Extractor } from '../services/ingest.js';
import { ExtractPool } from './extract-pool.js';

/**
 * Extraction for ingest, workers and the web server: on worker threads (each loads its own
 * resources), or inline with `workers` 0, with the resources `load` gives (default: loaded here).
 */
export async function makeExtractor(
  workers = Math.min(4, availableParallelism()),
  load: () => Promise<Resources> = loadResources,
): Promise<{ extractor: Extractor; close: () => Promise<void> }> {
  if (workers <= 0) return { extractor: inlineExtractor(await load()), close: async () => {} };
  const pool = new ExtractPool(workers);
  return { extractor: poolExtractor(pool), close: () => pool.close() };
}

/** Extraction on the threads of `pool`. */
export function poolExtractor(pool: ExtractPool): Extractor {
  return {
    extractMany: async (docs) => (await pool.extractLines(docs)).map((l) => JSON.parse(l) as Extraction),
  };
}
