import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A cache of derived data (the built gazetteer, the validated knowledge base) as JSON files under
 * `.cache/` at the package root, named by a hash of everything they derive from. Losing it costs
 * only time; a read-only install works without it.
 */
export const CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));

/** A short hash of the inputs a cached value derives from. */
export function cacheKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

/** The cached value for `name`/`key`, or undefined when absent or unreadable. */
export function readCache<T>(dir: string | false, name: string, key: string): T | undefined {
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(`${dir}${name}-${key}.json`, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Store a value atomically (write then rename), ignoring failures. */
export function writeCache(dir: string | false, name: string, key: string, value: unknown): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const file = `${dir}${name}-${key}.json`;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // A read-only install still works, only slower to start.
  }
}
