import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc.js';
import { extract } from '../../src/pipeline/extract.js';
import { resources } from '../helpers/annotate-text.js';
import { extractionErrors } from './validate-extraction.js';

interface CorpusDoc {
  id: string;
  title: string;
  text: string;
  published: string | null;
}

const corpus = readFileSync(new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as CorpusDoc);

describe('vigil extract on the whole Wikinews corpus', () => {
  it('writes output that fits schemas/extraction.schema.json, with evidence that matches the text', () => {
    const errors: string[] = [];
    for (const d of corpus) {
      const input: Parameters<typeof createDoc>[0] = { id: d.id, text: d.text, title: d.title };
      if (d.published) input.published = d.published;
      const x = extract(createDoc(input), resources());
      errors.push(...extractionErrors(x, d.text).map((e) => `${d.id}: ${e}`));
      for (const s of x.statements)
        for (const r of s.refersTo)
          if (!x.incidents.some((i) => i.id === r)) errors.push(`${d.id}: ${s.id} refers to unknown ${r}`);
      for (const l of x.links) {
        const ids = [...x.incidents, ...x.statements].map((i) => i.id);
        if (!ids.includes(l.from) || (typeof l.to === 'string' && !ids.includes(l.to)))
          errors.push(`${d.id}: dangling link ${l.from}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
