import type { Mention, QuantityValue } from '../doc.js';
import { parseNumber } from './annotate-quantities.js';
import type { Count, Evidence } from './extraction.js';
import type { SentenceSignals } from './sentence-signals.js';

/**
 * After a number: up to four words (what was counted), then the verb of dying ("21 passengers were
 * killed") — not a killing the counted people did ("two men shot dead a journalist").
 */
const KILLED_AFTER =
  /^\s*((?:(?!(?:and|or|but|were|was|have|had|are|that|which|who|when|after|before)\b)[a-z][\w'-]*,?\s+){0,4}?)(?:(?![^,.;]*\b(?:were|was|are|is|had|have)\b)[^,.;]{1,40},\s+)?(?:and (?:\d+|[a-z]+) (?:[\w-]+ )?(?:rebels?|militants?|attackers?|gunm[ae]n|insurgents?|fighters?|assailants?) )?(?:(?:were|was|have been|had been|are|are reported|were confirmed|are feared|are believed)\s+)?(?:(?:reportedly|also|later|all|subsequently|been)\s+)*(?:(?:killed|murdered|slain|shot dead|(?:burned|burnt|stabbed|beaten|hacked) to death)\b(?!\s+(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|at least|more than|dozens|scores|several|many|some)\b)|(?:dead|died|lost their lives|deaths|fatalities|bodies|confirmed dead)\b)/i;
/** Counted people who are the attackers, not victims ("all 33 attackers were killed"). */
const ATTACKER_NOUNS =
  /\b(?:attackers?|assailants?|gunm[ae]n|militants?|insurgents?|bombers?|terrorists?|hijackers?|hostage[- ]takers?|perpetrators?|jihadists?|fighters?|rebels?|extremists?)\b/i;
const KILLED_BEFORE =
  /(?:(?:kill(?:ed|ing|s)?|shot dead)(?: (?:himself|herself|themselves) and| (?:(?:a|an|one|the|his|her|their) (?:[\w-]+ ){0,2}?[\w-]+|him|her) and(?: at least| more than| about| nearly| the| their)?)?|killings? of|murder of|murder(?:ed|ing)|left|leaving|death toll\b[^.;]{0,140}?\b(?:rose|risen|climbed|increased|jumped|reached|stood|stands|is|was|of|at|to)(?: to| at)?|(?:put|puts|putting|gave|give|gives) the (?:death )?toll (?:at|as)|dead (?:numbered|reached)|claim(?:ed|ing) the lives of|deaths of)\s*$/i;
const WOUNDED_AFTER =
  /^\s*(?:(?!(?:were|was|have|had|are|is|that|which|who|when|after|before|while|but|killed|dead|died|of (?!them|those)|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)[A-Za-z][\w'-]*,?\s+){0,4}?(?:of (?:his|her|their|the) (?:family|families|relatives|colleagues|unit|crew)\s+)?(?:(?:were|was|have been|had been|are|were reportedly)\s+)?(?:(?:seriously|critically|severely|slightly)\s+)?(?:injured|wounded|hurt|injuries|casualties were wounded|receiving treatment|being treated|treated in hospital|hospitali[sz]ed|admitted to hospital|taken to (?:a |the )?hospitals?|in (?:a )?(?:critical|serious|stable) condition|survived with (?:[\w-]+ )?injuries)/i;
const WOUNDED_BEFORE = /(?:injur(?:ed|ing|es)|wound(?:ed|ing|s)|hurt(?:ing)?)\s*$/i;
const ZERO_KILLED =
  /\b(?:no (?:one|body|people|person|deaths?|fatalities|civilians|worshippers|churchgoers|passengers|bystanders|students|children|soldiers|officers|policemen|guests|hostages) (?:(?:was|were|has been|have been) )?(?:killed|dead|reported killed|died)|no (?:deaths|fatalities) (?:were |was )?reported|nobody (?:was )?(?:killed|died))\b/i;
/** "No one else was hurt": no victim besides those named (or the attacker who died). */
const NO_ONE_ELSE = /\bno(?: one|body) else (?:was )?(?:killed|died|hurt|harmed|injured)\b/i;
const ZERO_WOUNDED =
  /\b(?:no (?:one|body|people|person) (?:(?:was|were|has been|have been) )?(?:hurt|injured|wounded)|no (?:injuries|injured) (?:were |was )?reported|nobody (?:was )?(?:hurt|injured|wounded)|no one else was (?:hurt|injured))\b/i;
const ZERO_BOTH =
  /\b(?:no (?:casualties|victims)|without (?:any )?casualties|(?:damage|destruction) but no (?:injuries|casualties)|no one was (?:hurt|harmed|injured)|nobody was (?:hurt|harmed|injured))\b/i;
/** "None of the victims died": the wounded all survived. */
const NONE_DIED =
  /\bnone of (?:the|them|those)\b[^.]{0,30}\b(?:died|were killed|was killed|lost their lives)\b/i;
/**
 * "killing a civilian contractor", "wounding one soldier", "the officer … has died of his
 * injuries": one person, with no number written.
 */
const ONE_KILLED =
  /\b(?:killing|killed|kills|shot dead|stabbed to death)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,4}?(?:civilian|man|woman|child|boy|girl|soldier|officer|policeman|policewoman|contractor|worker|journalist|teacher|student|person|pilgrim|guard|passenger|driver|member|official|priest|imam|pastor|rabbi|worshipper|tourist|gendarme|trooper|farmer|guest|councillor|politician|governor|mayor|lawmaker|judge|writer|blogger|activist|national|citizen|resident|foreigner|villager|shopkeeper|bystander)\b/i;
const AND_ONE_MORE =
  /^\s+(?:[\w-]+\s+){1,3}?and (?:their|his|her|its|a|an|one) (?:[\w-]+\s+){0,2}?(?:driver|guard|teacher|interpreter|translator|bodyguard|pilot|guide|colleague|son|daughter|wife|husband|child|officer|soldier|policeman|civilian)\b/i;
const DIED_OF_INJURIES =
  /\b(?:has|had) died (?:of|from) (?:his|her) (?:injuries|wounds)\b|\b(?:he|she|[A-Z][a-z]+)\b[^.;]{0,50}\band died (?:at the scene|in (?:a |the )?(?:[\w-]+ )?hospital|at (?:a|the) hospital|shortly afterwards|later)\b|\b[A-Z][\w'’-]+,? who (?:was|had been) (?:shot dead|murdered|(?:stabbed|hacked|beaten) to death|beheaded)\b|\b(?:has|had) been killed by (?:his|her|their) (?:captors|kidnappers|abductors)\b|\b(?:he|she) (?:was|had been) (?:shot dead|assassinated|murdered|(?:stabbed|hacked|beaten) to death)\b|\b(?:he|she) died (?:in|at|on the way to) (?:a |the )?hospital\b|\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:boy|girl|man|woman|child|baby|toddler|teenager|officer|soldier|policeman|worshipper|student)\s+(?:was|has been|had been)\s+(?:killed|shot dead|murdered|(?:burned|burnt|stabbed|beaten|hacked) to death)\b/i;
const ONE_WOUNDED =
  /\b(?:wounding|wounded|injuring|injured)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,4}?(?:civilian|man|woman|child|boy|girl|soldier|officer|policeman|contractor|worker|journalist|person|guard|passenger|driver|member|official|gendarme|trooper)\b|(?:^|[.;]\s+|\n)\s*(?:A|An|One|His|Her)\s+(?:[\w-]+\s+){0,3}?(?:was|has been) (?:also )?(?:seriously |critically |badly |slightly )?(?:wounded|injured|hurt)\b/;
/** "A police officer and a Marine recruiter were also wounded": two people named, wounded. */
const TWO_WOUNDED =
  /(?:^|[.;]\s+|\n)\s*(?:A|An|One|His|Her)\s+(?:[\w-]+\s+){0,3}?and (?:a|an|one|his|her)\s+(?:[\w-]+\s+){0,3}?were (?:also )?(?:seriously |critically |badly |slightly )?(?:wounded|injured|hurt)\b/;
/** "50 people were killed, including the gunman" — the attackers counted among the dead. */
const INCLUDING_ATTACKERS =
  /^[^.;]{0,60}?\b(?:including|among them|counting) (?:the |both )?(?:(a|one|two|three|four|five|six|\d+) )?(?:of the )?(?:suspected )?(gunm[ae]n|attackers?|assailants?|bombers?|suicide bombers?|perpetrators?|terrorists?|shooters?|hostage[- ]takers?)\b/i;
const ATTACKERS_AMONG_THEM =
  /^[^.;]{0,20}?,\s*(a|one|two|three|four|five|\d+) of the (?:[\w-]+ )?(gunm[ae]n|attackers?|assailants?|bombers?|hijackers?|militants?|terrorists?) among them\b/i;
/** A figure that supersedes earlier ones: a toll that rose, or a total. */
const ROSE =
  /\b(?:rose|risen|has risen|climbed|increased|now stands|reached|jumped|updated|latest|raising|raised|bringing|brought|in total|in all|altogether|a total of)\b/i;
const ATTACKER_DIED =
  /\b(?:the |a )?(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|perpetrators?|suspects?)\b[^.]{0,40}?\b(?:(?:was|were) (?:shot dead|killed|shot and killed|neutrali[sz]ed)|died|blew (?:himself|herself|themselves) up|killed (?:himself|herself|themselves)|took (?:his|her|their) own li(?:fe|ves))/i;
/** "French police on Friday shot dead a man armed with a knife": the attacker, killed by the police. */
const KILLED_BY_POLICE =
  /\b(?:police(?:men)?|officers?|gendarmes?|troops|soldiers|security forces|special forces|commandos)\b[^.]{0,30}?\b(?:shot dead|shot and killed|killed)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|suspect|attacker|assailant|gunman|knifeman|youth)\b/i;
const ATTACKER_WOUNDED =
  /\b(?:the |a )?(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|suspects?)\b[^.]{0,30}?\b(?:was|were) (?:shot and )?(?:wounded|injured)/i;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  the: 1,
  two: 2,
  both: 2,
  three: 3,
  four: 4,
  five: 5,
};

interface Figure {
  value: number;
  /** From words such as "dozens" or "hundreds": a later exact figure is preferred. */
  vague?: boolean;
  /** Lower bound when the text gives a range. */
  min?: number;
  sentence: number;
  rose: boolean;
  evidence: Evidence;
  /** The other source's sentence, for a range built from two sources. */
  otherEvidence?: Evidence;
}

/** Casualty figures of an incident, from the quantities in its sentences, with evidence. */
export interface Casualties {
  killed: Count | null;
  wounded: Count | null;
  perpetratorsKilled: Count | null;
  perpetratorsWounded: Count | null;
  evidence: Evidence[];
}

/**
 * Killed and wounded (victims) and perpetrators killed and wounded, from sentences such as
 * "killing at least 20 people", "49 were injured", "the death toll rose to 50", "50 people
 * including the gunman", "no injuries were reported" (→ 0). The latest figure wins when the text
 * says a toll rose; otherwise the first one stated (the lead).
 */
export function extractCasualties(text: string, sentences: SentenceSignals[]): Casualties {
  const killed: Figure[] = [];
  const wounded: Figure[] = [];
  let perpKilled: { value: number; evidence: Evidence } | undefined;
  let perpWounded: { value: number; evidence: Evidence } | undefined;
  let oneKilled: Figure | undefined;
  let oneWounded: Figure | undefined;
  const ev = (field: string, s: SentenceSignals): Evidence => ({
    field,
    start: s.start,
    end: s.end,
    text: s.text,
  });

  for (const s of sentences) {
    let lastQuantity: Mention | undefined;
    let lastKilled: { quantity: Mention; figure: Figure } | undefined;
    for (const q of s.mentions.filter((m) => m.kind === 'quantity')) {
      const prior = lastQuantity;
      lastQuantity = q;
      const v = q.value as QuantityValue;
      if (v.value > 100_000 || !Number.isInteger(v.value)) continue;
      // "around twenty more, including colleague X, were injured", "two other people, one of them a
      // teacher, were wounded": skip the parenthesis.
      const after = text
        .slice(q.end, Math.min(s.end, q.end + 140))
        .replace(
          /^(\s*(?:[a-z]+\s+){0,2}?(?:more|others?|people)?)\s*,\s*(?:including|among them|(?:one|two|three|some|most|many|all) of (?:them|whom)) [^,]{1,60},/i,
          '$1',
        );
      const before = text.slice(Math.max(s.start, q.start - 160), q.start);
      const rose = ROSE.test(before) || ROSE.test(after.slice(0, 30));
      // "killed three cabinet ministers and at least 16 other people": the others join the first figure.
      if (
        lastKilled &&
        prior === lastKilled.quantity &&
        /^\s+(?:(?!(?:were|was|killed|died|dead|wounded|injured)\b)[\w-]+\s+){0,3}and\s+(?:at least\s+|more than\s+|about\s+|nearly\s+)?$/i.test(
          text.slice(prior.end, q.start),
        ) &&
        /^\s+(?:[\w-]+\s+)?others?\b/i.test(after)
      ) {
        lastKilled.figure.value += v.value;
        continue;
      }
      const killedAfter = KILLED_AFTER.exec(after);
      if (killedAfter && ATTACKER_NOUNS.test(killedAfter[1] ?? '')) {
        perpKilled ??= { value: v.value, evidence: ev('perpetratorsKilled', s) };
        continue;
      }
      if (killedAfter || KILLED_BEFORE.test(before)) {
        let value = v.value;
        // "21 passengers and four soldiers were killed": both numbers count.
        const previous =
          prior && /^\s+(?:[\w-]+\s+){0,3}and\s+$/i.test(text.slice(prior.end, q.start)) ? prior : undefined;
        if (previous && killedAfter) value += (previous.value as QuantityValue).value;
        // "One hostage … died of a gunshot wound, and two army officers were killed": two clauses, one toll.
        if (
          killedAfter &&
          lastKilled &&
          prior === lastKilled.quantity &&
          /\b(?:died|killed|dead)\b[^.;]*,?\s+and\s+$/i.test(text.slice(prior.end, q.start))
        ) {
          lastKilled.figure.value += value;
          continue;
        }
        // "killed the governor … and two other people", "killing a teacher and three children":
        // the victim named first counts too.
        if (
          (/^\s+others?\b|^\s+(?:[\w-]+\s+)?other\b/i.test(after) &&
            /\bkill(?:ed|ing)\s+(?:the|a|an)\s+[^.,;]{3,100}?\s+and\s+$/i.test(before)) ||
          /\b(?:kill(?:ed|ing)|shot dead)\s+(?:(?:a|an|one|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+|him|her)\s+and\s+(?:at least\s+|more than\s+|about\s+|nearly\s+|the\s+|their\s+)?$/i.test(
            before,
          )
        )
          value += 1;
        // "killing three Chinese nationals and their Pakistani driver": one more named after the figure.
        if (!killedAfter && AND_ONE_MORE.test(after)) value += 1;
        // "killed seven members of the security forces, two Jordanian civilians and a Canadian
        // tourist": every group of the list counts.
        else if (!killedAfter) value += listedVictims(text.slice(q.end, s.end));
        // "16 people, three of the four gunmen among them, were killed": the attackers named apart.
        const incl = INCLUDING_ATTACKERS.exec(after) ?? ATTACKERS_AMONG_THEM.exec(after);
        // "including the gunman" is one; "including the four attackers" four; "the attackers" unknown.
        const plural = incl ? /(?:s|men)$/i.test(incl[2]!) : false;
        const stated = incl?.[1] ? (NUMBER_WORDS[incl[1].toLowerCase()] ?? Number(incl[1])) : undefined;
        const count = incl ? (stated ?? (plural ? undefined : 1)) : undefined;
        if (count !== undefined && incl) {
          perpKilled = { value: count, evidence: ev('perpetratorsKilled', s) };
          value = Math.max(0, value - count);
        }
        const figure: Figure = {
          value,
          sentence: s.index,
          rose,
          vague: /^(?:dozens|scores|hundreds|thousands)$/i.test(q.text),
          evidence: ev('killed', s),
        };
        killed.push(figure);
        lastKilled = { quantity: q, figure };
      } else if (WOUNDED_AFTER.test(after) || WOUNDED_BEFORE.test(before)) {
        wounded.push({ value: v.value, sentence: s.index, rose, evidence: ev('wounded', s) });
      }
    }
    const byPolice = KILLED_BY_POLICE.test(s.text);
    if (!perpKilled && (ATTACKER_DIED.test(s.text) || byPolice))
      perpKilled = { value: 1, evidence: ev('perpetratorsKilled', s) };
    if (!perpWounded && ATTACKER_WOUNDED.test(s.text))
      perpWounded = { value: 1, evidence: ev('perpetratorsWounded', s) };
    if (!oneKilled && !byPolice && (ONE_KILLED.test(s.text) || DIED_OF_INJURIES.test(s.text)))
      oneKilled = { value: 1, sentence: s.index, rose: false, evidence: ev('killed', s) };
    if (!oneWounded && TWO_WOUNDED.test(s.text))
      oneWounded = { value: 2, sentence: s.index, rose: false, evidence: ev('wounded', s) };
    else if (!oneWounded && ONE_WOUNDED.test(s.text) && !/\bfatally (?:wounded|injured)\b/i.test(s.text))
      oneWounded = { value: 1, sentence: s.index, rose: false, evidence: ev('wounded', s) };
    if (killed.length === 0 && (ZERO_KILLED.test(s.text) || ZERO_BOTH.test(s.text) || NONE_DIED.test(s.text)))
      killed.push({ value: 0, sentence: s.index, rose: false, evidence: ev('killed', s) });
    if (wounded.length === 0 && (ZERO_WOUNDED.test(s.text) || ZERO_BOTH.test(s.text)))
      wounded.push({ value: 0, sentence: s.index, rose: false, evidence: ev('wounded', s) });
  }
  // One person written without a number counts only when no figure is given at all; "no one else
  // was hurt" with no victim named is none.
  if (killed.length === 0 && oneKilled) killed.push(oneKilled);
  const noOneElse = sentences.find((s) => NO_ONE_ELSE.test(s.text));
  if (killed.length === 0 && noOneElse)
    killed.push({ value: 0, sentence: noOneElse.index, rose: false, evidence: ev('killed', noOneElse) });
  if (wounded.length === 0 && oneWounded) wounded.push(oneWounded);
  // "between 35 and 60 were wounded": a range.
  for (const s of sentences) {
    for (const m of s.text.matchAll(BETWEEN)) {
      const min = parseNumber(m[1]!)?.value;
      const max = parseNumber(m[2]!)?.value;
      if (min === undefined || max === undefined || max < min) continue;
      const figure = {
        value: max,
        min,
        sentence: s.index,
        rose: false,
        evidence: ev(/kill|dead|died/i.test(m[3]!) ? 'killed' : 'wounded', s),
      };
      (/kill|dead|died/i.test(m[3]!) ? killed : wounded).unshift(figure);
    }
  }
  // Victims named without a number: "killed photojournalist Ziad al-Sharabi" (and "five other civilians also died").
  const named = namedVictims(text, sentences);
  if (named.count > 0) {
    const others = killed.find((f) => /\bother\b/i.test(text.slice(f.evidence.start, f.evidence.end)));
    if (others) others.value += named.count;
    else if (killed.length === 0)
      killed.push({
        value: named.count,
        sentence: named.sentence!.index,
        rose: false,
        evidence: ev('killed', named.sentence!),
      });
  }
  const k = pick(killed);
  const w = pick(wounded);
  return {
    killed: k ? count(k) : null,
    wounded: w ? count(w) : null,
    perpetratorsKilled: perpKilled ? { value: perpKilled.value } : null,
    perpetratorsWounded: perpWounded ? { value: perpWounded.value } : null,
    evidence: [
      k?.evidence,
      k?.otherEvidence,
      w?.evidence,
      w?.otherEvidence,
      perpKilled?.evidence,
      perpWounded?.evidence,
    ].filter((e): e is Evidence => !!e),
  };
}

/** Counted things that are not people: "killing 14 people, a day after …". */
const NOT_PEOPLE =
  /\b(?:days?|weeks?|months?|years?|hours?|minutes?|times?|miles?|kilometres?|kilometers?|km|metres?|meters?|percent|cars?|vehicles?|buildings?|homes?|houses?)$/i;

/**
 * The victims listed after the first figure of "killed seven soldiers, two civilians and a
 * tourist" (here 3), up to the end of the clause; 0 unless every item of the list is counted.
 */
function listedVictims(after: string): number {
  const clause = after.split(
    /(?<![A-Z])\.|[;:()]|\s(?:in|at|on|when|while|as|after|before|during|near|outside|inside|who|whom|which|that)\s/,
  )[0]!;
  const items = clause
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .slice(1)
    .filter((x) => x.trim() !== '');
  if (items.length === 0 || items.length > 5) return 0;
  // "69 peasants, 18 of them children": part of the figure, not more.
  if (items.some((x) => /\bof (?:them|whom)\b/i.test(x))) return 0;
  let sum = 0;
  for (const item of items) {
    const m = /^(?:(?:their|his|her|its)\s+)?(\d{1,3}|[a-z]+)\s+(?:[\w-]+\s+){0,3}?[a-z][\w-]*$/i.exec(
      item.trim(),
    );
    const n = m ? (/^an?$/i.test(m[1]!) ? 1 : parseNumber(m[1]!)?.value) : undefined;
    if (n === undefined || NOT_PEOPLE.test(item.trim())) return 0;
    sum += n;
  }
  return sum;
}

const KILLED_PERSON =
  /\b(?:killed|killing|assassinated|shot dead|murdered|beat(?:en|ing)? to death|stabbed to death)\s+(?:[\w.'’-]+\s+){0,4}?$/i;

/** People named as killed in the incident's sentences. */
function namedVictims(
  text: string,
  sentences: SentenceSignals[],
): { count: number; sentence?: SentenceSignals } {
  const names = new Set<string>();
  let first: SentenceSignals | undefined;
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (m.kind !== 'person') continue;
      if (!KILLED_PERSON.test(text.slice(Math.max(s.start, m.start - 50), m.start))) continue;
      names.add(m.text);
      first ??= s;
    }
  }
  return first ? { count: names.size, sentence: first } : { count: 0 };
}

function count(f: Figure): Count {
  return f.min !== undefined && f.min !== f.value ? { min: f.min, max: f.value } : { value: f.value };
}

const BETWEEN =
  /\bbetween (\d[\d,]*|[a-z]+(?:-[a-z]+)?) and (\d[\d,]*|[a-z]+(?:-[a-z]+)?) (?:people |persons |others |civilians )?(?:were |have been |had been )?(?:reportedly |reported )?(killed|dead|died|wounded|injured|hurt)\b/gi;

/** Words saying that another source gives another figure ("hospital officials put the toll at 25"). */
const DISAGREEMENT =
  /\b(?:put the (?:death |casualty )?toll at|put the number (?:of (?:dead|wounded|injured) )?at|other (?:sources|reports|officials|accounts) (?:said|say|put|gave|reported)|(?:another|a different|conflicting) (?:account|figure|toll)|disputed|(?:while|whereas|but|however),? [^.]{0,60}\b(?:said|says|put|gave|reported|counted)\b)/i;

/**
 * The latest risen figure if the text updates a toll; a range when another source gives another
 * figure ("police said 20 … hospital officials put the toll at 25" → 20–25); else the first stated.
 */
function pick(figures: Figure[]): Figure | undefined {
  const risen = figures.filter((f) => f.rose);
  if (risen.length > 0) return risen.reduce((a, b) => (b.value >= a.value ? b : a));
  const nonZero = figures.find((f) => f.value > 0 && !f.vague) ?? figures.find((f) => f.value > 0);
  const first = nonZero ?? figures[0];
  if (!first || first.vague || first.min !== undefined) return first;
  const other = figures.find(
    (f) =>
      f !== first &&
      !f.vague &&
      f.min === undefined &&
      f.value > 0 &&
      f.value !== first.value &&
      DISAGREEMENT.test(f.evidence.text),
  );
  if (!other) return first;
  return {
    ...first,
    value: Math.max(first.value, other.value),
    min: Math.min(first.value, other.value),
    otherEvidence: other.evidence,
  };
}
