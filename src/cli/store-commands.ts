import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { extractedFromText, TLP_MARKINGS, type Tlp } from '../ingest/source-document.js';
import { loadResources } from '../kb/resources.js';
import { ingest, PIPELINE_VERSION, pollFeeds, toInput, type IngestProgress } from '../services/ingest.js';
import { createDoc } from '../doc.js';
import { AppError } from '../errors.js';
import { extract } from '../pipeline/extract.js';
import { makeExtractor } from './make-extractor.js';
import { queueIngest, queueReprocess } from './queue-commands.js';
import { resolveAfterIngest } from './resolve-commands.js';
import { withStore } from './with-store.js';
import { writeLine } from './output.js';

/** `vigil ingest`, `search`, `stats`, `reprocess`: the commands that use the store. */
export function registerStoreCommands(program: Command): void {
  program
    .command('ingest')
    .description(
      'read files, folders and URLs, extract, and store (idempotent: content already stored is skipped)',
    )
    .argument(
      '<inputs...>',
      'files (.txt .md .html .json .jsonl .csv, Telegram result.json), folders or http(s) URLs',
    )
    .addOption(
      new Option('--marking <tlp>', 'TLP marking of the documents')
        .choices([...TLP_MARKINGS])
        .default('TLP:CLEAR'),
    )
    .option(
      '--allow-private',
      'allow URLs on private, loopback and link-local addresses (local testing only)',
    )
    .option('--workers <n>', 'extraction worker threads (0: extract inline)', (v) => Number.parseInt(v, 10))
    .option('--csv-text <column>', 'CSV column holding the text (default: text, body, content or message)')
    .option('--csv-title <column>', 'CSV column holding the title')
    .option('--csv-date <column>', 'CSV column holding the publication date')
    .option('--csv-url <column>', 'CSV column holding the URL')
    .option('--no-resolve', 'store only; do not resolve across documents and raise alerts afterwards')
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .option(
      '--queue',
      'queue the documents for `vigil worker` processes instead of extracting here (PostgreSQL --db)',
    )
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        inputs: string[],
        opts: {
          queue?: boolean;
          resolve: boolean;
          alerts?: string;
          marking: Tlp;
          allowPrivate?: boolean;
          workers?: number;
          json?: boolean;
          csvText?: string;
          csvTitle?: string;
          csvDate?: string;
          csvUrl?: string;
        },
        cmd: Command,
      ) => {
        if (opts.queue) return queueIngest(cmd, inputs, opts);
        const { extractor, close } = await makeExtractor(opts.workers);
        const progress = progressReporter();
        await withStore(cmd, async (store) => {
          try {
            const csv: { text?: string; title?: string; date?: string; url?: string } = {};
            if (opts.csvText) csv.text = opts.csvText;
            if (opts.csvTitle) csv.title = opts.csvTitle;
            if (opts.csvDate) csv.date = opts.csvDate;
            if (opts.csvUrl) csv.url = opts.csvUrl;
            const summary = await ingest(inputs, store, {
              marking: opts.marking,
              csv,
              allowPrivate: opts.allowPrivate ?? false,
              extractor,
              onProgress: progress.update,
            });
            progress.stop();
            if (!opts.json) {
              for (const p of summary.problems) process.stderr.write(`${p.source} ${p.ruleId} ${p.reason}\n`);
              process.stderr.write(
                `ingested ${summary.read} documents from ${summary.inputsTotal} inputs: ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.skipped} skipped${summary.skipped ? ' (reasons above)' : ''}\n`,
              );
            }
            const resolution =
              opts.resolve && summary.stored > 0
                ? await resolveAfterIngest(store, opts.alerts, opts.json)
                : undefined;
            if (opts.json)
              await writeLine(JSON.stringify({ ...summary, ...(resolution ? { resolution } : {}) }));
            if (summary.skipped > 0) process.exitCode = 1;
          } finally {
            progress.stop();
            await close();
          }
        });
      },
    );

  const feeds = program.command('feeds').description('news feeds (RSS, Atom, RDF, JSON Feed) to poll');
  feeds
    .command('add')
    .description('add feeds to poll')
    .argument('<urls...>', 'feed URLs')
    .addOption(
      new Option('--marking <tlp>', 'TLP marking of the documents from these feeds')
        .choices([...TLP_MARKINGS])
        .default('TLP:CLEAR'),
    )
    .action(async (urls: string[], opts: { marking: Tlp }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        for (const url of urls) {
          if (!/^https?:\/\//i.test(url)) throw new AppError('bad_feed_url', 2, `not an http(s) URL: ${url}`);
          const added = await store.addFeed(url, opts.marking, new Date().toISOString());
          await writeLine(added ? `added ${url}` : `already polled: ${url}`);
        }
      });
    });
  feeds
    .command('list')
    .description('the feeds polled, with when and what')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const list = await store.listFeeds();
        if (opts.json) await writeLine(JSON.stringify(list));
        else if (list.length === 0) await writeLine('no feeds (add one with: vigil feeds add URL)');
        else
          for (const f of list)
            await writeLine(
              `${f.url}  ${f.marking}  ${f.documents} documents  last polled ${f.polledAt ?? 'never'}${f.lastError ? `  error: ${f.lastError}` : ''}`,
            );
      });
    });
  feeds
    .command('poll')
    .description('fetch new entries of every feed (conditional GET) and ingest them')
    .option(
      '--allow-private',
      'allow feeds on private, loopback and link-local addresses (local testing only)',
    )
    .option('--workers <n>', 'extraction worker threads (0: extract inline)', (v) => Number.parseInt(v, 10))
    .option('--no-resolve', 'store only; do not resolve across documents and raise alerts afterwards')
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: PollOptions, cmd: Command) => {
      await pollOnce(cmd, opts);
    });

  program
    .command('watch')
    .description('poll the feeds again and again (stop with Ctrl-C)')
    .option('--interval <seconds>', 'seconds between polls', (v) => Number.parseInt(v, 10), 900)
    .option(
      '--allow-private',
      'allow feeds on private, loopback and link-local addresses (local testing only)',
    )
    .option(
      '--workers <n>',
      'extraction worker threads (0: extract inline)',
      (v) => Number.parseInt(v, 10),
      0,
    )
    .option('--no-resolve', 'store only; do not resolve across documents and raise alerts after each poll')
    .option('--alerts <file>', 'alert rules and webhooks (default config/alerts.yaml, or VIGIL_ALERTS)')
    .action(async (opts: PollOptions & { interval: number }, cmd: Command) => {
      if (!(opts.interval >= 1))
        throw new AppError('bad_interval', 2, '--interval must be at least 1 second');
      let stop = false;
      let wake = (): void => {};
      const halt = (): void => {
        stop = true;
        wake();
      };
      process.once('SIGINT', halt);
      process.once('SIGTERM', halt);
      while (!stop) {
        await pollOnce(cmd, opts);
        if (stop) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, opts.interval * 1000);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    });

  program
    .command('search')
    .description('full-text search of stored documents')
    .argument('<query...>', 'words to find (all of them)')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--country <code>', 'an incident in this country (ISO code)')
    .option('--group <id>', 'names this group (knowledge-base id or accepted candidate, aliases included)')
    .option('--type <type>', 'an incident of this GTD attack type')
    .option('--limit <n>', 'hits to show', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'print hits as a JSON array')
    .action(
      async (
        words: string[],
        opts: {
          from?: string;
          to?: string;
          country?: string;
          group?: string;
          type?: string;
          limit: number;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withStore(cmd, async (store) => {
          const hits = await store.search({ text: words.join(' '), ...opts });
          if (opts.json) await writeLine(JSON.stringify(hits));
          else if (hits.length === 0) await writeLine('no documents found');
          else
            for (const h of hits)
              await writeLine(
                `${h.id}  ${h.publishedAt?.slice(0, 10) ?? '----------'}  ${h.title ?? '(untitled)'}\n    ${h.snippet.replace(/\s+/g, ' ')}`,
              );
        });
      },
    );

  program
    .command('stats')
    .description('what the store holds')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const s = await store.stats();
        if (opts.json) await writeLine(JSON.stringify(s));
        else for (const [k, v] of Object.entries(s)) await writeLine(`${k.padEnd(12)} ${v}`);
      });
    });

  program
    .command('reprocess')
    .description(
      "extract every stored document again with this version's pipeline; analysts' reviews are kept",
    )
    .option(
      '--queue',
      'queue the documents for `vigil worker` processes instead of extracting here (PostgreSQL --db)',
    )
    .action(async (opts: { queue?: boolean }, cmd: Command) => {
      if (opts.queue) return queueReprocess(cmd);
      const resources = await loadResources();
      await withStore(cmd, async (store) => {
        let done = 0;
        for (
          let page = await store.listDocuments(undefined, 200);
          page.length > 0;
          page = await store.listDocuments(page[page.length - 1]!.id, 200)
        ) {
          for (const d of page) {
            if (!extractedFromText(d)) continue; // imported records keep the incident built from their fields
            await store.replaceExtraction(d.id, extract(createDoc(toInput(d)), resources), PIPELINE_VERSION);
            done++;
          }
          process.stderr.write(`reprocessed ${done} documents\n`);
        }
      });
    });
}

