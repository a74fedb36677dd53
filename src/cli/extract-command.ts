import type { Command } from 'commander';
import { createDoc } from '../doc.js';
import { readInputs, type InputDocument } from '../ingest/read-inputs.js';
import { loadResources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';
import { parseDay } from './annotate-command.js';
import { ExtractPool } from './extract-pool.js';
import { formatMessage } from './messages.js';
import { writeLine } from './output.js';

/** Inputs up to this many documents are extracted inline; larger ones go to worker threads. */
const INLINE_LIMIT = 200;

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
      const buffered: InputDocument[] = [];
      let pool: ExtractPool | undefined;
      for await (const item of readInputs(files, opts.published ? { published: opts.published } : {})) {
        if ('problem' in item) {
          failed = true;
          process.stderr.write(`${formatMessage(item.problem)}\n`);
          continue;
        }
        if (pool) await pool.push(item.doc);
        else buffered.push(item.doc);
        if (!pool && buffered.length > INLINE_LIMIT && opts.workers !== 0) {
          pool = new ExtractPool(writeLine, opts.workers);
          for (const d of buffered.splice(0)) await pool.push(d);
        }
      }
      if (pool) await pool.close();
      else if (buffered.length > 0) {
        const resources = await loadResources();
        for (const m of resources.messages) process.stderr.write(`data/kb/${formatMessage(m)}\n`);
        for (const d of buffered) await writeLine(JSON.stringify(extract(createDoc(d), resources)));
      }
      if (failed) process.exitCode = 1;
    });
}
