import type { Doc } from '../doc.js';
import type { Resources } from '../kb/resources.js';
import { annotateActors, annotateGroupAnaphora, localiseSharedNames } from './annotate-actors.js';
import { annotateDates } from './annotate-dates.js';
import { annotatePeople } from './annotate-people.js';
import { annotatePlaces } from './annotate-places.js';
import { annotateQuantities } from './annotate-quantities.js';
import { annotateQuotes } from './annotate-quotes.js';
import { annotateTokens } from './annotate-tokens.js';

/**
 * All annotation stages in order. Later stages see earlier mentions: places skip actors' spans
 * ("Islamic State of Iraq" is not Iraq) and then settle names several groups share; "the group"
 * takes the group named before it; quantities skip dates; quotes take speakers from people and
 * actors.
 */
export function annotate(doc: Doc, resources: Resources): Doc {
  if (doc.text.trim() === '') {
    return {
      ...doc,
      messages: [
        ...doc.messages,
        { ruleId: 'input:empty-text', reason: 'the document has no text', severity: 'error' },
      ],
    };
  }
  let d = annotateTokens(doc, resources.nlp);
  d = annotateActors(d, resources.kb);
  d = annotatePlaces(d, resources.gazetteer);
  d = localiseSharedNames(d, resources.kb);
  d = annotateGroupAnaphora(d);
  d = annotatePeople(d);
  d = annotateDates(d);
  d = annotateQuantities(d);
  d = annotateQuotes(d);
  return d;
}
