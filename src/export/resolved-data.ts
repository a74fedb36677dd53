import type { ResolvedIncident, ResolvedStatement } from '../pipeline/resolution.js';
import type { Store } from '../store/store.js';

/** Resolved objects read a page at a time. */
const PAGE = 1000;

/** Every resolved incident a reader of `clearance` may see (main and background), in the store's order. */
export async function* allIncidents(store: Store, clearance: number): AsyncGenerator<ResolvedIncident> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listIncidents({ clearance, limit: PAGE, offset });
    yield* page;
    if (page.length < PAGE) return;
  }
}

/** Every resolved statement a reader of `clearance` may see, in the store's order. */
export async function* allStatements(store: Store, clearance: number): AsyncGenerator<ResolvedStatement> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listStatements({ clearance, limit: PAGE, offset });
    yield* page;
    if (page.length < PAGE) return;
  }
}

/** Collect an async sequence into a list. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Whether the store holds a resolution at all (`vigil resolve` has run over something). */
export async function hasResolution(store: Store): Promise<boolean> {
  const stats = await store.stats();
  return stats.resolvedIncidents + stats.resolvedStatements > 0;
}
