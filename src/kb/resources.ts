import { existsSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Message } from '../doc.js';
import { CACHE_DIR, cacheKey, readCache, writeCache } from './disk-cache.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { DEFAULT_KB_DIR, readKbFiles } from './kb-files.js';
import { defaultOverlayDirs, mergeOverlay } from './kb-overlay.js';
import type { KbEntry } from './kb-schema.js';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';

/** The wink-nlp instance type. */
export type Nlp = ReturnType<typeof winkNLP>;

/** Read-only data the annotation stages need, built once and shared. */
export interface Resources {
  nlp: Nlp;
  kb: KnowledgeBase;
  gazetteer: Gazetteer;
  /** Problems found while loading the knowledge base (the valid entries are still used). */
  messages: Message[];
}

/** Options of {@link loadResources}. */
export interface ResourceOptions {
  kbDir?: string;
  /**
   * Overlay folders laid over the knowledge base (`vigil import stix` writes one): new entities,
   * and aliases for existing ones. Default: the folder `VIGIL_KB_DIR` names, when it exists.
   */
  overlayDirs?: string[];
  /** Where derived data is cached; `false` disables the cache. */
  cacheDir?: string | false;
}

/** Bump when the checked knowledge base's cached form changes. */
const KB_FORMAT = 1;

/**
 * Build the NLP model, knowledge base and gazetteer (about a second; do it once per process).
 * The knowledge base is schema-checked and cross-checked when its files change; the checked
 * entries are cached, so that a normal start does not even load the validator.
 */
export async function loadResources(options: ResourceOptions = {}): Promise<Resources> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const { kb, messages } = await loadKnowledgeBase(options);
  return {
    nlp: winkNLP(model, ['sbd', 'pos']),
    kb,
    gazetteer: loadGazetteer({ cacheDir }),
    messages,
  };
}

/** The knowledge base alone (with its overlays), for commands that need no NLP model. */
export async function loadKnowledgeBase(
  options: ResourceOptions = {},
): Promise<{ kb: KnowledgeBase; messages: Message[] }> {
  const { entries, messages } = await loadCheckedKb(
    options.kbDir ?? DEFAULT_KB_DIR,
    options.overlayDirs ?? defaultOverlayDirs(),
    options.cacheDir ?? CACHE_DIR,
  );
  return { kb: buildKnowledgeBase(entries), messages };
}

async function loadCheckedKb(
  dir: string,
  overlayDirs: string[],
  cacheDir: string | false,
): Promise<{ entries: KbEntry[]; messages: Message[] }> {
  const files = readKbFiles(dir);
  const overlays = overlayDirs.filter((d) => existsSync(d)).map((d) => ({ dir: d, files: readKbFiles(d) }));
  const key = cacheKey([KB_FORMAT, files, overlays]);
  const cached = readCache<{ entries: KbEntry[]; messages: Message[] }>(cacheDir, 'kb', key);
  if (cached) return cached;
  const { loadKbEntries } = await import('./load-kb.js');
  const { validateKb } = await import('./validate-kb.js');
  const loaded = loadKbEntries(files);
  let entries = loaded.entries;
  const messages = [...loaded.messages];
  for (const overlay of overlays) {
    // Overlay entries and problems are named by their file's path, which points at the file to fix.
    const extra = loadKbEntries(overlay.files);
    const where = (file: string): string => join(overlay.dir, file);
    messages.push(...extra.messages.map((m) => ({ ...m, source: where(m.source ?? '') })));
    entries = mergeOverlay(
      entries,
      extra.entries.map((e) => ({ ...e, file: where(e.file) })),
    );
  }
  const checked = {
    entries: entries.map((e) => e.entry),
    messages: [...messages, ...validateKb(entries)],
  };
  writeCache(cacheDir, 'kb', key, checked);
  return checked;
}
