import { InvalidArgumentError, type Command } from 'commander';
import { createDoc } from '../doc.js';
import { readInputs } from '../ingest/read-inputs.js';
import { loadResources } from '../kb/resources.js';
import { annotate } from '../pipeline/annotate.js';
import { toAnnotationRecord } from '../pipeline/annotation-record.js';
import { formatMessage } from './messages.js';
import { writeLine } from './output.js';

/** `vigil annotate FILE...`: one JSON line per document with sentences and mentions. */
export function registerAnnotate(program: Command): void {
  program
    .command('annotate')
    .description(
      'find places, groups, outlets, platforms, people, dates, quantities and quotes; one JSON line per document',
    )
    .argument('[files...]', '.jsonl or .txt files, or - for JSON Lines on standard input', ['-'])
    .option('--published <date>', 'publication date for .txt files (YYYY-MM-DD)', parseDay)
    .action(async (files: string[], opts: { published?: string }) => {
      const resources = await loadResources();
      for (const m of resources.messages) process.stderr.write(`data/kb/${formatMessage(m)}\n`);
      let failed = false;
      for await (const item of readInputs(files, opts.published ? { published: opts.published } : {})) {
        if ('problem' in item) {
          failed = true;
          process.stderr.write(`${formatMessage(item.problem)}\n`);
          continue;
        }
        const doc = annotate(createDoc(item.doc), resources);
        await writeLine(JSON.stringify(toAnnotationRecord(doc)));
      }
      if (failed) process.exitCode = 1;
    });
}

/** Commander parser for `YYYY-MM-DD` options. */
export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
