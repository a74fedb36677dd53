import type { Resources } from '../kb/resources.js';
import { applyDecidedNames, decidedNames, undecidedCandidates } from '../pipeline/candidate-decisions.js';
import { tlpLevel } from '../pipeline/clearance-views.js';
import { actorRef } from '../pipeline/incident-actors.js';
import { kbResolveOptions } from '../pipeline/kb-resolve-options.js';
import type { ExtractionRecord } from '../pipeline/resolution.js';
import { resolveAll } from '../pipeline/resolve.js';
import type { Store, StoredAlert } from '../store/store.js';
import type { AlertConfig } from './alerts/alert-config.js';
import { deliverAlerts, type DeliveryOptions } from './alerts/deliver-webhooks.js';
import { evaluateRules } from './alerts/evaluate-rules.js';

const PAGE = 2000;

/** What a resolution run did. */
export interface ResolveSummary {
  documents: number;
  incidentMentions: number;
  incidents: number;
  statements: number;
  links: number;
  candidates: number;
  /** Alerts raised for the first time by this run. */
  newAlerts: StoredAlert[];
  /** Webhook deliveries made by this run (none when they are handed to the job queue). */
  deliveries: { delivered: number; failed: number };
}

/** Options of {@link resolveStore}. */
export interface ResolveStoreOptions {
  /** Creation time of new alerts (default: now). */
  now?: string;
  onProgress?: (phase: string, done: number) => void;
  delivery?: DeliveryOptions;
  /**
   * Hand webhook delivery over instead of delivering here (with its retries) once the run is
   * saved: `vigil worker` and `vigil serve --queue` queue an alerts job. Called after every run
   * while webhooks are configured, new alerts or not, so that alerts a crashed run stored are
   * delivered too.
   */
  handOverDelivery?: () => Promise<void>;
}

/**
 * Resolve the whole store (DESIGN.md "resolve" and "alerts"): read every document's extraction,
 * resolve the names analysts decided about to their entities, merge mentions into incidents and
 * statements, carry links over, list the undecided candidates, save the result in one
 * transaction, run the alert rules and store the new alerts — under the store's resolve lock,
 * so that concurrent runs (other workers, the web server) take turns — then deliver the new
 * alerts to the webhooks, or hand delivery over.
 */
export async function resolveStore(
  store: Store,
  resources: Resources,
  config: AlertConfig,
  options: ResolveStoreOptions = {},
): Promise<ResolveSummary> {
  const summary = await store.withResolveLock(() => resolveAndRaiseAlerts(store, resources, config, options));
  const deliveries = { delivered: 0, failed: 0 };
  if (config.webhooks.length > 0) {
    if (options.handOverDelivery) await options.handOverDelivery();
    else if (summary.newAlerts.length > 0) {
      const done = await deliverAlerts(summary.newAlerts, config.webhooks, store, options.delivery);
      deliveries.delivered = done.delivered;
      deliveries.failed = done.failed;
    }
  }
  return { ...summary, deliveries };
}

async function resolveAndRaiseAlerts(
  store: Store,
  resources: Resources,
  config: AlertConfig,
  options: ResolveStoreOptions,
): Promise<Omit<ResolveSummary, 'deliveries'>> {
  const records: ExtractionRecord[] = [];
  for (let after: string | undefined; ;) {
    const page = await store.listExtractionRecords(after, PAGE);
    records.push(...page);
    options.onProgress?.('read', records.length);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.docId;
  }
  const decisions = await store.listResolutionDecisions();
  // Analysts' decisions about candidate entities: their names resolve to the entity decided on.
  const decided = decidedNames(await store.listCandidateDecisions(), (id) => {
    const entry = resources.kb.byId.get(id);
    return entry ? actorRef(entry) : undefined;
  });
  const resolved = resolveAll(applyDecidedNames(records, decided), {
    decisions,
    ...kbResolveOptions(resources),
  });
  const resolution = { ...resolved, candidates: undecidedCandidates(resolved.candidates, decided) };
  options.onProgress?.('resolved', records.length);
  await store.saveResolution(resolution);

  const full = <T>(views: { maxLevel: number; value: T }[]) =>
    views.filter((v) => v.maxLevel === 4).map((v) => v.value);
  const levels = new Map(records.map((r) => [r.docId, tlpLevel(r.marking)]));
  const groupOutlets = new Set(
    [...resources.kb.byId.values()].flatMap((e) =>
      e.kind === 'outlet' && 'group' in e && e.group ? [e.id] : [],
    ),
  );
  const alerts = evaluateRules(config.rules, {
    incidents: resolution.incidents.flatMap((i) => full(i.views)),
    statements: resolution.statements.flatMap((s) => full(s.views)),
    links: full(resolution.links),
    groupOutlets,
    levelOf: (docId) => levels.get(docId) ?? 4,
    now: options.now ?? new Date().toISOString(),
  });
  const newAlerts = await store.addAlerts(alerts);
  return {
    documents: records.length,
    incidentMentions: records.reduce((n, r) => n + r.extraction.incidents.length, 0),
    incidents: resolution.incidents.length,
    statements: resolution.statements.length,
    links: full(resolution.links).length,
    candidates: full(resolution.candidates).length,
    newAlerts,
  };
}
