// The Wikinews corpus repeated `copies` times as a JSON Lines file in a temporary folder, with
// distinct ids (and, with distinctText, distinct texts, so that nothing is a duplicate).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeCorpusCopies(copies, { distinctText = false, prefix = 'vigil-bench-' } = {}) {
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
        }),
      );
    }
  }
  const input = join(dir, 'input.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  return { dir, input, lines };
}
