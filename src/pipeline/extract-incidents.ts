import { dateRange, datesEarlierEvent, dayNumber, isoDay, rangeGap } from './date-range.js';
import type { DateValue, Doc, Mention, PlaceRef } from '../doc.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Evidence, IncidentMention } from './extraction.js';
import { extractCasualties } from './incident-casualties.js';
import { extractIncidentActors } from './incident-actors.js';
import {
  ATTACK_CUES,
  ATTACK_TYPE_HIERARCHY,
  SUICIDE,
  VEHICLE,
  WEAPON_CUES,
  type AttackType,
} from './lexicons/attack-types.js';
import {
  AFTERMATH,
  CAMPAIGN,
  CRIME,
  FICTION,
  NOT_AN_ATTACK,
  NOT_TERRORISM,
  SPORT,
  PAST_ATTRIBUTION,
  POLITICAL_CONTEXT,
  RECALLED,
  STATE_STRIKE,
  UNREST,
} from './lexicons/incident-cues.js';
import { STATEMENT_CUES } from './lexicons/statement-cues.js';
import { TARGET_CUES } from './lexicons/target-types.js';
import { EVENT_THRESHOLD, type SentenceSignals } from './sentence-signals.js';

/** Sentences that belong to one incident, the first being the one that reports it. */
interface Cluster {
  sentences: SentenceSignals[];
  role: 'main' | 'background';
}

/**
 * Incidents a document reports. Event sentences (an attack cue, harm, political context, and no
 * sign of an accident or of sport) are grouped: the incident the document is about is the first
 * event reported without recalling the past; an event in a sentence that recalls earlier events
 * or gives another year is a background incident of its own. Sentences in the same paragraph as
 * an event that give casualties or actors join it.
 */
export function extractIncidents(
  doc: Doc,
  signals: SentenceSignals[],
  kb: KnowledgeBase,
  isCapital: (p: PlaceRef) => boolean = () => false,
): IncidentMention[] {
  signals = withLeadEvents(signals);
  const aftermath = signals.filter((s) => s.aftermath).length >= 2;
  let clusters = clusterEvents(doc, signals);
  const main = clusters[0]?.role === 'main' ? clusters[0] : undefined;
  if (main && aftermath) clusters = withRestatement(doc, main, clusters);
  if (main) clusters.push(...splitOtherDays(doc, main));
  const build = (): IncidentMention[] =>
    clusters.map((c, i) => buildIncident(doc, c, kb, `${doc.id}:i${i + 1}`, signals, isCapital));
  let incidents = build();
  // A follow-up names its attack coarsely in the lead ("last July's bombing") and tells it further
  // down ("The blast at Burgas airport on July 18 killed five"): one incident, not two.
  if (main) {
    const told = clusters.filter((c, i) => c.role === 'background' && retells(incidents[0]!, incidents[i]!));
    if (told.length > 0) {
      main.sentences = [...main.sentences, ...told.flatMap((c) => c.sentences)].sort(
        (a, b) => a.index - b.index,
      );
      clusters = clusters.filter((c) => !told.includes(c));
      incidents = build();
    }
  }
  // Articles whose lead is about something else (an attack recalled in the fifth sentence of a
  // political story) report it only as background; so do aftermath articles (a trial, a
  // sentencing), unless they restate a political attack of the last two years with its toll: a
  // sentencing report months after the attack that tells what the attacker did is a source on it;
  // a trial years later is not news of the attack.
  const firstEvent = signals.find((s) => s.score >= EVENT_THRESHOLD && !isPast(s, doc.published));
  const lead =
    firstEvent !== undefined &&
    (firstEvent.index <= 2 || (doc.title !== undefined && titleReportsAttack(doc.title)));
  for (const inc of incidents) {
    const restated =
      inc.confidence >= 0.5 &&
      (inc.killed !== null || inc.wounded !== null) &&
      withinTwoYears(inc.date, doc.published);
    if ((!lead || (aftermath && !restated)) && inc.role === 'main') {
      inc.role = 'background';
      inc.confidence = Math.min(inc.confidence, 0.4);
    }
  }
  return incidents.sort((a, b) => Number(a.role === 'background') - Number(b.role === 'background'));
}

