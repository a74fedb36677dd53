import type { Command } from 'commander';
import { createDoc } from '../doc.js';
import { readInputs, type InputDocument } from '../ingest/read-inputs.js';
import { loadResources, type Resources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';
import { parseDay } from './annotate-command.js';
import { ExtractPool } from './extract-pool.js';
import { formatMessage } from './messages.js';
import { writeLine } from './output.js';

/** Inputs up to this many documents are extracted inline; larger ones go to worker threads. */
const INLINE_LIMIT = 200;
/** Documents handed to the worker pool at a time. */
const POOL_BATCH = 256;

/** `vigil extract FILE...`: incidents, statements and links, one JSON line per document (DESIGN.md). */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'extract incidents, statements and retaliation links; one JSON line per document, in input order',
    )
    .argument('[files...]', '.jsonl or .txt files, or - for JSON Lines on standard input', ['-'])
    .option('--published <date>', 'publication date for .txt files (YYYY-MM-DD)', parseDay)
    .option('--workers <n>', 'worker threads for large inputs (0: none)', (v) => Number.parseInt(v, 10))
    .action(async (files: string[], opts: { published?: string; workers?: number }) => {
      let failed = false;
      let buffered: InputDocument[] = [];
      let pool: ExtractPool | undefined;
      let resources: Resources | undefined;
      // With workers, the next batch is extracted while the previous one is written (two in flight).
      let writing: Promise<void> = Promise.resolve();
      const extractBuffered = async (): Promise<void> => {
        const docs = buffered;
        buffered = [];
        if (pool) {
          const lines = pool.extractLines(docs);
          const previous = writing;
          writing = previous.then(async () => {
            for (const line of await lines) await writeLine(line);
          });
          await previous;
        } else {
          resources ??= await loadResources();
          for (const d of docs) await writeLine(JSON.stringify(extract(createDoc(d), resources)));
        }
      };
      for await (const item of readInputs(files, opts.published ? { published: opts.published } : {})) {
        if ('problem' in item) {
          failed = true;
          process.stderr.write(`${formatMessage(item.problem)}\n`);
          continue;
        }
        buffered.push(item.doc);
        // Small inputs are extracted inline; past the limit, worker threads take over.
        if (buffered.length > INLINE_LIMIT && !pool && opts.workers !== 0)
          pool = new ExtractPool(opts.workers);
        if (pool && buffered.length >= POOL_BATCH) await extractBuffered();
      }
      if (buffered.length > 0) await extractBuffered();
      await writing;
      await pool?.close();
      if (resources)
        for (const m of resources.messages) process.stderr.write(`data/kb/${formatMessage(m)}\n`);
      if (failed) process.exitCode = 1;
    });
}
