import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { TLP_MARKINGS, type Tlp } from '../ingest/source-document.js';
import { KB_OVERLAY_ENV, overlayDirFor } from '../kb/kb-overlay.js';
import type { Dataset, ImportProgress } from '../services/import-dataset.js';
import { writeLine } from './output.js';
import { withStore } from './with-store.js';

/**
 * `vigil import gtd|acled|stix`: datasets and STIX bundles into the store (docs/import.md). Also
 * makes every command load the knowledge-base overlay of the database in use (`--kb-dir`,
 * `VIGIL_KB_DIR`, or `<db file>.kb/`), which `vigil import stix` writes.
 */
export function registerImportCommands(program: Command): void {
  program.hook('preAction', (_root, action) => {
    // --kb-dir, else VIGIL_KB_DIR, else the folder next to the SQLite file (overlayDirFor).
    const opts = action.optsWithGlobals() as { db?: string; kbDir?: string };
    const dir = opts.kbDir ?? overlayDirFor(opts.db);
    if (dir) process.env[KB_OVERLAY_ENV] = dir;
  });

  const imports = program
    .command('import')
    .description('import historical incidents from GTD or ACLED files, or a STIX 2.1 bundle (OpenCTI, MISP)');
  const marking = (): Option =>
    new Option('--marking <tlp>', 'TLP marking of the documents')
      .choices([...TLP_MARKINGS])
      .default('TLP:CLEAR');

  imports
    .command('gtd')
    .description('import a Global Terrorism Database file (its CSV, Latin-1, or its .xlsx workbook)')
    .argument('<file>', 'globalterrorismdb_*.csv or .xlsx')
    .addOption(marking())
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of a CSV file')
        .choices(['latin1', 'utf8'])
        .default('latin1'),
    )
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: DatasetOptions & { encoding: 'latin1' | 'utf8' }, cmd: Command) => {
      await runDatasetImport('gtd', file, opts, cmd);
    });

  imports
    .command('acled')
    .description('import an ACLED export (CSV, UTF-8); events that are not attacks are left out')
    .argument('<file>', 'ACLED export .csv')
    .addOption(marking())
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: DatasetOptions, cmd: Command) => {
      await runDatasetImport('acled', file, opts, cmd);
    });

  imports
    .command('stix')
    .description(
      'import a STIX 2.1 bundle: threat actors and intrusion sets into the knowledge-base overlay, incidents, reports and notes as documents',
    )
    .argument('<bundle>', 'a STIX 2.1 bundle (.json), e.g. exported by OpenCTI or MISP')
    .addOption(marking().default(undefined).makeOptionMandatory(false))
    .option(
      '--kb-dir <dir>',
      `knowledge-base overlay folder to write (default ${KB_OVERLAY_ENV}, or <db file>.kb next to a SQLite database)`,
    )
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { marking?: Tlp; kbDir?: string; json?: boolean }, cmd: Command) => {
      const kbDir = process.env[KB_OVERLAY_ENV];
      // Loaded when used, so that other commands start as fast as before.
      const { importStix } = await import('../services/import-stix.js');
      await withStore(cmd, async (store) => {
        const summary = await importStix(file, store, {
          ...(kbDir ? { kbDir } : {}),
          ...(opts.marking ? { marking: opts.marking } : {}),
        });
        if (opts.json) await writeLine(JSON.stringify(summary));
        else {
          for (const p of summary.problems) process.stderr.write(`${p.source} ${p.ruleId} ${p.reason}\n`);
          process.stderr.write(
            `imported ${file}: ${summary.entities.added} knowledge-base entities added and ${summary.entities.aliased} given new aliases${summary.overlayDir ? ` (in ${summary.overlayDir})` : ''}; ${summary.documents.stored} documents stored, ${summary.documents.duplicates} already stored\n`,
          );
          const kept = Object.entries(summary.kept.byType);
          if (kept.length > 0)
            process.stderr.write(
              `kept ${summary.kept.count} objects Vigil does not use in ${summary.kept.file}: ${kept.map(([t, n]) => `${n} ${t}`).join(', ')}\n`,
            );
          if (summary.documents.stored > 0)
            process.stderr.write('run `vigil resolve` to merge them with the store\n');
        }
        if (summary.problems.length > 0) process.exitCode = 1;
      });
    });
}

/** Options shared by `vigil import gtd` and `vigil import acled`. */
interface DatasetOptions {
  marking: Tlp;
  json?: boolean;
}

async function runDatasetImport(
  dataset: Dataset,
  file: string,
  opts: DatasetOptions & { encoding?: 'latin1' | 'utf8' },
  cmd: Command,
): Promise<void> {
  const progress = progressReporter(dataset);
  const { importDataset } = await import('../services/import-dataset.js');
  await withStore(cmd, async (store) => {
    try {
      const summary = await importDataset(dataset, file, store, {
        worker: true,
        marking: opts.marking,
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        onProgress: progress.update,
      });
      progress.stop();
      if (opts.json) await writeLine(JSON.stringify(summary));
      else {
        for (const p of summary.problems) process.stderr.write(`${p.source} ${p.ruleId} ${p.reason}\n`);
        const notAttacks = Object.entries(summary.notAttackTypes)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        process.stderr.write(
          `imported ${summary.rows} rows of ${file}: ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.skipped} skipped${summary.skipped ? ' (reasons above)' : ''}${summary.notAttacks ? `, ${summary.notAttacks} not attacks (${notAttacks})` : ''}\n`,
        );
        if (summary.stored > 0) process.stderr.write('run `vigil resolve` to merge them with the store\n');
      }
      if (summary.problems.length > 0) process.exitCode = 1;
    } finally {
      progress.stop();
    }
  });
}

/** Rows per second and counts: a bar on a terminal, a line every five seconds otherwise. */
function progressReporter(dataset: string): { update: (p: ImportProgress) => void; stop: () => void } {
  const started = Date.now();
  const rate = (n: number): string => `${((n * 1000) / Math.max(1, Date.now() - started)).toFixed(0)} rows/s`;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `import ${dataset} | {rows} rows: {stored} stored, {duplicates} already stored, {skipped} skipped | {rate}`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (p) => {
        const payload = { ...p, rate: rate(p.rows) };
        if (!begun) bar.start(0, 0, payload);
        else bar.update(0, payload);
        begun = true;
      },
      stop: () => {
        if (begun) bar.stop();
        begun = false;
      },
    };
  }
  let last = Date.now();
  return {
    update: (p) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      process.stderr.write(
        `import ${dataset}: ${p.rows} rows, ${p.stored} stored, ${p.duplicates} already stored, ${p.skipped} skipped, ${rate(p.rows)}\n`,
      );
    },
    stop: () => {},
  };
}
