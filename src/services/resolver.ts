import type { Resources } from '../kb/resources.js';
import type { Store } from '../store/store.js';
import type { AlertConfig } from './alerts/alert-config.js';
import { resolveStore, type ResolveStoreOptions, type ResolveSummary } from './resolve.js';

/**
 * Cross-document resolution for a long-running server: runs of {@link resolveStore} one after
 * the other, so that reviews, merges and ingests arriving together each see the others' effect
 * and never save resolutions over each other out of order.
 */
export class Resolver {
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly resources: Resources,
    private readonly config: AlertConfig,
    /** With `handOverDelivery`, webhook deliveries go to the job queue (`vigil serve --queue`). */
    private readonly options: Pick<ResolveStoreOptions, 'handOverDelivery'> = {},
  ) {}

  /** Resolve the whole store once the runs already asked for are done. */
  run(): Promise<ResolveSummary> {
    const next = this.last.then(() => resolveStore(this.store, this.resources, this.config, this.options));
    this.last = next.catch(() => undefined);
    return next;
  }
}
