import type { Resources } from '../kb/resources.js';
import type { AccountStore, Role, TokenScope } from '../store/accounts.js';
import type { ListingStore } from '../store/listing.js';
import type { Store } from '../store/store.js';
import type { AlertConfig } from './alerts/alert-config.js';
import type { Extractor } from './ingest.js';
import type { JobQueue } from './jobs.js';
import type { Resolver } from './resolver.js';

/** What the services behind the web app work with, built once per server. */
export interface ServiceContext {
  store: Store;
  accounts: AccountStore;
  listing: ListingStore;
  /** Knowledge base, gazetteer and NLP model, loaded once. */
  resources: Resources;
  alertConfig: AlertConfig;
  /** Runs cross-document resolution, one run at a time. */
  resolver: Resolver;
  /**
   * What becomes of the documents analysts send (`POST /api/ingest`): extracted by `extractor`
   * (on worker threads, so that the server answers meanwhile) and stored; or, with `queue`
   * (`vigil serve --queue`), queued for `vigil worker` processes.
   */
  ingestion: { extractor: Extractor } | { queue: JobQueue };
  /** Allow ingesting URLs and feeds on private, loopback and link-local addresses (local testing only). */
  allowPrivateUrls: boolean;
  now(): Date;
}

/** Who is asking, with what they may see and do; built for each request from its session or token. */
export interface Principal {
  username: string;
  /** The user's role, capped by the token's scopes when the request uses a token. */
  role: Role;
  /** Highest TLP level the user may read: 0 = TLP:CLEAR … 4 = TLP:RED. */
  clearance: number;
  via: 'session' | 'token';
  /** The password must be changed before anything else is allowed. */
  mustChangePassword: boolean;
  /** For sessions: the SHA-256 of the session id and the CSRF token state-changing requests must send. */
  sessionHash?: string;
  csrfToken?: string;
  /** For tokens: the token's id and scopes. */
  tokenId?: string;
  scopes?: TokenScope[];
  /** Client address, for the audit log. */
  ip?: string;
}
