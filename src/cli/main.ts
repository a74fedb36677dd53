#!/usr/bin/env node
import { Command } from 'commander';
import { AppError } from '../errors.js';
import { registerAnnotate } from './annotate-command.js';
import { registerCandidateCommands } from './candidate-commands.js';
import { registerExportCommands } from './export-commands.js';
import { registerExtract } from './extract-command.js';
import { registerImportCommands } from './import-commands.js';
import { registerQueueCommands } from './queue-commands.js';
import { registerResolveCommands } from './resolve-commands.js';
import { registerServe } from './serve-command.js';
import { registerStoreCommands } from './store-commands.js';

const program = new Command();
program
  .name('vigil')
  .description(
    'Sourced records of terrorist incidents, extremist statements and retaliation chains from news and channel exports.',
  )
  .version('0.1.0')
  .option('--db <path>', 'database: a SQLite file (default ./vigil.db, or VIGIL_DB) or a postgres:// URL');
registerAnnotate(program);
registerExtract(program);
registerStoreCommands(program);
registerQueueCommands(program);
registerResolveCommands(program);
registerCandidateCommands(program);
registerExportCommands(program);
registerImportCommands(program);
registerServe(program);

// Stdout closed early (`vigil annotate … | head`): stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof AppError) {
    process.stderr.write(`vigil: ${err.message}\n`);
    process.exitCode = 2;
  } else throw err;
}
