import type { Mention } from '../doc.js';
import type { KbEntry } from '../kb/kb-schema.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { ActorRef, Evidence } from './extraction.js';
import { STATEMENT_CUES } from './lexicons/statement-cues.js';
import type { SentenceSignals } from './sentence-signals.js';

const ACTS =
  '(?:attack(?:ed|s)?|kill(?:ed|s)?|triggered|set off|planted|blew up|hurled|threw|rammed|carried out|carry out|admitted (?:to )?carrying out|launched|stormed|detonated|bombed|shot|ambushed|abducted|kidnapped|seized|targeted|struck|fired|opened fire|raided|overran|captured|massacred|executed|beheaded|(?:was|were|is|are) (?:responsible|behind))';
/**
 * "<group> (militants) attacked", "<group>-linked gunmen", "the Revolutionary Armed Forces of
 * Colombia, or FARC, was behind" — the group is the subject of an attack verb.
 */
const AFTER_GROUP = new RegExp(
  `^(?:-(?:linked|affiliated|inspired|allied|led|backed))?(?:\\s*,\\s*(?:or\\s+)?[^,.;]{1,70},)?\\s*(?:\\([^)]{1,15}\\)\\s*)?(?:(?:rebel|militant|jihadist|separatist|armed|islamist|insurgent|guerrilla|extremist)\\s+)?(?:group\\s+|movement\\s+)?(?:(?:militants?|fighters?|gunm[ae]n|insurgents?|members?|rebels?|guerrillas?|jihadists?|suicide bombers?|bombers?|attackers?|cells?|forces|troops)\\s+)?(?:(?:who|that)\\s+)?(?:(?:has|have|had|reportedly|allegedly|apparently)\\s+)?(?:(?:said|says|announced|admitted|told)\\b(?:\\s+on\\s+\\w+)?(?:[^.;"“]{0,120}?\\bthat)?\\s+(?:it|they|the group|(?:one of\\s+)?(?:its|their)\\s+(?:units?|fighters|members|militants|men|cells?)|(?:a|an|one|two|three)\\s+[^.;]{0,40}?\\b(?:from|of)\\s+(?:the group|its ranks)|the (?:suicide )?(?:bombers?|attackers?|gunm[ae]n|assailants?)(?:,[^,.;]{1,60},)?)\\s+(?:had|has|have)\\s+)?${ACTS}\\b`,
  'i',
);
/**
 * The rest of a list a group heads, up to the verb the list is the subject of: "Lashkar-e-Taiba
 * and Jaish-e-Mohammad, had carried out", "the Karen National Union, the Shan State Army-South
 * and the self-styled National Coalition Government … were behind".
 */
const LIST_TAIL =
  /^(?:\s*,(?=\s*(?:had|has|have|were|are|was|is)\s)|(?:\s*,\s*[^,.;]{1,60}?(?=,|\s+(?:and|or)\s))*,?\s+(?:and|or)\s+(?:the\s+)?[^,.;]{1,90}?(?:,[^,.;]{1,70})?(?=,?\s+(?:were|are|had|have)\s)(?:\s*,)?)/;
/** The name of an armed wing, branch or province of a larger organisation. */
const WING = /\b(?:Brigades?|Wing|Province|Battalion|Wilayat|Command|Kommando)\b/i;
/** "attacks on Monday that <group> has claimed": an attack noun, then the relative pronoun. */
const CLAIMED_ATTACK_BEFORE =
  /\b(?:attacks?|bombings?|blasts?|killings?|shootings?|assault|operation|ambush)\b[^.;]{0,30}?\b(?:that|which)\s+(?:the\s+)?$/i;
/** "a letter from the Red Army Faction claiming responsibility": the group a claim comes from. */
const CLAIMING_AFTER =
  /^\s*,?\s*(?:claiming|that claimed|which claimed|saying (?:that )?it (?:had|has|was))\b/i;
/**
 * "claimed by <group>", "blamed on <group>", "suspected <group> militants", "blamed the Basque
 * separatist group ETA".
 */
const BEFORE_GROUP =
  /\b(?:by|blamed on|blamed (?:the |this |that )?(?:[\w-]+ ){0,2}?(?:attack|bombing|shooting|killings?|massacre|blast|explosion|kidnapping|abduction)s? on|blamed|accused|attributed to|claimed by|carried out by|suspected|members of|fighters (?:from|of)|militants (?:from|of)|gunmen (?:from|of)|insurgents (?:from|of)|rebels (?:from|of)|guerrillas (?:from|of)|hijackers (?:from|of)|kidnappers (?:from|of)|commandos (?:from|of)|belonged to|belongs to|members? of)\s+(?:the\s+|suspected\s+|(?:a|an)\s+)?(?:outlawed\s+|banned\s+|proscribed\s+)?(?:[\w-]+-based\s+)?(?:(?:[\w-]+\s+){0,3}(?:group|organi[sz]ation|movement),?\s+)?$/i;
