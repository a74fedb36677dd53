import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { vigil } from '../helpers/run-vigil.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Start an ingest and SIGKILL it `ms` after it reports its first stored batch (so that the kill
 * lands mid-ingest however slowly the process starts on a loaded machine), or let it finish.
 */
function ingestKilledAfter(db: string, input: string, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['dist/cli/main.js', '--db', db, 'ingest', '--workers', '0', input],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => {
      if (timer === undefined && /[1-9]\d* stored/.test(d.toString()))
        timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('ingest survives kill -9', () => {
  it('leaves no half-written document, and re-running completes the batch with every document once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
    const corpus = readFileSync(join(root, 'examples/wikinews/wikinews.jsonl'), 'utf8').trim().split('\n');
    // Six distinct copies of the corpus (1,734 documents): the text differs, so none is a duplicate.
    const lines = [0, 1, 2, 3, 4, 5].flatMap((c) =>
      corpus.map((l) => {
        const d = JSON.parse(l) as { id: string; text: string };
        return JSON.stringify({ ...d, id: `${d.id}-${c}`, text: `${d.text}\n\n(copy ${c})` });
      }),
    );
    const input = join(dir, 'input.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const db = join(dir, 'vigil.db');

    const counts: number[] = [];
    for (const ms of [300, 900, 1500]) {
      expect(await ingestKilledAfter(db, input, ms)).toBeNull(); // killed, not finished
      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every stored document has its whole extraction: its incidents rows match its JSON.
      const docs = check.prepare('SELECT id, extraction FROM documents').all() as {
        id: string;
        extraction: string;
      }[];
      const rows = check.prepare('SELECT doc_id, count(*) AS n FROM incidents GROUP BY doc_id').all() as {
        doc_id: string;
        n: number;
      }[];
      const byDoc = new Map(rows.map((r) => [r.doc_id, r.n]));
      for (const d of docs)
        expect(byDoc.get(d.id) ?? 0).toBe(
          (JSON.parse(d.extraction) as { incidents: unknown[] }).incidents.length,
        );
      counts.push(docs.length);
      check.close();
    }
    expect(counts[2]).toBeGreaterThan(0);
    expect(counts[2]).toBeLessThan(lines.length);

    const finish = vigil(['--db', db, 'ingest', '--workers', '0', '--json', input]);
    expect(finish.code).toBe(0);
    const summary = JSON.parse(finish.stdout) as { read: number; stored: number; duplicates: number };
    expect(summary.read).toBe(lines.length);
    expect(summary.stored + summary.duplicates).toBe(lines.length);
    const stats = JSON.parse(vigil(['--db', db, 'stats', '--json']).stdout) as { documents: number };
    expect(stats.documents).toBe(lines.length);
  }, 120_000);
});
