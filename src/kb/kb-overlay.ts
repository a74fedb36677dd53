import { existsSync } from 'node:fs';
import { nameKey } from '../text/normalize.js';
import type { SourcedEntry } from './load-kb.js';

/** Environment variable naming a knowledge-base overlay folder (`vigil import stix` writes there). */
export const KB_OVERLAY_ENV = 'VIGIL_KB_DIR';

/**
 * The overlay folder of a database: `VIGIL_KB_DIR` when set, else `<file>.kb/` next to a SQLite
 * file (`./vigil.db.kb/` by default). A PostgreSQL database has no default: undefined.
 */
export function overlayDirFor(
  db: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const named = env[KB_OVERLAY_ENV];
  if (named) return named;
  const path = db ?? env.VIGIL_DB ?? 'vigil.db';
  if (/^postgres(ql)?:\/\//i.test(path) || path === ':memory:') return undefined;
  return `${path}.kb`;
}

/** Overlay folders loaded by default: the one `VIGIL_KB_DIR` names, when it exists. */
export function defaultOverlayDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env[KB_OVERLAY_ENV];
  return dir && existsSync(dir) ? [dir] : [];
}

/**
 * Lay overlay entries over a knowledge base. An overlay entry whose id is new is added; one whose
 * id is already there only adds the names and aliases the existing entry lacks (compared as
 * {@link nameKey}), so that an overlay never redefines what the reviewed knowledge base says.
 */
export function mergeOverlay(base: SourcedEntry[], overlay: SourcedEntry[]): SourcedEntry[] {
  const out = [...base];
  const index = new Map(base.map((s, i) => [s.entry.id, i]));
  for (const s of overlay) {
    const i = index.get(s.entry.id);
    if (i === undefined) {
      index.set(s.entry.id, out.push(s) - 1);
      continue;
    }
    const prior = out[i]!;
    const known = new Set(
      [prior.entry.name, ...prior.entry.aliases, ...prior.entry.ambiguousAliases].map(nameKey),
    );
    const fresh = (names: string[]): string[] =>
      names.filter((n) => {
        const key = nameKey(n);
        if (known.has(key)) return false;
        known.add(key);
        return true;
      });
    const aliases = fresh([s.entry.name, ...s.entry.aliases]);
    const ambiguous = fresh(s.entry.ambiguousAliases);
    if (aliases.length === 0 && ambiguous.length === 0) continue;
    out[i] = {
      file: prior.file,
      entry: {
        ...prior.entry,
        aliases: [...prior.entry.aliases, ...aliases],
        ambiguousAliases: [...prior.entry.ambiguousAliases, ...ambiguous],
      },
    };
  }
  return out;
}