const KILL_VERB =
  /\b(?:killed|killing|assassinated|shot dead|targeted|targeting|murdered|(?:fatal |deadly )?(?:stabbing|shooting|killing|murder|assassination) of)\s+(?:[\w.'’-]+\s+){0,4}?$/i;
/** "killed the Taliban governor of Balkh province": an official killed, named or not. */
const KILLS_OFFICIAL =
  /(?<!\b(?:after|since|following|before) (?:the )?)\b(?:killed|killing|assassinated|shot dead|murdered|(?:fatal |deadly )?(?:stabbing|shooting|killing|murder|assassination) of)\s+(?:the|a|an|[A-Z][\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,4}?(?:governor|minister|mayor|general|lawmaker|senator|judge|prosecutor|police chief|provincial chief|district chief|MP|member of parliament|presidential candidate|ambassador|councillor|councilman|councilwoman|politician|journalist|writer|blogger|activist|filmmaker|film-maker|attach[eé]|diplomat|envoy|consul)\b/i;
const PROMINENT =
  /^,?\s*(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:head|leader|commander|chief|general|minister|governor|mayor|president|senator|deputy|judge|prosecutor|MP|lawmaker|cleric|imam|spokes(?:man|woman)|councillor|politician|journalist|writer|blogger|activist)\b/i;
const PROMINENT_TITLE =
  /\b(?:General|Gen\.|Major General|Brigadier|Colonel|Commander|Minister|President|Governor|Mayor|Senator|Judge|Sheikh|Ayatollah|lawmaker|MP|minister|governor|mayor|senator|judge|filmmaker|film-maker|director|writer|novelist|journalist|editor|cartoonist|blogger|activist|politician|councillor|diplomat|ambassador|prime minister|president)\s+$/;

/** "Russian opposition leader Alexei Navalny was poisoned": a prominent person, the subject of a passive killing. */
const PROMINENT_VICTIM =
  /\b(?:opposition leader|opposition politician|[Mm]inister|[Gg]overnor|[Mm]ayor|[Ss]enator|lawmaker|[Pp]rime [Mm]inister|[Pp]resident)\s+(?:(?:al-|el-|bin |van |de )?[A-Z][\w.'’-]+\s+){1,3}(?:[^.;]{0,60}?\b(?:he|she)\s+)?(?:was|had been|has been)\s+(?:poisoned|assassinated|shot dead|killed|murdered|stabbed to death)\b|\b(?:[Pp]rime [Mm]inister|[Pp]resident|[Mm]inister|[Gg]overnor|[Mm]ayor|[Ss]enator|opposition leader)\s+(?:(?:al-|el-|bin |van |de )?[A-Z][\w.'’-]+[\s,]+){1,4}(?:who (?:was|had been) )?(?:killed|assassinated|shot dead|murdered) (?:by|in|on|when)\b/;

/**
 * "killed Qasem Soleimani, head of Iran's Quds Force", "the fatal stabbing of lawmaker David
 * Amess", "killed the governor of Balkh": the object of the killing is a prominent person.
 */
function killsProminentPerson(doc: Doc, s: SentenceSignals): boolean {
  if (KILLS_OFFICIAL.test(s.text) || PROMINENT_VICTIM.test(s.text)) return true;
  return s.mentions.some((m) => {
    if (m.kind !== 'person') return false;
    const before = doc.text.slice(Math.max(s.start, m.start - 60), m.start);
    const after = doc.text.slice(m.end, Math.min(s.end, m.end + 60));
    return (
      KILL_VERB.test(before.replace(PROMINENT_TITLE, '')) &&
      (PROMINENT.test(after) || PROMINENT_TITLE.test(before))
    );
  });
}

/** A claim of responsibility, as the statement stage reads it ("said a unit of its fighters attacked"). */
const CLAIM_CUE = STATEMENT_CUES.find((c) => c.type === 'claim-of-responsibility')!.re;

/**
 * A sentence about earlier events: it recalls them, or all its dates are of earlier years and
 * long past (a report in January of the December 30 bombing is about it).
 */
function isPast(s: SentenceSignals, published: string | undefined): boolean {
  if (s.recalled) return true;
  const dates = s.mentions.filter((m) => m.kind === 'date');
  return dates.length > 0 && dates.every((m) => datesEarlierEvent(m.value as DateValue, published));
}

/**
 * Whether a background incident retells the main one: its day is the main incident's or falls
 * within its coarser date, in the same place (or an unplaced one), with a compatible type.
 */
function retells(main: IncidentMention, other: IncidentMention): boolean {
  if (main.role !== 'main' || !main.date || !other.date) return false;
  if (other.date.precision !== 'day') return false;
  const range = dateRange(main.date);
  const day = dayNumber(other.date.value);
  if (!range || day < range[0] || day > range[1]) return false;
  const [a, b] = [main.location, other.location];
  if (a && b && (a.countryCode !== b.countryCode || (a.city && b.city && a.city !== b.city))) return false;
  return main.type === other.type || main.type === 'Unknown' || other.type === 'Unknown';
}

/** A date within a week before publication: the news of the day, in an aftermath report. */
function isRecent(date: DateValue, published: string | undefined): boolean {
  const range = dateRange(date);
  return range !== undefined && published !== undefined && dayNumber(published) - range[1] <= 7;
}

/** A date less than two years before publication (an undated incident is not known to be recent). */
function withinTwoYears(date: DateValue | null, published: string | undefined): boolean {
  const range = date ? dateRange(date) : undefined;
  if (!range || !published) return false;
  return dayNumber(published) - range[1] < 730;
}

/**
 * An aftermath report (a trial, a sentencing) retells the attack it follows up right after its
 * lead: "Luca Traini drove around the town … on the morning of February 3, firing a pistol". Those
 * event sentences, dated months before the report but recalling nothing, join the main incident.
 */
function withRestatement(doc: Doc, main: Cluster, clusters: Cluster[]): Cluster[] {
  const last = (): number => main.sentences[main.sentences.length - 1]!.index;
  return clusters.filter((c) => {
    if (c === main || c.sentences[0]!.index > last() + 2 || c.sentences.some((s) => s.recalled)) return true;
    main.sentences.push(...c.sentences);
    main.sentences.sort((a, b) => a.index - b.index);
    return false;
  });
}

/**
 * Event sentences of the main cluster whose attack words carry another day than the incident's
 * ("On October 24, a suicide bomber killed 24 people", in a report on a November attack) report
 * attacks of their own: taken out of it, each a background incident.
 */
function splitOtherDays(doc: Doc, main: Cluster): Cluster[] {
  const date = incidentDate(doc, main.sentences, []);
  if (date?.value.precision !== 'day') return [];
  const day = dayNumber(date.value.value);
  const otherDay = (s: SentenceSignals): boolean => {
    // "a suicide bomber killed 24 people on October 24", or "On October 24, a suicide bomber …".
    const leading = (m: Mention): boolean =>
      /^\W*(?:(?:late |early )?on\s+)?$/i.test(doc.text.slice(s.start, m.start));
    const days = eventDates(doc, s).filter(
      (m) => (m.value as DateValue).precision === 'day' && (inViolentClause(doc, s, m) || leading(m)),
    );
    return days.length > 0 && days.every((m) => Math.abs(dayNumber((m.value as DateValue).value) - day) > 1);
  };
  const others = main.sentences.filter(
    (s) => s !== date.sentence && s.score >= EVENT_THRESHOLD && otherDay(s),
  );
  main.sentences = main.sentences.filter((s) => !others.includes(s));
  return others.map((s) => ({ sentences: [s], role: 'background' }));
}

/** ", who have been fighting for a homeland since 1983": a relative clause describing someone. */
const RELATIVE_CLAUSE = /,\s+(?:who|which)\s[^,.;]*/g;

/**
 * Whether a sentence outside the incident's cluster may speak of it: it recalls nothing (a
 * relative clause on a group, "who have been fighting since 1983", does not count), and its dates
 * are recent or the incident's own (a claim published months after the attack, "his fighters had
 * carried out the attack … on Oct. 4").
 */
function aboutThisIncident(doc: Doc, s: SentenceSignals, date: DateValue | undefined): boolean {
  const clauses = [...s.text.matchAll(RELATIVE_CLAUSE)].map((m) => [
    s.start + m.index,
    s.start + m.index + m[0].length,
  ]);
  const outside = (m: Mention): boolean => !clauses.some(([a, b]) => m.start >= a! && m.end <= b!);
  if (RECALLED.test(s.text.replace(RELATIVE_CLAUSE, ''))) return false;
  const dates = s.mentions.filter((m) => m.kind === 'date' && outside(m));
  const own = date ? dateRange(date) : undefined;
  return (
    dates.length === 0 ||
    dates.some((m) => {
      const v = m.value as DateValue;
      const range = dateRange(v);
      return (
        !datesEarlierEvent(v, doc.published) ||
        (own !== undefined && range !== undefined && rangeGap(own, range) <= 1)
      );
    })
  );
}

/** A headline that reports an attack: a violent attack cue, no accident cue, nothing recalled. */
function titleReportsAttack(title: string): boolean {
  const past =
    RECALLED.test(title) || AFTERMATH.test(title) || /\b(?:years|months) (?:since|after)\b/i.test(title);
  return (
    ATTACK_CUES.some((c) => c.violent && c.re.test(title)) &&
    !NOT_AN_ATTACK.test(title) &&
    !SPORT.test(title) &&
    !past
  );
}

/** Nouns a report refers back to its attack with ("the attack", "Monday's bombing"). */
const ATTACK_NOUNS = 'attacks?|bombings?|blasts?|explosions?|assault|shooting|massacre|raid';

/** What a report frames as terrorism: "investigating the attack as a hate crime", "the anti-terrorism prosecutor … the investigation". */
const FRAMED_SUBJECT = new RegExp(
  `\\b(?:the|this|that) (?:${ATTACK_NOUNS}|stabbing|killing|arson|incident|investigation|case|gunman|attacker|assailant|suspect|killer|bomber)\\b`,
  'i',
);

/**
 * The attacker's motive or views, or what the authorities call the attack: "motivated by white
 * nationalist beliefs", "he had posted anti-Islam messages", "treating it as a terrorist incident".
 */
const MOTIVE =
  /\b(?:motiv\w+|manifesto|(?:treat|treated|treating|investigat\w+|declared|called|calling|describ\w+) (?:it|this) as|(?:he|she|they) had (?:posted|written|expressed|shared|voiced)|(?:his|her|their) (?:views|beliefs|ideology|posts|messages))\b/i;

/** Politicians attacked: "opened fire on Republican lawmakers practicing for a baseball game". */
const POLITICAL_TARGET =
  /\b(?:fire|attack(?:ed|s)?|shot|shooting|stabb(?:ed|ing)|bomb(?:ed|ing)?|killed|targeted|targeting) (?:on |at )?(?:(?:a|the|two|three|several) )?(?:[\w-]+ ){0,2}?(?:lawmakers|politicians|congressm[ae]n|congresswom[ae]n|MPs|senators|ministers|(?:presidential|election) candidates?|parliamentarians)\b/i;

/** A device that did not go off: found, defused, made safe. */
const DEFUSED =
  /\b(?:defused|made safe|unexploded|failed to (?:explode|detonate|go off)|did not (?:explode|detonate|go off)|controlled explosion|bomb squad|found (?:an? |two |three |several )?(?:[\w-]+ ){0,2}?(?:bombs?|devices?|explosives)|(?:bombs?|devices?|explosives) (?:was|were) (?:found|discovered))\b/i;

/**
 * The police or troops firing on the attacker: "shot dead by police", "officers shot the driver",
 * "police shot dead Cherif Chekatt, the man suspected of …".
 */
const POLICE_FIRE =
  /\b(?:shot(?: dead| and killed| and wounded)?|killed|wounded|neutrali[sz]ed) by (?:the )?(?:police|officers?|security forces|troops|soldiers|special forces)\b|\b(?:police(?:men)?|officers?|security forces|troops|soldiers)\b[^.]{0,30}?\b(?:shot dead|shot and killed|shot|opened fire on)\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:attacker|assailant|gunman|suspect|man|driver|knifeman)\b|[A-Z][\w'’-]+ [A-Z][\w'’-]+, the (?:man|suspect|gunman|attacker))/i;

/** A sentence that says who was behind an attack. */
const ATTRIBUTION =
  /\b(?:blamed|behind|responsible|carried out|claimed|suspected|accused|belonged|members? of)\b/i;

/** Event sentences further apart than this many sentences report different incidents. */
const EVENT_GAP = 8;
const ANAPHORIC_ATTACK = new RegExp(
  `\\b(?:the|this|that|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day's) (?:${ATTACK_NOUNS})\\b`,
  'i',
);

function clusterEvents(doc: Doc, signals: SentenceSignals[]): Cluster[] {
  const events = signals.filter((s) => s.score >= EVENT_THRESHOLD);
  if (events.length === 0) return [];
  const main: Cluster = { sentences: [], role: 'main' };
  const background: Cluster[] = [];
  const lastOf = (c: Cluster | undefined): number => c?.sentences[c.sentences.length - 1]!.index ?? -Infinity;
  for (const s of events) {
    const prev = background[background.length - 1];
    if (isPast(s, doc.published)) {
      if (prev && lastOf(prev) === s.index - 1) prev.sentences.push(s);
      else background.push({ sentences: [s], role: 'background' });
    } else if (main.sentences.length > 0 && s.index - lastOf(main) > EVENT_GAP) {
      // A story further down a news digest: an incident of its own, not the one the report is about.
      if (prev && !isPast(prev.sentences[0]!, doc.published) && s.index - lastOf(prev) <= EVENT_GAP)
        prev.sentences.push(s);
      // "The attack had killed twelve", further down the report: the same incident again.
      else if (ANAPHORIC_ATTACK.test(s.text)) main.sentences.push(s);
      else background.push({ sentences: [s], role: 'background' });
    } else main.sentences.push(s);
  }
  // Supporting sentences: casualty or claim sentences next to the main event sentences.
  const inMain = new Set(main.sentences.map((s) => s.index));
  for (const s of signals) {
    if (
      inMain.has(s.index) ||
      s.score >= EVENT_THRESHOLD ||
      isPast(s, doc.published) ||
      PAST_ATTRIBUTION.test(s.text)
    )
      continue;
    // Wikinews-style reports keep one or two sentences to a paragraph: look three sentences around.
    const near = main.sentences.some(
      (e) => Math.abs(e.index - s.index) <= (sameParagraph(doc, e, s) ? 2 : 1) + 1,
    );
    if (near && (s.harm || /claim/i.test(s.text) || CLAIM_CUE.test(s.text) || s.cues.length > 0))
      main.sentences.push(s);
  }
  // A report's lead (its first two sentences) is about its main event when it speaks of violence.
  if (main.sentences.length > 0) {
    for (const s of signals.slice(0, 2)) {
      if (
        !inMain.has(s.index) &&
        !main.sentences.includes(s) &&
        !isPast(s, doc.published) &&
        (s.cues.length > 0 || s.harm)
      )
        main.sentences.push(s);
    }
  }
  main.sentences.sort((a, b) => a.index - b.index);
  // A document that only recalls earlier attacks reports no main incident.
  return main.sentences.length > 0 ? [main, ...background] : background;
}

function buildIncident(
  doc: Doc,
  cluster: Cluster,
  kb: KnowledgeBase,
  id: string,
  signals: SentenceSignals[],
  isCapital: (p: PlaceRef) => boolean,
): IncidentMention {
  const { sentences } = cluster;
  const events = sentences.filter((s) => s.score >= EVENT_THRESHOLD);
  const lead = events[0] ?? sentences[0]!;
  const evidence: Evidence[] = [];
  const ev = (field: string, s: { start: number; end: number }): Evidence => ({
    field,
    start: s.start,
    end: s.end,
    text: doc.text.slice(s.start, s.end),
  });

  // Attack types: every type a cue shows, in the codebook's hierarchy; "Unknown" only alone.
  // A device found and made safe beside an attack of another kind ("two improvised explosive
  // devices … were made safe") does not make it a bombing, nor the police shooting the attacker
  // an armed assault; a bombing that failed still is one.
  const acted = events.filter((s) => !DEFUSED.test(s.text) && !POLICE_FIRE.test(s.text));
  const found = new Map<AttackType, SentenceSignals>();
  for (const s of acted.length > 0 ? acted : events)
    for (const c of s.cues) if (!found.has(c.cue.type)) found.set(c.cue.type, s);
  // GTD: an attack whose target is a prominent person (a commander, a minister) is an assassination.
  const targeted = sentences.find((s) => killsProminentPerson(doc, s));
  if (targeted && !found.has('Assassination')) found.set('Assassination', targeted);
  let types = ATTACK_TYPE_HIERARCHY.filter((t) => found.has(t) && t !== 'Unknown');
  if (types.length === 0) types = ['Unknown'];
  const type = types[0]!;
  if (found.get(type)) evidence.push(ev('type', found.get(type)!));

  const weapons: string[] = [];
  for (const s of events) {
    for (const c of s.cues) if (c.cue.weapon && !weapons.includes(c.cue.weapon)) weapons.push(c.cue.weapon);
    for (const w of WEAPON_CUES) if (w.re.test(s.text) && !weapons.includes(w.weapon)) weapons.push(w.weapon);
  }
  // GTD: a car or truck bomb is an explosive, not a vehicle weapon.
  if (sentences.some((s) => /\b(?:car|truck|lorry|vehicle)[- ]bomb|VBIED/i.test(s.text))) {
    const i = weapons.indexOf(VEHICLE);
    if (i >= 0) weapons.splice(i, 1);
  }
  if (weapons.length > 0) evidence.push(ev('weapons', lead));
  const suicideSentence = sentences.find((s) => SUICIDE.test(s.text));
  if (suicideSentence) evidence.push(ev('suicide', suicideSentence));

  // A main incident its own sentences do not date may be dated by another sentence of the report
  // about the harm done ("Ten children were among those killed on Thursday night").
  const harmSentences =
    cluster.role === 'main'
      ? signals.filter(
          (s) => s.harm && s.score < EVENT_THRESHOLD && !sentences.includes(s) && !isPast(s, doc.published),
        )
      : [];
  const ownDate = incidentDate(doc, sentences, harmSentences);
  // A date the report gives its attack elsewhere ("last July's bombing") is made precise by the day
  // its sentences with attack words give ("the blast at Burgas airport on July 18").
  const refinedBy = (
    d: { value: DateValue; sentence: SentenceSignals } | undefined,
  ): { value: DateValue; sentence: SentenceSignals } | undefined =>
    d && refinedDay(d, signals, (s) => eventDates(doc, s), doc.published);
  // An aftermath report ("McVeigh was executed on Monday for the 1995 bombing") dates its attack by
  // the earlier date its lead gives the attack, not by the news of the day.
  const aftermath = cluster.role === 'main' && signals.filter((s) => s.aftermath).length >= 2;
  const recalledDate = aftermath ? leadAttackDate(signals) : undefined;
  const date =
    (recalledDate && (!ownDate || isRecent(ownDate.value, doc.published)) ? recalledDate : ownDate) ??
    (cluster.role === 'main'
      ? (refinedBy(namedAttackDate(signals) ?? leadAttackDate(signals)) ??
        cueDate(doc, signals) ??
        datelineDate(doc, signals))
      : undefined);
  if (date) evidence.push(ev('date', date.sentence));
  const listed = incidentLocation(
    { end: datelineEnd(doc.text), isCapital },
    sentences,
    cluster.role === 'main' ? signals.slice(0, 3) : [],
  );
  const location =
    hereAtDateline(doc, cluster.role === 'main' ? events[0] : undefined, signals) ??
    attackPhraseRegion(doc, events[0], sentences, listed) ??
    unlistedPlace(events.slice(0, 1)) ??
    (listed?.place.city === undefined ? unlistedPlace(events.slice(1)) : undefined) ??
    listed;
  if (location) evidence.push(ev('location', location.sentence));

  const targets = incidentTargets(doc, events.length > 0 ? events : sentences);
  if (targets.length > 0) evidence.push(ev('targets', targets[0]!.sentence));

  const casualties = extractCasualties(doc.text, sentences);
  evidence.push(...casualties.evidence);
  // Who did it is often said apart from the attack: "The attack has been blamed on the banned
  // Communist Party of India (Maoist)", "there was no doubt that ETA was responsible".
  const attributions =
    cluster.role === 'main'
      ? signals.filter(
          (s) =>
            !sentences.includes(s) &&
            ATTRIBUTION.test(s.text) &&
            !PAST_ATTRIBUTION.test(s.text) &&
            aboutThisIncident(doc, s, date?.value),
        )
      : [];
  // A group's record ("Soleimani and his Quds Force were responsible for the deaths of hundreds")
  // does not make it the perpetrator of this attack.
  const own = sentences.filter((s) => !PAST_ATTRIBUTION.test(s.text));
  const actors = extractIncidentActors(doc.text, [...own, ...attributions], kb);
  evidence.push(...actors.evidence);

  // Confidence that this is political violence as the GTD counts it: organised or ideological
  // context, violence done to people, a known perpetrator; an accident cue counts against.
  // The headline of the report counts for its main incident ("Far-right gunman kills nine").
  const headline = cluster.role === 'main' && doc.title !== undefined && POLITICAL_CONTEXT.test(doc.title);
  // Several armed attackers acting together ("two gunmen opened fire") are organised violence.
  const organised = events.some((s) =>
    /\b(?:gunmen|attackers|assailants|militants|insurgents|suicide bombers)\b/i.test(s.text),
  );
  // "Investigating the attack as a hate crime": the report frames its attack as political violence.
  // So does a sentence on the attacker's motive ("motivated by white nationalist beliefs", "he
  // had posted anti-Islam messages").
  const framed =
    cluster.role === 'main' &&
    signals.some(
      (s) => s.political && !isPast(s, doc.published) && (FRAMED_SUBJECT.test(s.text) || MOTIVE.test(s.text)),
    );
  const ideological =
    sentences.some((s) => s.political) ||
    events.some((s) => POLITICAL_TARGET.test(s.text)) ||
    framed ||
    actors.perpetrators.length > 0 ||
    actors.claimedBy.length > 0 ||
    headline;
  const political = ideological || organised;
  const violent = events.some((s) => s.cues.some((c) => c.cue.violent));
  const harmed = casualties.killed !== null || casualties.wounded !== null || sentences.some((s) => s.harm);
  // Bombings, hostage-takings, hijackings and assassinations are rarely anything but deliberate.
  const grave = types.some((t) =>
    [
      'Assassination',
      'Hijacking',
      'Hostage Taking (Kidnapping)',
      'Hostage Taking (Barricade Incident)',
      'Bombing/Explosion',
    ].includes(t),
  );
  let confidence =
    0.25 + (political ? 0.3 : 0) + (violent ? 0.1 : 0) + (harmed ? 0.1 : 0) + (grave && violent ? 0.1 : 0);
  confidence += (actors.perpetrators.some((p) => p.id !== null) ? 0.1 : 0) + (suicideSentence ? 0.05 : 0);
  if (events.some((s) => s.accident)) confidence -= 0.25;
  // A war's campaign ("Turkey launched an offensive") is not a discrete attack.
  if (events.some((s) => CAMPAIGN.test(s.text))) confidence -= 0.2;
  // Robbers' explosives and a thriller's suicide vest are not terrorism.
  if (
    !ideological &&
    (sentences.some((s) => CRIME.test(s.text)) || (doc.title !== undefined && CRIME.test(doc.title)))
  )
    confidence -= 0.25;
  // Crowds rioting ("protesters stormed and set fire to the mayor's office") are unrest, not an
  // attack, when the report leads with them (not riots after an attack, further down).
  if (
    events.slice(0, 1).some((s) => UNREST.test(s.text)) &&
    !actors.perpetrators.some((p) => p.kind === 'group')
  )
    confidence -= 0.3;
  if (
    (doc.title !== undefined && FICTION.test(doc.title)) ||
    signals.filter((s) => FICTION.test(s.text)).length >= 2
  )
    confidence -= 0.3;
  // "Nothing to suggest the attack was an act of terrorism": the authorities rule it out.
  const ruledOut = signals.some((s) => !isPast(s, doc.published) && NOT_TERRORISM.test(s.text));
  if (ruledOut && !actors.perpetrators.some((p) => p.kind === 'group'))
    confidence = Math.min(confidence - 0.3, 0.45);
  // A state's strike in a war is an act of war, not terrorism; a targeted killing of a leader
  // stays an incident, as the revenge it calls for is what analysts follow.
  const stateOnly =
    (actors.perpetrators.length > 0 && actors.perpetrators.every((p) => p.kind === 'state-body')) ||
    (!actors.perpetrators.some((p) => p.kind === 'group') &&
      sentences.some((s) => STATE_STRIKE.test(s.text)));
  if (stateOnly && type !== 'Assassination') confidence = Math.min(confidence, 0.45);
  if (cluster.role === 'background') confidence = Math.min(confidence, 0.6);

  return {
    id,
    type,
    types,
    date: date?.value ?? null,
    location: location?.place ?? null,
    perpetrators: actors.perpetrators,
    targets: targets.map((t) => ({ type: t.type, text: t.text })),
    weapons: weapons.length > 0 ? weapons : ['Unknown'],
    killed: casualties.killed,
    wounded: casualties.wounded,
    perpetratorsKilled: casualties.perpetratorsKilled,
    perpetratorsWounded: casualties.perpetratorsWounded,
    // GTD codes an attack as not suicide unless the text says so.
    suicide: suicideSentence !== undefined,
    claimedBy: actors.claimedBy,
    role: cluster.role,
    evidence: dedupe(evidence),
    confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100,
  };
}

/**
 * The incident's date: the date its first event sentence gives the attack phrase, else the most
 * precise date stated in its sentences (not the article's dateline), else in `harmSentences`.
 */
/**
 * The dates of a sentence that may date an event: not the dateline, a statement's ("said on
 * Monday"), a new toll's, a court's decision, or a day after publication (a coming event).
 */
function eventDates(doc: Doc, s: SentenceSignals, ends = false): Mention[] {
  const published = doc.published ? dayNumber(doc.published) : undefined;
  // "Friday's shooting": a day given to an attack is its day, whatever comes before it ("has died
  // after Friday's shooting", "since Friday's attack").
  const ownsAttack = (m: Mention): boolean => /^['’]s\b/.test(doc.text.slice(m.end, m.end + 2));
  return s.mentions.filter(
    (m) =>
      m.kind === 'date' &&
      !isDateline(doc, m) &&
      !SAID_ON.test(doc.text.slice(Math.max(0, m.start - 30), m.start)) &&
      // "has hanged six militants since Friday": when something began, not the attack.
      !(/\bsince\s+$/i.test(doc.text.slice(Math.max(s.start, m.start - 8), m.start)) && !ownsAttack(m)) &&
      !SAID_AFTER.test(doc.text.slice(m.end, m.end + 30)) &&
      !COURT_AFTER.test(doc.text.slice(m.end, m.end + 20)) &&
      !TOLL_UPDATE.test(doc.text.slice(Math.max(s.start, m.start - 40), m.start)) &&
      !(DIED_ON.test(doc.text.slice(Math.max(s.start, m.start - 40), m.start)) && !ownsAttack(m)) &&
      !(MOURNED_ON.test(doc.text.slice(Math.max(s.start, m.start - 60), m.start)) && !ownsAttack(m)) &&
      (ends || !ENDED.test(doc.text.slice(Math.max(s.start, m.start - 60), m.start))) &&
      !COURT_DECISION.test(doc.text.slice(Math.max(s.start, m.start - 60), m.start)) &&
      !DESCRIBED_PERSON.test(doc.text.slice(Math.max(s.start, m.start - 100), m.start)) &&
      !(published !== undefined && (dateRange(m.value as DateValue)?.[0] ?? 0) > published),
  );
}

function incidentDate(
  doc: Doc,
  sentences: SentenceSignals[],
  harmSentences: SentenceSignals[],
  ends = false,
): { value: DateValue; sentence: SentenceSignals } | undefined {
  const rank = { day: 0, week: 1, month: 2, year: 3 } as const;
  // The most precise date of the event sentences, else of the other sentences; among equally
  // precise ones the earliest (an attack precedes the statements and the aftermath reported with it).
  const events = sentences.filter((s) => s.score >= EVENT_THRESHOLD);
  const dates = (s: SentenceSignals): Mention[] => eventDates(doc, s, ends);
  // The date of the attack phrase of the first event sentence ("Monday's truck attack on a
  // Berlin market", "the December 30 car bombing"): a follow-up report's other dates are its news.
  // The police shooting the suspect days later ("police shot dead the man suspected of killing
  // three people … on Thursday") does not date the attack.
  const lead = events.find((s) => !POLICE_FIRE.test(s.text)) ?? events[0];
  const named = lead?.cues.find((c) => c.date && dates(lead).includes(c.date));
  if (lead && named?.date)
    return refinedDay(
      { value: named.date.value as DateValue, sentence: lead },
      sentences,
      (s) => eventDates(doc, s, ends),
      doc.published,
    );
  // A date qualifying another attack phrase ("pointing to the December 31 attack") names that
  // attack when the first event sentence dates its own.
  const leadDated = lead !== undefined && dates(lead).length > 0;
  const ownDates = (s: SentenceSignals): Mention[] =>
    dates(s).filter((m) => s === lead || !leadDated || !s.cues.some((c) => c.date === m));
  // Then the first date after a violent attack word in its clause of the first event sentence
  // ("four hostages were killed in Paris on Friday"), then the other sentences' dates.
  // (a lead that is an event without violent words dates it after any attack word: "An explosion
  // destroyed an apartment building … on Monday").
  const leadClause = lead
    ? dates(lead).filter((m) => inViolentClause(doc, lead, m, !lead.cues.some((c) => c.cue.violent)))
    : [];
  // Then the first event sentence that dates its attack words: a later one ("On October 24, a
  // suicide bomber killed 24 people") more likely recalls another attack than dates this one.
  const firstDated = events
    .map((s): [SentenceSignals, Mention[]] => [
      s,
      ownDates(s).filter((m) => (m.value as DateValue).precision === 'day' && inViolentClause(doc, s, m)),
    ])
    .find(([, ms]) => ms.length > 0);
  // "replaced his interior minister on Tuesday, a day after militants massacred 58 tourists".
  const before = lead ? daysBefore(doc, lead, dates(lead)) : undefined;
  if (before) return before;
  const tiers: [SentenceSignals, Mention[]][][] = [
    lead ? [[lead, leadClause.slice(0, 1)]] : [],
    firstDated ? [[firstDated[0], firstDated[1].slice(0, 1)]] : [],
    events.map((s) => [s, ownDates(s)]),
    sentences.map((s) => [s, ownDates(s)]),
    harmSentences.map((s) => [s, ownDates(s)]),
  ];
  for (const tier of tiers) {
    let best: { value: DateValue; sentence: SentenceSignals } | undefined;
    // "last week's bombing … on April 28": a day inside a coarser date refines it.
    for (const [s, candidates] of tier) {
      for (const m of candidates) {
        const v = m.value as DateValue;
        const better =
          !best ||
          rank[v.precision] < rank[best.value.precision] ||
          (rank[v.precision] === rank[best.value.precision] && v.value < best.value.value);
        if (better) best = { value: v, sentence: s };
      }
    }
    if (best) return refinedDay(best, sentences, ownDates, doc.published);
  }
  // Only the day a siege ended ("the school siege ended in explosions on Friday"): better than none.
  return ends ? undefined : incidentDate(doc, sentences, harmSentences, true);
}

const DAYS_AFTER = /^[^.;]{0,60}?\b(a|one|two|three|four|five) days? after\b/i;
const DAY_COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

/**
 * The attack dated from the news of the day: "replaced his minister on Tuesday, a day after
 * militants massacred 58 foreign tourists" → the Monday; only when violent attack words follow
 * "after" and none come before the day.
 */
function daysBefore(
  doc: Doc,
  s: SentenceSignals,
  dates: Mention[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  for (const m of dates) {
    const v = m.value as DateValue;
    if (v.precision !== 'day') continue;
    const after = DAYS_AFTER.exec(doc.text.slice(m.end, s.end));
    // "killed two officers on Thursday, a day after a van bomb tore through a barracks": the day
    // of this attack, and the other one after it.
    if (!after || s.cues.some((c) => c.cue.violent && c.end <= m.start)) continue;
    const from = m.end + after[0].length;
    if (!s.cues.some((c) => c.cue.violent && c.start >= from)) continue;
    const day = dayNumber(v.value) - DAY_COUNT[after[1]!.toLowerCase()]!;
    return { value: { value: isoDay(day), precision: 'day' }, sentence: s };
  }
  return undefined;
}

/**
 * A week, month or year made precise by the one day inside it that the incident's sentences give
 * an attack ("the April 2 attack"), else that its sentences with attack words give ("last week's
 * bombing of a cafe", then "left it in the cafe … on April 28"); several such days leave it as it is, and so does the day of the
 * report or the day before (its news: "a statement posted on Friday").
 */
function refinedDay(
  date: { value: DateValue; sentence: SentenceSignals },
  sentences: SentenceSignals[],
  ownDates: (s: SentenceSignals) => Mention[],
  published: string | undefined,
): { value: DateValue; sentence: SentenceSignals } {
  const found = dateRange(date.value);
  if (date.value.precision === 'day' || !found) return date;
  const latest = published ? dayNumber(published) - 2 : Infinity;
  const inRange = (m: Mention): boolean => {
    const v = m.value as DateValue;
    const d = dayNumber(v.value);
    return v.precision === 'day' && d >= found[0] && d <= Math.min(found[1], latest);
  };
  const attached = sentences.flatMap((s) =>
    s.earlierAttackDates
      .concat(s.cues.flatMap((c) => (c.date ? [c.date] : [])))
      .filter(inRange)
      .map((m) => ({ m, s })),
  );
  const events = sentences
    .filter((s) => s.cues.length > 0)
    .flatMap((s) =>
      ownDates(s)
        .filter(inRange)
        .map((m) => ({ m, s })),
    );
  for (const inside of [attached, events]) {
    const days = new Set(inside.map((x) => (x.m.value as DateValue).value));
    if (days.size === 1) return { value: inside[0]!.m.value as DateValue, sentence: inside[0]!.s };
    if (days.size > 1) return date;
  }
  return date;
}

/**
 * A date after a violent attack word of its clause (clauses end at commas, semicolons, dashes):
 * "four hostages were killed by a gunman in Paris on Friday", not "police arrested three men on
 * Monday over the bombing".
 */
function inViolentClause(doc: Doc, s: SentenceSignals, m: Mention, anyCue = false): boolean {
  const before = doc.text.slice(s.start, m.start);
  const start = s.start + Math.max(-1, ...[...before.matchAll(/[,;:—–]/g)].map((x) => x.index)) + 1;
  return s.cues.some(
    (c) => (anyCue || c.cue.violent) && !c.cue.describesPerson && c.start >= start && c.end <= m.start,
  );
}

/**
 * A lead that reports harm done with attack words ("An explosion destroyed an apartment building
 * …, killing at least 45 people") reports the event when the report speaks of terrorism: it
 * counts as an event sentence — unless it reports a statement about an attack ("calls for revenge
 * over the Graz mosque shooting") or recalls one.
 */
function withLeadEvents(signals: SentenceSignals[]): SentenceSignals[] {
  // A quoted call or threat ("Strike them in their streets, with knives and with cars") is speech,
  // not an attack.
  signals = signals.map((s) => (QUOTED_CALL.test(s.text) ? { ...s, score: 0 } : s));
  if (!signals.some((x) => x.political)) return signals;
  return signals.map((s) =>
    s.score < EVENT_THRESHOLD &&
    s.index <= 1 &&
    s.cues.length > 0 &&
    s.harm &&
    !s.accident &&
    !s.recalled &&
    !STATEMENT_CUES.some((c) => c.re.test(s.text))
      ? { ...s, score: EVENT_THRESHOLD }
      : s,
  );
}

/** A sentence that opens with a quoted call or threat. */
const QUOTED_CALL =
  /^\s*["“](?:strike|kill|attack|slaughter|burn|take revenge|avenge|rise up|fight|we call|we will|we shall)\b/i;

/** "said on Saturday": the date of a statement about the incident, not of the incident. */
const SAID_ON =
  /\b(?:said|says|announced|told reporters|stated|confirmed|claimed responsibility|released|issued|posted|published)(?: late| early)? (?:on )?$/i;

/** "Islamic State on Tuesday released a video": a statement's date given before its verb. */
const SAID_AFTER =
  /^,?\s*(?:said|says|announced|confirmed|claimed|told|declared|(?:released|issued|published|posted) (?:a |an |the |its )?(?:[\w-]+ )?(?:video|statement|audio|recording|message|communiqu[eé]|photographs?|footage|claim))\b/i;

/** "Federal agents on Friday charged …", "A special court on Wednesday acquitted …": a court's or the police's day. */
const COURT_AFTER =
  /^,?\s*(?:charged|arrested|sentenced|convicted|indicted|detained|jailed|acquitted|extradited|replaced|sacked|dismissed)\b/i;

/** "was jailed for life on Wednesday", "at his first court appearance on Friday": the date of a court's decision or hearing, not of the incident. */
const COURT_DECISION =
  /\b(?:jailed|sentenced|convicted|found guilty|acquitted|charged|indicted|pleaded (?:not )?guilty|appeared (?:in|before) (?:a )?(?:court|judge|magistrates?)|court appearance|(?:bond |bail |court )?hearing|arraignment|trial|arrest warrants?|arrested|detained|ruled|ruling)\b[^.;,]{0,25}?(?: on| late| early)* $/i;

/** "the elder brother of the man who blew himself up in Suruc in July": a person described by another attack. */
const DESCRIBED_PERSON =
  /\b(?:brother|sister|son|daughter|father|mother|cousin|friend|husband|wife|associate|accomplice) of (?:the|a) (?:man|woman|bomber|attacker|gunman) who [^,;:.]*$/i;

/** "The hijacking … ended in Kandahar on Friday": the day a siege or hijacking ended, not began. */
const ENDED = /\b(?:ended|ends|came to an end|was over)\b[^.;,]{0,40}? (?:on |late |early )*$/i;

/** "Lebanon went into mourning on Tuesday", "hundreds protested in Dhaka on Friday": the aftermath's day. */
const MOURNED_ON =
  /\b(?:mourning|mourned|funerals?|buried|burial|vigils?|protest(?:ed|s)?|marched|rallied|gathered|paid tribute|laid (?:flowers|wreaths))\b[^.;,]{0,40}? (?:on |late |early )*$/i;

/** "a fourth victim died in hospital on Friday": the date of a death, not of the incident. */
const DIED_ON = /\b(?:died|succumbed|passed away)(?: [\w-]+){0,4}? (?:on |late |early )*$/i;

/** "the death toll rose to 22 on Monday": the date of a new figure, not of the incident. */
const TOLL_UPDATE =
  /\b(?:rose|risen|climbed|increased|reached|jumped|stood|stands) (?:to|at) [\w,.-]+(?: people| dead)? (?:on |late |early )*$/i;

/** A date at the very start of the text equal to the publication date: the report's dateline. */
function isDateline(doc: Doc, m: Mention): boolean {
  return m.start < 40 && (m.value as DateValue).value === doc.published;
}

/**
 * A report that gives no date for its event is dated by its dateline (a leading date equal to the
 * publication date): news reports the day's events.
 */
function datelineDate(
  doc: Doc,
  signals: SentenceSignals[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  const first = signals[0];
  const m = first?.mentions.find((x) => x.kind === 'date' && isDateline(doc, x));
  return m && first ? { value: m.value as DateValue, sentence: first } : undefined;
}

/**
 * The place of the incident: the first city in its sentences, else a region, else a country. A
 * wire dateline ("QUETTA, Pakistan (AP) —") names where the reporter is: it is used only when the
 * text names no other place, or names only the region the dateline city is in ("EL PASO, Texas —
 * ... in Texas").
 */
/**
 * The incident's place: the most precise place its sentences name (a city, else a region, else a
 * country), its own sentences before the report's lead, the dateline last.
 */
function incidentLocation(
  dateline: { end: number; isCapital: (p: PlaceRef) => boolean },
  ...groups: SentenceSignals[][]
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  const levels: ((p: PlaceRef, m: Mention) => boolean)[] = [
    (p) => p.city !== undefined,
    (p) => p.admin1 !== undefined,
    (p, m) => m.ruleId !== 'places:demonym',
    () => true,
  ];
  const usable = (x: Mention, s: SentenceSignals, skipDateline: boolean): boolean => {
    const before = s.text.slice(0, x.start - s.start);
    const after = s.text.slice(x.end - s.start);
    return (
      x.kind === 'place' &&
      x.place !== undefined &&
      !(skipDateline && x.start < dateline.end) &&
      !OTHER_EVENT.test(before.slice(-12)) &&
      !ROUTE.test(after) &&
      !STREET.test(after) &&
      !(x.ruleId === 'places:demonym' && NATIONALITY.test(after.slice(0, 30))) &&
      !(skipDateline && ORIGIN.test(before.slice(-40))) &&
      !BORDER.test(before.slice(-24)) &&
      !/\bbetween $/.test(before.slice(-9)) &&
      !DISTANCE_FROM.test(before.slice(-60))
    );
  };
  const capitalNamed = groups
    .flat()
    .some((s) => /\bthe (?:country's |nation's )?capital\b(?! of)/i.test(s.text));
  const datelineCity = groups
    .flat()
    .flatMap((s) => s.mentions.map((x) => ({ x, s })))
    .find(({ x }) => x.kind === 'place' && x.start < dateline.end && x.place?.city !== undefined);
  // The most precise place first; at each level, the incident's own sentences before the fallbacks;
  // a nationality ("Israeli citizenship") only when neither they nor the dateline name a place.
  for (const skipDateline of [true, false]) {
    for (const level of skipDateline ? levels.slice(0, -1) : levels) {
      for (const sentences of groups) {
        for (const s of sentences) {
          const m = s.mentions.find((x) => usable(x, s, skipDateline) && level(x.place!, x));
          if (!m?.place) continue;
          // "KARACHI, Pakistan (AP) — … at the University of Karachi": a report that names only
          // the region or the country takes its dateline's city there — unless the dateline is the
          // capital, where agencies file from whatever happened in the country, and the report
          // does not say "in the capital".
          const d = datelineCity?.x.place;
          if (
            d &&
            !m.place.city &&
            (m.place.admin1 ? d.admin1 === m.place.admin1 : !dateline.isCapital(d) || capitalNamed) &&
            d.countryCode === m.place.countryCode
          )
            return { place: d, sentence: datelineCity.s };
          return { place: m.place, sentence: s };
        }
      }
    }
  }
  return undefined;
}

/**
 * "Saturday night's bombings on Bali", in a report filed from Jakarta that names Jakarta: the
 * region the attack words name wins over a city elsewhere; a city inside it that an event sentence
 * names wins over both (not "the hospital in Denpasar").
 */
function attackPhraseRegion(
  doc: Doc,
  lead: SentenceSignals | undefined,
  sentences: SentenceSignals[],
  listed: { place: PlaceRef; sentence: SentenceSignals } | undefined,
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  if (!lead || !listed?.place.city) return undefined;
  const region = lead.mentions.find(
    (m) =>
      m.kind === 'place' &&
      m.place !== undefined &&
      m.place.city === undefined &&
      m.place.admin1 !== undefined &&
      ATTACK_PLACE.test(doc.text.slice(Math.max(lead.start, m.start - 30), m.start)),
  )?.place;
  if (!region || region.admin1 === listed.place.admin1) return undefined;
  for (const s of sentences.filter((x) => x.score >= EVENT_THRESHOLD))
    for (const m of s.mentions)
      if (m.kind === 'place' && m.place?.city && m.place.admin1 === region.admin1)
        return { place: m.place, sentence: s };
  return { place: region, sentence: lead };
}

/** The words before a place the attack words name: "bombings on ", "the attack in ". */
const ATTACK_PLACE = new RegExp(`\\b(?:${ATTACK_NOUNS}) (?:on|in) (?:the )?$`, 'i');

/**
 * "OKLAHOMA CITY — Federal agents charged McVeigh with the bombing of the federal building here":
 * the lead places its attack at the dateline's city.
 */
function hereAtDateline(
  doc: Doc,
  lead: SentenceSignals | undefined,
  signals: SentenceSignals[],
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  if (!lead || !/\bhere\b/i.test(lead.text)) return undefined;
  const end = datelineEnd(doc.text);
  const first = signals[0];
  const m = first?.mentions.find((x) => x.kind === 'place' && x.start < end && x.place?.city !== undefined);
  return m?.place && first ? { place: m.place, sentence: first } : undefined;
}

/** "the Jammu-Srinagar highway": a place naming a route, not where the incident was. */
const ROUTE = /^-[A-Z][\w'’-]* (?:highway|road|motorway|expressway|railway|pipeline)\b/;

/** "a Tunisian man", "the Moroccan suspect": a person's nationality, not where anything happened. */
const NATIONALITY =
  /^[- ](?:[\w-]+ )?(?:man|woman|men|women|national|nationals|citizen|citizens|suspect|suspects|immigrant|immigrants|migrant|migrants|asylum[- ]seeker|driver|student|tourists?|worker|workers|father|mother|brother|sister|parents|origin|descent|-born|born)\b/i;

/**
 * "a man from Leeds", "Hodgkinson, 66, of Belleville", "five friends from Rosario, Argentina":
 * where someone comes from, used only when no other place is named.
 */
const ORIGIN = /\b(?:from|\d+, of) (?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, )?$/;
/**
 * "the apartment block on Kashirskoye highway", "Baker Street": a road named after a place (not
 * "a crowded São Paulo street", a street in the city).
 */
const STREET = /^ (?:highway|motorway|expressway|Street|Road|Avenue|Boulevard|Highway|Lane)\b/;
/** "Karak, about 120 km (75 miles) south of Amman": a reference point, not the place. */
const DISTANCE_FROM =
  /\b(?:km|kilometres|kilometers|miles)\b(?:\s*\([^)]*\))?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+$/i;

/** "near the border with Niger": the neighbouring country is not where the incident was. */
const BORDER = /\b(?:border|frontier|borders) (?:with )?$/i;

/** "the 2005 London bombings": a place after a year names another, earlier event. */
const OTHER_EVENT = /\b(?:1[89]|20)\d\d\s+$/;

/**
 * "the village of Mukondi", "the settlement of Eli", "at Koshobe, a farming village", "the base at
 * Inates": a named place the sentence gives as such.
 */
const NAMED_PLACE =
  /\b(?:town|village|city|settlement|district|hamlet|camp|locality|area) of ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})|\b(?:at|in) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2}), an? (?:[\w-]+ ){0,2}(?:village|town|hamlet|settlement)\b|\b(?:base|camp|barracks|outpost|property|farm|plant|complex|compound) (?:at|in|near) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})/;

