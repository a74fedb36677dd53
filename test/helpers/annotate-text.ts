import { createDoc, type Doc, type Mention, type MentionKind } from '../../src/doc.js';
import { loadResources, type Resources } from '../../src/kb/resources.js';
import { annotate } from '../../src/pipeline/annotate.js';

const shared = await loadResources();

/** The annotation resources, loaded once per test file. */
export function resources(): Resources {
  return shared;
}

/** Annotate a text (with an optional publication date) through the whole pipeline. */
export function annotateText(text: string, published?: string): Doc {
  return annotate(createDoc(published ? { id: 't', text, published } : { id: 't', text }), resources());
}

/** Mentions of one kind, each checked to point at its own text. */
export function mentionsOf(doc: Doc, kind: MentionKind): Mention[] {
  const out = doc.mentions.filter((m) => m.kind === kind);
  for (const m of out) {
    if (doc.text.slice(m.start, m.end) !== m.text)
      throw new Error(`span ${m.start}-${m.end} is not "${m.text}"`);
  }
  return out;
}
