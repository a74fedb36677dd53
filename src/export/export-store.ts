import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Store } from '../store/store.js';
import type { ExportFormat } from './formats.js';
import { gtdCsv } from './gtd-csv.js';
import { jsonlLines } from './jsonl.js';
import { allIncidents, allStatements, collect } from './resolved-data.js';
import { buildStixBundle } from './stix/build-bundle.js';
import type { StixBundle } from './stix/stix-object.js';

export { EXPORT_FORMATS, type ExportFormat } from './formats.js';

/**
 * The STIX bundle of what a reader of `clearance` (0 = TLP:CLEAR … 4 = TLP:RED) may see, with the
 * entities analysts accepted from the candidates that the reader may see.
 */
export async function stixBundleOf(store: Store, kb: KnowledgeBase, clearance: number): Promise<StixBundle> {
  return buildStixBundle({
    incidents: await collect(allIncidents(store, clearance)),
    statements: await collect(allStatements(store, clearance)),
    links: await store.listLinks(clearance),
    kb,
    decisions: await store.listCandidateDecisions(clearance),
  });
}

/**
 * The resolved store in one format, as text chunks to write in order: only what a reader of
 * `clearance` may see, since every list call passes it to the store.
 */
export async function* exportStore(
  store: Store,
  kb: KnowledgeBase,
  format: ExportFormat,
  clearance: number,
): AsyncGenerator<string> {
  if (format === 'stix') {
    yield `${JSON.stringify(await stixBundleOf(store, kb, clearance), null, 2)}\n`;
  } else if (format === 'csv') {
    yield* gtdCsv(allIncidents(store, clearance), kb);
  } else {
    for await (const line of jsonlLines(store, kb, clearance)) yield `${line}\n`;
  }
}