/** Words before a group that make it the target or an outsider: "against ISIS", "fighting the Taliban". */
const NOT_PERPETRATOR =
  /\b(?:against|fighting|fight|on|targeting|targeted|denied|deny|denies|from|defeat(?:ed)?|war on|campaign against|operation against|rivals?|condemned|linked to|affiliated (?:to|with)|loyal to|inspired by|allied (?:to|with)|close to|sympathi[sz]ers? of|supporters? of|offshoot of|splinter of|faction of|wing of|branch of)\s+(?:the\s+)?$/i;
/** A claim of responsibility: the same cue the statement stage uses. */
const CLAIM = STATEMENT_CUES.find((c) => c.type === 'claim-of-responsibility')!.re;
const LONE_ACTOR =
  /\b(?:a|an|the|lone)\s+((?:far-right|far right|right-wing|white supremacist|neo-nazi|anti-muslim|anti-immigrant|islamist|jihadist|islamic state-inspired|is-inspired|isis-inspired|far-left|anarchist|anti-abortion|incel|antisemitic|anti-semitic)\s+(?:\w+\s+)?(?:gunman|attacker|extremist|terrorist|shooter|man|youth|teenager|assailant|bomber))\b/i;
/** Members of a named organisation that is not in the knowledge base (a candidate entity for review). */
const UNKNOWN_ORGANISATION =
  /\b(?:members|militants|fighters|supporters|activists|gunmen|cadres) (?:of|from) (?:the )?((?:[A-Z][\w'’-]*\s){1,5}(?:Movement|Front|Army|Brigades?|Group|Organi[sz]ation|Party|Council|Liberation|Resistance|Militia|Battalion|Forces?|Network|Cell|Union|Alliance|Committee))\b/;
const IDEOLOGY: [RegExp, string][] = [
  [
    /far.right|right-wing|white supremacist|neo-nazi|anti-muslim|anti-immigrant|antisemitic|anti-semitic/i,
    'far-right',
  ],
  [/islamist|jihadist|islamic state|is-inspired|isis-inspired/i, 'jihadist'],
  [/far-left|anarchist/i, 'far-left'],
  [/anti-abortion|incel/i, 'single-issue'],
];

/** The reference carried in extractions for a knowledge-base entity. */
export function actorRef(entry: KbEntry, text?: string): ActorRef {
  const ref: ActorRef = { id: entry.id, name: entry.name, kind: entry.kind };
  if (entry.aliases.length > 0) ref.aliases = entry.aliases;
  if (text !== undefined) ref.text = text;
  return ref;
}

/** Perpetrators and claimants of an incident, each with the sentence that states it. */
export interface IncidentActors {
  perpetrators: ActorRef[];
  claimedBy: (ActorRef & { outlet?: ActorRef })[];
  evidence: Evidence[];
}

/**
 * Who did it and who claimed it, from the incident's sentences: a group named as the subject of
 * an attack verb, after "claimed by / blamed on / suspected", or claiming responsibility (then also
 * the perpetrator); an outlet in a claim sentence names the channel (and, without a group, its
 * group). Without a group, a described lone actor ("a far-right gunman") with the ideology given.
 */
export function extractIncidentActors(
  text: string,
  sentences: SentenceSignals[],
  kb: KnowledgeBase,
): IncidentActors {
  const perpetrators = new Map<string, ActorRef>();
  const claimed = new Map<string, ActorRef & { outlet?: ActorRef }>();
  const evidence: Evidence[] = [];
  const ev = (field: string, s: SentenceSignals): Evidence => ({
    field,
    start: s.start,
    end: s.end,
    text: s.text,
  });
  const entryOf = (m: Mention): KbEntry | undefined => (m.entity ? kb.byId.get(m.entity.id) : undefined);
  // A militant leader acts for the group he leads ("Doku Umarov has claimed responsibility").
  const actingFor = (m: Mention): KbEntry | undefined => {
    const entry = entryOf(m);
    if (entry?.kind !== 'person') return entry;
    const role = [...entry.roles].reverse().find((r) => r.role !== 'official');
    const group = role ? kb.byId.get(role.group) : undefined;
    return group?.kind === 'group' ? group : undefined;
  };

  for (const s of sentences) {
    const groups = s.mentions.filter((m) => m.kind === 'group' || (m.kind === 'person' && m.entity));
    const outlets = s.mentions.filter((m) => m.kind === 'outlet');
    const claim =
      CLAIM.test(s.text) &&
      !/\b(?:no (?:group|one)|nobody|has not|have not|had not|denied|yet to)\b[^.]{0,40}claim/i.test(s.text);
    for (const g of groups) {
      const entry = actingFor(g);
      // A leader names his group only when he claims the attack.
      if (!entry || (g.kind === 'person' && !claim)) continue;
      const before = text.slice(Math.max(s.start, g.start - 80), g.start);
      const after = text.slice(g.end, Math.min(s.end, g.end + 80));
      const attributed = BEFORE_GROUP.test(before);
      const claiming =
        (claim && CLAIMING_AFTER.test(after)) ||
        // "one of two attacks on Monday that the Irish Republican Army has claimed"
        (CLAIMED_ATTACK_BEFORE.test(before) && /^\s+(?:has\s+|had\s+|have\s+)?claimed\b/i.test(after));
      if (!attributed && !claiming && NOT_PERPETRATOR.test(before)) continue;
      // "ISIS-inspired", "al-Qaeda-linked": an affiliation, not the actor.
      if (/^-(?:linked|affiliated|inspired|allied|aligned|backed)\b/i.test(after)) continue;
      const subject =
        AFTER_GROUP.test(after) ||
        AFTER_GROUP.test(text.slice(g.end, Math.min(s.end, g.end + 200)).replace(LIST_TAIL, '')) ||
        attributed;
      if (
        (claim || claiming) &&
        (subject ||
          claiming ||
          /^\)?\s*(?:\([^)]{1,15}\))?(?:\s*,\s*(?:or\s+)?[^,.;]{1,70},)?\s*,?\s*(?:['’]s\s+(?:[\w-]+\s+){0,3}?(?:news agency|agency|media(?: wing| office)?|channel|spokes(?:man|woman|person)|statement)\s+)?(?:has |have |had )?(?:\w+ly\s+)?(?:claimed|said|took|admitted|announced|stated)/i.test(
            after,
          ) ||
          // "claimed by X", "in the name of X"
          /(?:claimed by|in the name of)\s+(?:the\s+)?$/i.test(before))
      ) {
        const outlet = outlets.map(entryOf).find((o) => o !== undefined);
        claimed.set(
          entry.id,
          outlet ? { ...actorRef(entry, g.text), outlet: actorRef(outlet) } : actorRef(entry, g.text),
        );
        evidence.push(ev('claimedBy', s));
      }
      if (subject || claimed.has(entry.id)) {
        if (!perpetrators.has(entry.id)) evidence.push(ev('perpetrators', s));
        perpetrators.set(entry.id, actorRef(entry, g.text));
      }
    }
    // "Amaq said …": a claim through an outlet names the outlet's group.
    if (claim && groups.length === 0) {
      for (const o of outlets) {
        const outlet = entryOf(o);
        const group =
          outlet && 'group' in outlet && typeof outlet.group === 'string'
            ? kb.byId.get(outlet.group)
            : undefined;
        if (!outlet || !group) continue;
        claimed.set(group.id, { ...actorRef(group), outlet: actorRef(outlet, o.text) });
        perpetrators.set(group.id, actorRef(group));
        evidence.push(ev('claimedBy', s), ev('perpetrators', s));
      }
    }
  }
  // An organisation the knowledge base does not know: "members of the Landless Workers Movement".
  if (perpetrators.size === 0) {
    for (const s of sentences) {
      if (s.cues.length === 0 && !/\baccused of\b/i.test(s.text)) continue;
      const m = UNKNOWN_ORGANISATION.exec(s.text);
      if (!m) continue;
      perpetrators.set(`org:${m[1]!}`, { id: null, name: m[1]!, kind: 'group', text: m[1]! });
      evidence.push(ev('perpetrators', s));
      break;
    }
  }
  if (perpetrators.size === 0) {
    for (const s of sentences) {
      const m = LONE_ACTOR.exec(s.text);
      if (!m) continue;
      const ideology = IDEOLOGY.find(([re]) => re.test(m[1]!))?.[1];
      const ref: ActorRef = { id: null, name: 'Unnamed lone actor', text: m[1]! };
      if (ideology) ref.ideology = ideology;
      perpetrators.set('lone', ref);
      evidence.push(ev('perpetrators', s));
      break;
    }
  }
  // An armed wing or a province acts for its organisation: the parent is named after it ("the
  // al-Quds Brigades" → Palestinian Islamic Jihad; "Islamic State Khorasan Province" → Islamic
  // State). An affiliate with a name of its own (al-Shabaab under al-Qaeda) is not its parent.
  for (const ref of [...perpetrators.values()]) {
    const child = ref.id ? kb.byId.get(ref.id) : undefined;
    const wing = child && WING.test(child.name) && 'parent' in child && child.parent;
    const up = wing ? kb.byId.get(wing) : undefined;
    if (up && up.kind === 'group' && !perpetrators.has(up.id)) perpetrators.set(up.id, actorRef(up));
  }
  return { perpetrators: [...perpetrators.values()], claimedBy: [...claimed.values()], evidence };
}
