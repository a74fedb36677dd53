import type { Doc, Mention, Span } from '../doc.js';

/**
 * Up to three words between a date and the attack word it qualifies, after a determiner or a
 * possessive: "the December 30 car bombing", "Monday's truck attack", "last week's Taliban
 * attack", "a 2003 attempt to assassinate".
 */
const BETWEEN = /^(?:['’]s)?(?:\s+[\w-]+){0,3}\s+$/;
const DETERMINER_BEFORE =
  /\b(?:the|a|an|its|their|his|her)\s+(?:(?:deadly|fatal|bloody|failed|devastating|twin|coordinated)\s+)?$/i;
/** "hours after Saturday's shooting": a date attached to another, earlier attack. */
const RECALLED_BEFORE = /\b(?:after|since|following|before|than|like|recalled?|recalling)\s+(?:the\s+)?$/i;

/** "the attack in June last year", "an attack on Monday": a date right after the attack word. */
const BETWEEN_AFTER = /^\s+(?:in|on|of)\s+(?:the\s+)?$/i;

/**
 * The date that qualifies an attack word directly, as an adjective, a possessive or a complement
 * ("the attack in June last year"), when there is one: the attack's own date, stated by the
 * phrase that names it.
 */
export function dateAttachedTo(doc: Doc, cue: Span, mentions: Mention[]): Mention | undefined {
  const determined = DETERMINER_BEFORE.test(doc.text.slice(Math.max(0, cue.start - 12), cue.start));
  const after = mentions.find(
    (m) => m.kind === 'date' && m.start >= cue.end && BETWEEN_AFTER.test(doc.text.slice(cue.end, m.start)),
  );
  if (determined && after) return after;
  for (const m of mentions) {
    if (m.kind !== 'date' || m.end > cue.start) continue;
    const between = doc.text.slice(m.end, cue.start);
    if (!BETWEEN.test(between)) continue;
    const before = doc.text.slice(Math.max(0, m.start - 20), m.start);
    const possessive = /^['’]s/.test(between);
    if (!possessive && !DETERMINER_BEFORE.test(before)) continue;
    if (RECALLED_BEFORE.test(before.replace(DETERMINER_BEFORE, ''))) continue;
    return m;
  }
  return undefined;
}