/**
 * An attack in a town the gazetteer does not list (GeoNames holds places above 1,000 people): the
 * town's name as the text gives it, with the coordinates of its region or country, marked
 * approximate — rather than another city the report happens to name.
 */
function unlistedPlace(
  events: SentenceSignals[],
): { place: PlaceRef; sentence: SentenceSignals } | undefined {
  for (const s of events) {
    const m = NAMED_PLACE.exec(s.text);
    const name = m?.slice(1).find((g) => g !== undefined);
    if (!m || !name) continue;
    const start = s.start + m.index + m[0].indexOf(name);
    const places = s.mentions.filter((x) => x.kind === 'place' && x.place);
    // A listed city is no unlisted town; a region of that name ("the city of Karak", capital of
    // Karak governorate) is the town's region.
    if (places.some((x) => x.start < start + name.length && start < x.end && x.place!.city !== undefined))
      continue;
    const region =
      places.find((x) => x.place!.admin1 && !x.place!.city) ??
      places.find((x) => !x.place!.city) ??
      places[0];
    if (!region?.place) continue;
    const { country, countryCode, lat, lon, admin1 } = region.place;
    return {
      place: { city: name, ...(admin1 ? { admin1 } : {}), country, countryCode, lat, lon, approximate: true },
      sentence: s,
    };
  }
  return undefined;
}

