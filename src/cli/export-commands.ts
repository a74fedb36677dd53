import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { AppError } from '../errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';
import { hasResolution } from '../export/resolved-data.js';
import { TLP_MARKINGS } from '../ingest/source-document.js';
import { loadKnowledgeBase } from '../kb/resources.js';
import { withStore } from './with-store.js';

/** `vigil export`: the resolved store as a STIX 2.1 bundle, GTD-style CSV or JSON Lines. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('export resolved incidents, statements and links (run `vigil resolve` first)')
    .addOption(
      new Option('--format <format>', 'stix (STIX 2.1 bundle), csv (GTD codebook columns) or jsonl')
        .choices([...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--clearance <level>',
      `export only what a reader cleared for this TLP level may see: 0 = ${TLP_MARKINGS[0]} … 4 = ${TLP_MARKINGS[4]}`,
      clearanceLevel,
      TLP_MARKINGS.length - 1,
    )
    .action(async (opts: { format: ExportFormat; out?: string; clearance: number }, cmd: Command) => {
      const { kb } = await loadKnowledgeBase();
      const { exportStore } = await import('../export/export-store.js');
      await withStore(cmd, async (store) => {
        if (!(await hasResolution(store))) {
          process.stderr.write('vigil: nothing resolved to export; run `vigil resolve` first\n');
          return;
        }
        const out = opts.out ? (await openOut(opts.out)).createWriteStream() : process.stdout;
        for await (const chunk of exportStore(store, kb, opts.format, opts.clearance))
          if (!out.write(chunk)) await once(out, 'drain');
        if (out !== process.stdout) {
          out.end();
          await once(out, 'finish');
        }
      });
    });
}

async function openOut(path: string): ReturnType<typeof open> {
  try {
    return await open(path, 'w');
  } catch (err) {
    throw new AppError(
      'export_unwritable',
      1,
      `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}

function clearanceLevel(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n >= TLP_MARKINGS.length || value.trim() === '')
    throw new AppError(
      'bad_option',
      1,
      `--clearance needs a level from 0 to ${TLP_MARKINGS.length - 1}, not "${value}"`,
    );
  return n;
}
