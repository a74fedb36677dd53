import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the app source', () => {
  const files = sources(ROOT).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('never injects HTML (ingested content is hostile)', () => {
    const offenders = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(f.text),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('sets no inline style attribute (the CSP is style-src self)', () => {
    const offenders = files.filter((f) => /\sstyle=\{/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