/** Options of `vigil feeds poll` and `vigil watch`. */
interface PollOptions {
  allowPrivate?: boolean;
  workers?: number;
  resolve: boolean;
  alerts?: string;
  json?: boolean;
}

async function pollOnce(cmd: Command, opts: PollOptions): Promise<void> {
  const { extractor, close } = await makeExtractor(opts.workers);
  await withStore(cmd, async (store) => {
    try {
      const summary = await pollFeeds(store, { allowPrivate: opts.allowPrivate ?? false, extractor });
      if (opts.json) await writeLine(JSON.stringify(summary));
      else {
        for (const f of summary.feeds) {
          process.stderr.write(
            `${f.url}: ${f.notModified ? 'not modified' : `${f.documents} new documents`}${f.error ? ` (${f.error})` : ''}\n`,
          );
        }
        process.stderr.write(
          `polled ${summary.feeds.length} feeds: ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.skipped} skipped\n`,
        );
      }
      if (opts.resolve && summary.stored > 0) await resolveAfterIngest(store, opts.alerts, opts.json);
      if (summary.skipped > 0) process.exitCode = 1;
    } finally {
      await close();
    }
  });
}

/** A progress bar with counts, rate and ETA on a terminal; a plain line now and then otherwise. */
function progressReporter(): { update: (p: IngestProgress) => void; stop: () => void } {
  const started = Date.now();
  const rate = (n: number): string => `${((n * 1000) / Math.max(1, Date.now() - started)).toFixed(0)} docs/s`;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format:
          'ingest [{bar}] {value}/{total} inputs | {stored} stored, {duplicates} already stored, {skipped} skipped | {rate} | ETA {eta}',
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (p) => {
        // ETA from the inputs finished so far (none yet: unknown, as inside one large file).
        const elapsed = Date.now() - started;
        const eta =
          p.inputsDone > 0
            ? `${Math.round(((elapsed / p.inputsDone) * (p.inputsTotal - p.inputsDone)) / 1000)}s`
            : '…';
        const payload = {
          stored: p.stored,
          duplicates: p.duplicates,
          skipped: p.skipped,
          rate: rate(p.stored + p.duplicates),
          eta,
        };
        if (!begun) {
          bar.start(p.inputsTotal, p.inputsDone, payload);
          begun = true;
        } else bar.update(p.inputsDone, payload);
      },
      stop: () => {
        if (begun) bar.stop();
        begun = false;
      },
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      process.stderr.write(
        `ingest: ${p.inputsDone}/${p.inputsTotal} inputs, ${p.stored} stored, ${p.duplicates} already stored, ${p.skipped} skipped, ${rate(p.stored + p.duplicates)}\n`,
      );
    },
    stop: () => {},
  };
}
