import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../services/context.js';
import { makeExtractor } from './make-extractor.js';
import { openJobQueue, requirePostgres } from './queue-commands.js';

/** The demo corpus loaded into an empty store. */
const DEMO_CORPUS = fileURLToPath(new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url));

/** Extraction threads for uploads by default: two, or one on a single core. */
const DEFAULT_EXTRACT_THREADS = Math.min(2, availableParallelism());

interface ServeOptions {
  port?: number;
  host: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
  demo: boolean;
  alerts?: string;
  allowPrivate?: boolean;
  queue?: boolean;
  workers?: number;
}

/**
 * `vigil serve`: the web app and the REST API on one port. On first run it creates the `admin`
 * account with a one-time password (printed once, on stderr) and loads the demo corpus into an
 * empty store; it stops cleanly on SIGTERM and SIGINT. Documents sent to the API are extracted
 * on worker threads and stored, or with `--queue` (or `VIGIL_QUEUE=1`) queued for `vigil worker`
 * processes.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the REST API (docs/api.md)')
    .option('--port <n>', 'port to listen on (default: PORT, or 8080)', port)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--secure-cookies',
      'HTTPS-only __Host- session cookie and HSTS, behind a TLS proxy (default when NODE_ENV=production)',
    )
    .option('--trust-proxy', 'take client addresses from X-Forwarded-For (behind a reverse proxy)')
    .option('--no-demo', 'do not load the Wikinews demo corpus into an empty store')
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .option(
      '--allow-private',
      'allow ingesting URLs on private, loopback and link-local addresses (testing only)',
    )
    .option(
      '--queue',
      'queue uploads, URLs and feed polls as jobs for `vigil worker` processes instead of extracting here (PostgreSQL --db; or VIGIL_QUEUE=1)',
    )
    .option(
      '--workers <n>',
      `extraction threads for uploads (default ${DEFAULT_EXTRACT_THREADS}; 0: on the server's main thread)`,
      (v) => Number.parseInt(v, 10),
    )
    .action(async (opts: ServeOptions, cmd: Command) => {
      // Listen for SIGTERM and SIGINT from the start: one that comes while the server is still
      // starting (loading resources, starting extraction threads) stops it once it is up.
      const stopRequested = new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          resolve();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      const db = (cmd.optsWithGlobals() as { db?: string }).db;
      const queueing = opts.queue ?? /^(1|true)$/i.test(process.env.VIGIL_QUEUE ?? '');
      if (queueing) requirePostgres(db);
      // Loaded here, so that the other commands do not load the web server.
      const [
        { buildServer },
        { loadResources },
        { loadAlertConfig },
        { Resolver },
        { ensureFirstAdmin, FIRST_ADMIN },
        { openApiStores },
        { requestAlertDelivery },
      ] = await Promise.all([
        import('../api/server.js'),
        import('../kb/resources.js'),
        import('../services/alerts/alert-config.js'),
        import('../services/resolver.js'),
        import('../services/users.js'),
        import('../store/open-api-stores.js'),
        import('../services/resolve-jobs.js'),
      ]);
      const [resources, alertConfig] = await Promise.all([loadResources(), loadAlertConfig(opts.alerts)]);
      const stores = await openApiStores(db);
      // Closed last to first: the extraction threads or the queue, then the stores.
      const closers: (() => Promise<void>)[] = [() => stores.close()];
      try {
        let ingestion: ServiceContext['ingestion'];
        let resolver: InstanceType<typeof Resolver>;
        if (queueing) {
          const { queue } = await openJobQueue(stores.store, false);
          closers.unshift(() => queue.close());
          ingestion = { queue };
          resolver = new Resolver(stores.store, resources, alertConfig, {
            handOverDelivery: () => requestAlertDelivery(queue),
          });
        } else {
          const threads = await makeExtractor(opts.workers ?? DEFAULT_EXTRACT_THREADS, async () => resources);
          closers.unshift(threads.close);
          ingestion = { extractor: threads.extractor };
          resolver = new Resolver(stores.store, resources, alertConfig);
        }
        const services: ServiceContext = {
          ...stores,
          resources,
          alertConfig,
          resolver,
          ingestion,
          allowPrivateUrls: opts.allowPrivate ?? false,
          now: () => new Date(),
        };
        const password = await ensureFirstAdmin(services);
        if (password)
          process.stderr.write(
            `vigil: created user "${FIRST_ADMIN}" with the one-time password ${password}\n` +
              'vigil: it is shown only now; change it at first login\n',
          );
        if (opts.demo && (await stores.store.stats()).documents === 0) await loadDemo(services);
        const app = await buildServer({
          services,
          ...(opts.secureCookies ? { secureCookies: true } : {}),
          trustProxy: opts.trustProxy ?? false,
          logLevel: 'warn',
        });
        const listenPort = opts.port ?? port(process.env.PORT ?? '8080');
        const address = await app.listen({ port: listenPort, host: opts.host }).catch(async (err: Error) => {
          await app.close();
          throw new AppError(
            'listen_failed',
            2,
            `cannot listen on ${opts.host}:${listenPort}: ${err.message}`,
          );
        });
        if (queueing)
          process.stderr.write(
            'vigil: queue mode: documents sent to the API are queued for `vigil worker` processes\n',
          );
        process.stdout.write(`vigil: serving ${address}/\n`);
        await stopRequested;
        process.stderr.write('vigil: stopping\n');
        await app.close().catch(() => {});
      } finally {
        for (const close of closers) await close();
      }
    });
}

/**
 * Ingest and resolve the shipped Wikinews corpus, crediting its authors; in queue mode, queue it
 * for the workers (who store and resolve it).
 */
async function loadDemo(services: ServiceContext): Promise<void> {
  const credit =
    'vigil: demo corpus: Wikinews articles, CC BY 2.5, by Wikinews contributors (https://en.wikinews.org); each article keeps its URL\n';
  const { ingest } = await import('../services/ingest.js');
  if ('queue' in services.ingestion) {
    const { queueingOptions } = await import('../services/document-jobs.js');
    const { jobs, ...queueing } = queueingOptions(services.ingestion.queue);
    const summary = await ingest([DEMO_CORPUS], services.store, queueing);
    process.stderr.write(
      `vigil: the store is empty: queued the demo corpus (${summary.queued} Wikinews articles in ${jobs()} jobs) for the workers\n${credit}`,
    );
    return;
  }
  process.stderr.write('vigil: the store is empty: loading the demo corpus…\n');
  const summary = await ingest([DEMO_CORPUS], services.store, { extractor: services.ingestion.extractor });
  const resolved = await services.resolver.run();
  process.stderr.write(
    `vigil: loaded ${summary.stored} Wikinews articles (${resolved.incidents} incidents, ${resolved.statements} statements)\n${credit}`,
  );
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535 || value.trim() === '')
    throw new AppError('bad_option', 2, `--port needs a port number (0–65535), not "${value}"`);
  return n;
}
