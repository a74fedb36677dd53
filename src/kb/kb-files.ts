import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The knowledge base shipped with Vigil (`data/kb/`), resolved from this module's location. */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/** One YAML file of a knowledge-base folder: its path relative to the folder, and its text. */
export interface KbFile {
  file: string;
  text: string;
}

/** Every `.yaml` file under a knowledge-base folder, in a stable order. */
export function readKbFiles(dir: string = DEFAULT_KB_DIR): KbFile[] {
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => {
        const path = join(d, name);
        if (statSync(path).isDirectory()) return walk(path);
        return name.endsWith('.yaml') ? [path] : [];
      });
  return walk(dir).map((path) => ({
    file: relative(dir, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}
