import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { TLP_MARKINGS, type Tlp } from '../ingest/source-document.js';
import { loadResources } from '../kb/resources.js';
import {
  ingest,
  inlineExtractor,
  PIPELINE_VERSION,
  type Extractor,
  type IngestProgress,
} from '../services/ingest.js';
import { createDoc } from '../doc.js';
import { extract } from '../pipeline/extract.js';
import { openStore } from '../store/open-store.js';
import { ExtractPool } from './extract-pool.js';
import { writeLine } from './output.js';

interface GlobalOptions {
  db?: string;
}

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
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        inputs: string[],
        opts: { marking: Tlp; allowPrivate?: boolean; workers?: number; json?: boolean },
        cmd: Command,
      ) => {
        const store = openStore((cmd.optsWithGlobals() as GlobalOptions).db);
        const workers = opts.workers ?? Math.min(4, availableParallelism());
        const pool = workers > 0 ? new ExtractPool(workers) : undefined;
        const extractor: Extractor = pool
          ? {
              extractMany: async (docs) =>
                (await pool.extractLines(docs)).map((l) => JSON.parse(l) as ReturnType<typeof extract>),
            }
          : inlineExtractor(await loadResources());
        const progress = progressReporter();
        try {
          const summary = await ingest(inputs, store, {
            marking: opts.marking,
            allowPrivate: opts.allowPrivate ?? false,
            extractor,
            onProgress: progress.update,
          });
          progress.stop();
          if (opts.json) await writeLine(JSON.stringify(summary));
          else {
            for (const p of summary.problems) process.stderr.write(`${p.source} ${p.ruleId} ${p.reason}\n`);
            process.stderr.write(
              `ingested ${summary.read} documents from ${summary.inputsTotal} inputs: ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.skipped} skipped${summary.skipped ? ' (reasons above)' : ''}\n`,
            );
          }
          if (summary.skipped > 0) process.exitCode = 1;
        } finally {
          progress.stop();
          await pool?.close();
          await store.close();
        }
      },
    );

  program
    .command('search')
    .description('full-text search of stored documents')
    .argument('<query...>', 'words to find (all of them)')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--country <code>', 'an incident in this country (ISO code)')
    .option('--group <id>', 'names this knowledge-base group')
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
        const store = openStore((cmd.optsWithGlobals() as GlobalOptions).db);
        try {
          const hits = await store.search({ text: words.join(' '), ...opts });
          if (opts.json) await writeLine(JSON.stringify(hits));
          else if (hits.length === 0) await writeLine('no documents found');
          else
            for (const h of hits)
              await writeLine(
                `${h.id}  ${h.publishedAt?.slice(0, 10) ?? '----------'}  ${h.title ?? '(untitled)'}\n    ${h.snippet.replace(/\s+/g, ' ')}`,
              );
        } finally {
          await store.close();
        }
      },
    );

  program
    .command('stats')
    .description('what the store holds')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const store = openStore((cmd.optsWithGlobals() as GlobalOptions).db);
      try {
        const s = await store.stats();
        if (opts.json) await writeLine(JSON.stringify(s));
        else for (const [k, v] of Object.entries(s)) await writeLine(`${k.padEnd(12)} ${v}`);
      } finally {
        await store.close();
      }
    });

  program
    .command('reprocess')
    .description(
      "extract every stored document again with this version's pipeline; analysts' reviews are kept",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const store = openStore((cmd.optsWithGlobals() as GlobalOptions).db);
      const resources = await loadResources();
      let done = 0;
      try {
        for (
          let page = await store.listDocuments(undefined, 200);
          page.length > 0;
          page = await store.listDocuments(page[page.length - 1]!.id, 200)
        ) {
          for (const d of page) {
            const input: Parameters<typeof createDoc>[0] = { id: d.id, text: d.text };
            if (d.title) input.title = d.title;
            if (d.publishedAt) input.published = d.publishedAt.slice(0, 10);
            await store.replaceExtraction(d.id, extract(createDoc(input), resources), PIPELINE_VERSION);
            done++;
          }
          process.stderr.write(`reprocessed ${done} documents\n`);
        }
      } finally {
        await store.close();
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
          'ingest [{bar}] {value}/{total} inputs | {stored} stored, {duplicates} already stored, {skipped} skipped | {rate} | ETA {eta_formatted}',
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (p) => {
        if (!begun) {
          bar.start(p.inputsTotal, 0);
          begun = true;
        }
        bar.update(p.inputsDone, {
          stored: p.stored,
          duplicates: p.duplicates,
          skipped: p.skipped,
          rate: rate(p.stored + p.duplicates),
        });
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
