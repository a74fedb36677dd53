import { createDoc } from '../doc.js';
import { groupFamily } from '../kb/knowledge-base.js';
import type { Resources } from '../kb/resources.js';
import { annotate } from './annotate.js';
import type { ResolveOptions } from './resolve.js';

/**
 * What resolution takes from the knowledge base and gazetteer: the places a link given as words
 * names, and each group's parents (a province of the Islamic State is the Islamic State).
 */
export function kbResolveOptions(resources: Resources): Pick<ResolveOptions, 'placesIn' | 'groupFamily'> {
  return {
    placesIn: (text) =>
      annotate(createDoc({ id: 'link', text }), resources).mentions.flatMap((m) =>
        m.kind === 'place' && m.place ? [m.place] : [],
      ),
    groupFamily: (id) => groupFamily(resources.kb, id),
  };
}