/**
 * A follow-up report months later ("the most wanted suspect in the November 13 Paris attacks was
 * captured on Friday") dates its undated main incident by the attack its lead names, else by the
 * date it gives "the attack" further down.
 */
function leadAttackDate(
  signals: SentenceSignals[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  for (const s of signals.slice(0, 2)) {
    const m = s.earlierAttackDates[0];
    if (m) return { value: m.value as DateValue, sentence: s };
  }
  // Else the date the report gives "the attack" further down ("a month after the attack in June last year").
  const later = signals.find((s) => s.earlierAttackDates.length > 0 && ANAPHORIC_ATTACK.test(s.text));
  return later ? { value: later.earlierAttackDates[0]!.value as DateValue, sentence: later } : undefined;
}

/**
 * A report whose own sentences do not date its attack ("police were hunting for two brothers
 * suspected of killing 12 people") may name it further down: "no link to Wednesday's attack".
 */
function namedAttackDate(
  signals: SentenceSignals[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  for (const s of signals) {
    if (!ANAPHORIC_ATTACK.test(s.text)) continue;
    const cue = s.cues.find((c) => c.date && (c.date.value as DateValue).precision === 'day');
    if (cue?.date) return { value: cue.date.value as DateValue, sentence: s };
  }
  return undefined;
}

/**
 * An undated lead ("Venezuela said it had arrested six people over an attempt to kill the
 * president") dated by the next sentences that give a day after attack words of any kind: "Two
 * drones carrying explosives blew up near the stage on Saturday evening".
 */
function cueDate(
  doc: Doc,
  signals: SentenceSignals[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  for (const s of signals.slice(0, 4)) {
    if (isPast(s, doc.published)) continue;
    const m = eventDates(doc, s).find(
      (x) => (x.value as DateValue).precision === 'day' && inViolentClause(doc, s, x, true),
    );
    if (m) return { value: m.value as DateValue, sentence: s };
  }
  return undefined;
}

/** End of a wire-style dateline at the start of the text ("MOGADISHU, Somalia (AP) — "), or 0. */
function datelineEnd(text: string): number {
  const m =
    /^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*(?:\([\w .]{1,20}\))?\s*[—–-]{1,2}\s/.exec(
      text,
    );
  return m ? m[0].length : 0;
}

/** Target types named near the attack words of the event sentences, with their words. */
function incidentTargets(
  doc: Doc,
  sentences: SentenceSignals[],
): { type: string; text: string; sentence: SentenceSignals }[] {
  const out: { type: string; text: string; sentence: SentenceSignals; at: number }[] = [];
  for (const s of sentences.slice(0, 3)) {
    const attackAt = s.cues[0]?.start ?? s.start;
    for (const t of TARGET_CUES) {
      const m = t.re.exec(s.text);
      if (!m || out.some((o) => o.type === t.type)) continue;
      const start = s.start + m.index;
      // Generic "people" ranks after any specific target in the same sentences.
      const generic = t.type === 'Private Citizens & Property' ? 500 : 0;
      out.push({
        type: t.type,
        text: nounPhrase(doc, start, start + m[0].length),
        sentence: s,
        at: Math.abs(start - attackAt) + s.index * 1000 + generic,
      });
    }
  }
  return out.sort((a, b) => a.at - b.at).slice(0, 3);
}

/** The target word with the determiners, numbers and adjectives before it ("two mosques"). */
function nounPhrase(doc: Doc, start: number, end: number): string {
  let i = doc.tokens.findIndex((t) => t.start >= start);
  let from = start;
  for (let k = 0; k < 3 && i > 0; k++) {
    const t = doc.tokens[i - 1]!;
    if (
      !['DET', 'NUM', 'ADJ', 'PROPN', 'NOUN'].includes(t.pos) ||
      /^(?:the|a|an)$/i.test(doc.text.slice(t.start, t.end))
    ) {
      if (/^(?:the|a|an)$/i.test(doc.text.slice(t.start, t.end))) from = t.start;
      break;
    }
    from = t.start;
    i--;
  }
  return doc.text.slice(from, end);
}

function sameParagraph(doc: Doc, a: SentenceSignals, b: SentenceSignals): boolean {
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  return !doc.text.slice(x.end, y.start).includes('\n');
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const k = `${e.field}:${e.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
