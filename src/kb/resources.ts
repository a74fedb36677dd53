import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Message } from '../doc.js';
import { CACHE_DIR, cacheKey, readCache, writeCache } from './disk-cache.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { DEFAULT_KB_DIR, readKbFiles } from './kb-files.js';
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
  const { entries, messages } = await loadCheckedKb(options.kbDir ?? DEFAULT_KB_DIR, cacheDir);
  return {
    nlp: winkNLP(model, ['sbd', 'pos']),
    kb: buildKnowledgeBase(entries),
    gazetteer: loadGazetteer({ cacheDir }),
    messages,
  };
}

async function loadCheckedKb(
  dir: string,
  cacheDir: string | false,
): Promise<{ entries: KbEntry[]; messages: Message[] }> {
  const files = readKbFiles(dir);
  const key = cacheKey([KB_FORMAT, files]);
  const cached = readCache<{ entries: KbEntry[]; messages: Message[] }>(cacheDir, 'kb', key);
  if (cached) return cached;
  const { loadKbEntries } = await import('./load-kb.js');
  const { validateKb } = await import('./validate-kb.js');
  const loaded = loadKbEntries(files);
  const checked = {
    entries: loaded.entries.map((e) => e.entry),
    messages: [...loaded.messages, ...validateKb(loaded.entries)],
  };
  writeCache(cacheDir, 'kb', key, checked);
  return checked;
}
