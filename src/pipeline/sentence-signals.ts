import type { DateValue, Doc, Mention, Span } from '../doc.js';
import { dateAttachedTo } from './attached-date.js';
import { datesEarlierEvent } from './date-range.js';
import { ATTACK_CUES, type AttackCue } from './lexicons/attack-types.js';
import {
  AFTERMATH,
  HARM,
  MEDICAL_ATTACK,
  NOT_AN_ATTACK,
  POLITICAL_CONTEXT,
  RECALLED,
  SPORT,
  withoutDenials,
} from './lexicons/incident-cues.js';

/** What one sentence says about violence, computed once and shared by the extraction stages. */
export interface SentenceSignals extends Span {
  index: number;
  text: string;
  /**
   * Attack cues found, with their offsets in the document and the date that qualifies the attack
   * word ("Monday's attack"). Cues dated long before publication ("the 2003 attempt to
   * assassinate") name earlier events and are left out.
   */
  cues: { cue: AttackCue; start: number; end: number; date?: Mention }[];
  /** Dates of the earlier attacks the sentence names ("the November 13 Paris attacks", months before). */
  earlierAttackDates: Mention[];
  /** Violent attack words left out of `cues` as only plotted, threatened or foretold ("would attack"). */
  foretold: boolean;
  harm: boolean;
  political: boolean;
  accident: boolean;
  recalled: boolean;
  aftermath: boolean;
  /** Mentions inside the sentence. */
  mentions: Mention[];
  /** How strongly the sentence reports an attack (≥ 3: an event sentence). */
  score: number;
}

/** The attack cues with the global flag, compiled once, for finding every occurrence. */
const GLOBAL_CUES = ATTACK_CUES.map((cue) => ({
  cue,
  global: new RegExp(cue.re.source, `${cue.re.flags.replace('g', '')}g`),
}));

/** A bomb's parts that would otherwise read as an accident ("a gas cylinder filled with nails"). */
const BOMB_PARTS = /\bgas (?:cylinders?|canisters?|bottles?)\b/gi;
const BOMB = /\b(?:bomb(?:s|ing|ings|ed)?|explosives?|IEDs?|detonat\w+)\b/i;

/**
 * An attack only plotted, planned, threatened or foretold: "plotting to kill soldiers", "discussed
 * attacking the base", "jihadists would attack with guns" — not an event.
 */
const UNREALIZED =
  /\b(?:plot(?:s|ted|ting)?|conspir(?:ed|ing|acy)|plann(?:ed|ing)|plans|intend(?:ed|ing|s)?|discuss(?:ed|ing)|would|will|threaten(?:ed|ing|s)?|vow(?:ed|ing|s)?)(?: to)?\s+$/i;

/** The attacker as the one shot: "… before he was shot dead", "the gunman was shot". */
const ATTACKER_SHOT =
  /\b(?:(?:before|until) (?:he|she|they)|the (?:attacker|assailant|gunman|gunmen|suspect|knifeman|bomber)s?) (?:was|were|had been) $/i;

/** What an attack may do that would otherwise read as an accident. */
const CONSEQUENCE =
  /\b(?:crash(?:ed|es)?|collided|collision|collaps\w+|blaze|caught fire|fire broke out)\b/gi;

/** Signals of every sentence of an annotated document. */
export function sentenceSignals(doc: Doc): SentenceSignals[] {
  let m = 0;
  return doc.sentences.map((s, index) => {
    const text = doc.text.slice(s.start, s.end);
    // "a commander who had died of a heart attack": no attack word there (same offsets kept).
    const read = text.replace(MEDICAL_ATTACK, (m) => ' '.repeat(m.length));
    while (m < doc.mentions.length && doc.mentions[m]!.start < s.start) m++;
    const mentions: Mention[] = [];
    for (let k = m; k < doc.mentions.length && doc.mentions[k]!.start < s.end; k++)
      mentions.push(doc.mentions[k]!);
    const cues: SentenceSignals['cues'] = [];
    const earlierAttackDates: Mention[] = [];
    let foretold = false;
    for (const { cue, global } of GLOBAL_CUES) {
      for (const x of read.matchAll(global)) {
        if (UNREALIZED.test(text.slice(Math.max(0, x.index - 40), x.index))) {
          if (cue.violent) foretold = true;
          continue;
        }
        // "… before he was shot dead": the attacker stopped, not the attack's weapon.
        if (/^shot\b/i.test(x[0]) && ATTACKER_SHOT.test(text.slice(Math.max(0, x.index - 40), x.index)))
          continue;
        const found = { cue, start: s.start + x.index, end: s.start + x.index + x[0].length };
        const date = dateAttachedTo(doc, found, mentions);
        if (date && datesEarlierEvent(date.value as DateValue, doc.published)) {
          if (!earlierAttackDates.includes(date)) earlierAttackDates.push(date);
          continue;
        }
        cues.push(date ? { ...found, date } : found);
      }
    }
    const harm = HARM.test(text);
    const groups = mentions.some((x) => x.kind === 'group' && x.entity?.kind === 'group');
    const political = POLITICAL_CONTEXT.test(withoutDenials(text)) || groups;
    const armed = cues.some((c) => c.cue.violent && c.cue.weapon !== undefined);
    // A rammer or a gunman, not a "bomber" (which may be an aircraft).
    const attacker = cues.some(
      (c) => c.cue.violent && c.cue.weapon !== undefined && c.cue.weapon !== 'Explosives',
    );
    // "ploughed into shoppers and crashed into a department store": with a weapon, a crash or a
    // fire is what the attack did, not an accident; a bomb's gas cylinder is part of the bomb.
    let accidentText = attacker ? text.replace(CONSEQUENCE, '') : text;
    if (BOMB.test(text)) accidentText = accidentText.replace(BOMB_PARTS, '');
    const accident = NOT_AN_ATTACK.test(accidentText) || (SPORT.test(text) && !armed);
    return {
      index,
      start: s.start,
      end: s.end,
      text,
      cues,
      earlierAttackDates,
      foretold,
      harm,
      political,
      accident,
      recalled: RECALLED.test(text),
      aftermath: AFTERMATH.test(text),
      mentions,
      score: eventScore(cues, harm, political, accident),
    };
  });
}

/** How strongly a sentence reports an attack: its cues, with harm and political context, less an accident. */
export function eventScore(
  cues: SentenceSignals['cues'],
  harm: boolean,
  political: boolean,
  accident: boolean,
): number {
  if (cues.length === 0) return 0;
  let score = 0;
  if (cues.some((c) => c.cue.violent)) score += 2;
  if (cues.some((c) => c.cue.type !== 'Unknown')) score += 1;
  if (harm) score += 1;
  if (political) score += 2;
  if (accident) score -= 3;
  return score;
}

/** An event sentence: it reports an attack, not an accident or a figure of speech. */
export const EVENT_THRESHOLD = 3;
