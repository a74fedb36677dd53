import type { Tlp } from '../ingest/source-document.js';
import type { Clearance, IncidentQuery, SearchQuery, StatementQuery } from './store.js';

/** A document as lists show it: no text. */
export interface DocumentSummary {
  id: string;
  title?: string;
  publishedAt?: string;
  url?: string;
  /** How it came in: `file`, `url`, `feed`, `telegram`, `stdin`. */
  sourceKind: string;
  marking: Tlp;
  retrievedAt: string;
}

/** Incidents of one day, for the per-week chart of the dashboard. */
export interface IncidentDay {
  /** `YYYY-MM-DD`. */
  date: string;
  count: number;
}

/** A knowledge-base actor (group, person) with the number of incidents it perpetrated or claimed. */
export interface ActorCount {
  id: string;
  incidents: number;
}

/**
 * The paged and counted reads the web app and the REST API need besides those of {@link Store}:
 * totals of filtered lists, the document list, the dashboard's aggregates. Every read is
 * filtered by the reader's clearance in the query (0 = TLP:CLEAR … 4 = TLP:RED; full when left
 * out), like the Store's. The contract every implementation passes is `runListingContract` in
 * test/store/listing-contract.ts.
 */
export interface ListingStore {
  /** Documents a reader may see, newest publication first, with how many there are. */
  listDocumentSummaries(
    query: Clearance & { limit: number; offset: number },
  ): Promise<{ items: DocumentSummary[]; total: number }>;
  /** How many resolved incidents `Store.listIncidents` would list without limit and offset. */
  countIncidents(query: IncidentQuery): Promise<number>;
  /** How many resolved statements `Store.listStatements` would list without limit and offset. */
  countStatements(query: StatementQuery): Promise<number>;
  /** How many documents `Store.search` would find without limit and offset. */
  countSearch(query: SearchQuery): Promise<number>;
  /** How many alerts a reader may see. */
  countAlerts(query: Clearance & { unacknowledged?: boolean }): Promise<number>;
  /** The clearance an alert needs (0…4), or undefined when there is no such alert. */
  alertLevel(id: number): Promise<number | undefined>;
  /** Resolved incidents with a day-precise date on or after `since`, counted per day. */
  incidentDays(query: Clearance & { since?: string; mainOnly?: boolean }): Promise<IncidentDay[]>;
  /** The knowledge-base actors with most resolved incidents (as perpetrator or claimant), most first. */
  topActors(query: Clearance & { limit: number; mainOnly?: boolean }): Promise<ActorCount[]>;
  /**
   * A value that changes whenever another connection or process commits a change to the
   * database (what this connection writes itself does not count), for caches of reads; undefined
   * when the database cannot tell.
   */
  dataVersion(): Promise<string | undefined>;
}
