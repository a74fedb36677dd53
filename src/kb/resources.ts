import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Message } from '../doc.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { DEFAULT_KB_DIR, loadKbEntries } from './load-kb.js';
import { validateKb } from './validate-kb.js';

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

/** Build the NLP model, knowledge base and gazetteer (about a second; do it once per process). */
export function loadResources(options: { kbDir?: string } = {}): Resources {
  const { entries, messages } = loadKbEntries(options.kbDir ?? DEFAULT_KB_DIR);
  messages.push(...validateKb(entries));
  return {
    nlp: winkNLP(model, ['sbd', 'pos']),
    kb: buildKnowledgeBase(entries.map((e) => e.entry)),
    gazetteer: loadGazetteer(),
    messages,
  };
}
