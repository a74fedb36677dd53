// The Wikinews corpus repeated `copies` times as a JSON Lines file in a temporary folder, with
// distinct ids (and, with distinctText, distinct texts, so that nothing is a duplicate; with
// shiftDays, copy c is published c * shiftDays days later, so that relative dates move with it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeCorpusCopies(
  copies,
  { distinctText = false, shiftDays = 0, prefix = 'vigil-bench-' } = {},
) {
  const corpus = readFileSync(new URL('../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const lines = [];
  for (let c = 0; c < copies; c++) {
    for (const l of corpus) {
      const d = JSON.parse(l);
      lines.push(
        JSON.stringify({
          ...d,
          id: `${d.id}-${c}`,
          ...(distinctText ? { text: `${d.text}\n\n(copy ${c})` } : {}),
          ...(shiftDays && d.published ? { published: shiftDate(d.published, c * shiftDays) } : {}),
        }),
      );
    }
  }
  const input = join(dir, 'input.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  return { dir, input, lines };
}

function shiftDate(iso, days) {
  const t = Date.parse(iso.slice(0, 10)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
