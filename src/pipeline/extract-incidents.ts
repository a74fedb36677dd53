import { dateRange, datesEarlierEvent, dayNumber, rangeGap } from './date-range.js';
import type { DateValue, Doc, Mention } from '../doc.js';
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
  ANAPHORIC_ATTACK,
  ATTACK_NOUNS,
  CAMPAIGN,
  CRIME,
  FICTION,
  NOT_AN_ATTACK,
  NOT_TERRORISM,
  SPORT,
  PAST_ATTRIBUTION,
  POLICE_FIRE,
  POLITICAL_CONTEXT,
  RECALLED,
  STATE_STRIKE,
  UNREST,
} from './lexicons/incident-cues.js';
import { STATEMENT_CUES } from './lexicons/statement-cues.js';
import { TARGET_CUES } from './lexicons/target-types.js';
import { EVENT_THRESHOLD, type SentenceSignals } from './sentence-signals.js';
import {
  cueDate,
  datelineDate,
  eventDates,
  incidentDate,
  inRelativeClause,
  inViolentClause,
  isPast,
  isRecent,
  leadAttackDate,
  namedAttackDate,
  refinedDay,
  RELATIVE_CLAUSE,
  withinTwoYears,
} from './incident-date.js';
import {
  attackPhraseRegion,
  type Capitals,
  datelineEnd,
  hereAtDateline,
  incidentLocation,
  NO_CAPITALS,
  unlistedPlace,
} from './incident-place.js';
import { killsProminentPerson } from './prominent-victim.js';

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
  capitals: Capitals = NO_CAPITALS,
): IncidentMention[] {
  signals = withLeadEvents(signals);
  const aftermath = signals.filter((s) => s.aftermath).length >= 2;
  let clusters = clusterEvents(doc, signals);
  const main = clusters[0]?.role === 'main' ? clusters[0] : undefined;
  if (main && aftermath) clusters = withRestatement(doc, main, clusters);
  if (main) clusters.push(...splitOtherDays(doc, main));
  const build = (): IncidentMention[] =>
    clusters.map((c, i) => {
      const others = new Set(clusters.flatMap((o) => (o === c ? [] : o.sentences)));
      return buildIncident(doc, c, kb, `${doc.id}:i${i + 1}`, signals, capitals, others);
    });
  let incidents = build();
  // A follow-up names its attack coarsely in the lead ("last July's bombing") and tells it further
  // down ("The blast at Burgas airport on July 18 killed five"): one incident, not two.
  if (main) {
    const told = clusters.filter((c, i) => c.role === 'background' && retells(incidents[0]!, incidents[i]!));
    // "The Aug. 19 attack killed 22 people", in an October report on the August bombing: a sentence
    // of no incident whose named attack falls within the main incident's date tells it.
    const range = incidents[0]?.date ? dateRange(incidents[0].date) : undefined;
    const held = new Set(clusters.flatMap((c) => c.sentences));
    const retold = range
      ? signals.filter(
          (s) =>
            !held.has(s) &&
            (s.harm || s.cues.length > 0) &&
            s.earlierAttackDates.length > 0 &&
            s.earlierAttackDates.every((m) => {
              const d = dateRange(m.value as DateValue);
              return d !== undefined && d[0] >= range[0] && d[1] <= range[1];
            }),
        )
      : [];
    if (told.length > 0 || retold.length > 0) {
      absorb(main, [...told, { sentences: retold, role: 'background' }]);
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

/** A claim of responsibility, as the statement stage reads it ("said a unit of its fighters attacked"). */
const CLAIM_CUE = STATEMENT_CUES.find((c) => c.type === 'claim-of-responsibility')!.re;

/**
 * Whether a background incident retells the main one: its day is the main incident's or falls
 * within its coarser date (or the main incident's day within its own), in the same place (or an
 * unplaced one), with a compatible type.
 */
function retells(main: IncidentMention, other: IncidentMention): boolean {
  if (main.role !== 'main' || !main.date || !other.date) return false;
  // One day inside the other's coarser date: "last month's bombing" and "on January 24".
  const [day, coarse] =
    other.date.precision === 'day'
      ? [other.date, main.date]
      : main.date.precision === 'day'
        ? [main.date, other.date]
        : [];
  const range = coarse && dateRange(coarse);
  const d = day && dayNumber(day.value);
  if (!range || d === undefined || d < range[0] || d > range[1]) return false;
  const [a, b] = [main.location, other.location];
  if (a && b && (a.countryCode !== b.countryCode || (a.city && b.city && a.city !== b.city))) return false;
  // The main incident's day inside a background's month needs the same type, not an unknown one.
  if (other.date.precision !== 'day') return main.type === other.type && main.type !== 'Unknown';
  return main.type === other.type || main.type === 'Unknown' || other.type === 'Unknown';
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
    absorb(main, [c]);
    return false;
  });
}

/** The sentences of `others` join the main cluster, in the order of the text. */
function absorb(main: Cluster, others: Cluster[]): void {
  main.sentences = [...main.sentences, ...others.flatMap((c) => c.sentences)].sort(
    (a, b) => a.index - b.index,
  );
}

/**
 * Event sentences of the main cluster whose attack words carry another day than the incident's
 * ("On October 24, a suicide bomber killed 24 people", in a report on a November attack) report
 * attacks of their own: taken out of it, each a background incident.
 */
function splitOtherDays(doc: Doc, main: Cluster): Cluster[] {
  const date = incidentDate(doc, main.sentences, []);
  // A day, or a month ("in August") that other days fall outside ("on Sept. 22").
  const range = date && ['day', 'month'].includes(date.value.precision) ? dateRange(date.value) : undefined;
  if (!date || !range) return [];
  const otherDay = (s: SentenceSignals): boolean => {
    // "a suicide bomber killed 24 people on October 24", or "On October 24, a suicide bomber …".
    const leading = (m: Mention): boolean =>
      /^\W*(?:(?:late |early )?on\s+)?$/i.test(doc.text.slice(s.start, m.start));
    const days = eventDates(doc, s).filter(
      (m) => (m.value as DateValue).precision === 'day' && (inViolentClause(doc, s, m) || leading(m)),
    );
    return (
      days.length > 0 &&
      days.every((m) => {
        const d = dayNumber((m.value as DateValue).value);
        return d < range[0] - 1 || d > range[1] + 1;
      })
    );
  };
  const others = main.sentences.filter(
    (s) => s !== date.sentence && s.score >= EVENT_THRESHOLD && otherDay(s),
  );
  // The sentences after a split-off event in its paragraph, up to the next event, tell it further
  // ("On Saturday night, two soldiers were shot dead … Two others were wounded.").
  const split = others.map((s): Cluster => {
    const told = main.sentences.filter(
      (t) =>
        t.index > s.index &&
        sameParagraph(doc, s, t) &&
        !main.sentences.some((e) => e.score >= EVENT_THRESHOLD && e.index > s.index && e.index <= t.index),
    );
    return { sentences: [s, ...told], role: 'background' };
  });
  const moved = new Set(split.flatMap((c) => c.sentences));
  main.sentences = main.sentences.filter((s) => !moved.has(s));
  return split;
}

/**
 * Whether a sentence outside the incident's cluster may speak of it: it recalls nothing (a
 * relative clause on a group, "who have been fighting since 1983", does not count), and its dates
 * are recent or the incident's own (a claim published months after the attack, "his fighters had
 * carried out the attack … on Oct. 4").
 */
function aboutThisIncident(doc: Doc, s: SentenceSignals, date: DateValue | undefined): boolean {
  if (RECALLED.test(s.text.replace(RELATIVE_CLAUSE, ''))) return false;
  const dates = s.mentions.filter((m) => m.kind === 'date' && !inRelativeClause(s, m));
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

/** A headline that reports an attack: a violent attack cue, no accident cue, no state's strike, nothing recalled. */
function titleReportsAttack(title: string): boolean {
  const past =
    RECALLED.test(title) || AFTERMATH.test(title) || /\b(?:years|months) (?:since|after)\b/i.test(title);
  return (
    ATTACK_CUES.some((c) => c.violent && c.re.test(title)) &&
    !NOT_AN_ATTACK.test(title) &&
    !SPORT.test(title) &&
    // "U.S. jets bomb Libya": a state's strike, not a terrorist attack.
    !STATE_STRIKE.test(title) &&
    !past
  );
}

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

/** Politicians or a legislature attacked: "opened fire on Republican lawmakers practicing for a baseball game", "opened fire inside Quebec's National Assembly". */
const POLITICAL_TARGET =
  /\b(?:fire|attack(?:ed|s)?|shot|shooting|stabb(?:ed|ing)|bomb(?:ed|ing)?|killed|targeted|targeting) (?:on |at )?(?:(?:a|the|two|three|several) )?(?:[\w-]+ ){0,2}?(?:lawmakers|politicians|congressm[ae]n|congresswom[ae]n|MPs|senators|ministers|(?:presidential|election) candidates?|parliamentarians)\b|\b(?:fire|shot|shooting|attack(?:ed)?|stormed|bomb(?:ed|ing)?)\b[^.]{0,40}\b(?:inside|in|at|on|into) (?:the )?(?:[\w'’-]+ ){0,2}?(?:National Assembly|[Pp]arliament|[Ll]egislature|Congress|Capitol|Bundestag|Knesset|Duma)\b/;

/** A plot, foiled or charged: what was planned, not done. */
const PLOT = /\b(?:plot(?:s|ted|ting)?|conspiracy|conspiring|foiled|thwarted)\b/i;

/** A device that did not go off: found, defused, made safe. */
const DEFUSED =
  /\b(?:defused|made safe|unexploded|failed to (?:explode|detonate|go off)|did not (?:explode|detonate|go off)|controlled explosion|bomb squad|found (?:an? |two |three |several )?(?:[\w-]+ ){0,2}?(?:bombs?|devices?|explosives)|(?:bombs?|devices?|explosives) (?:was|were) (?:found|discovered))\b/i;

/** A sentence that says who was behind an attack. */
const ATTRIBUTION =
  /\b(?:blamed|behind|responsible|carried out|claimed|suspected|accused|belonged|members? of)\b/i;

/** Event sentences further apart than this many sentences report different incidents. */
const EVENT_GAP = 8;

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
  capitals: Capitals,
  otherIncidents: Set<SentenceSignals>,
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
  // Gunmen who storm a place and end it with their own explosives, or throw grenades as they fire,
  // commit an armed assault: the report's first account of the attack shows the method (gunfire,
  // grenades at most), the explosions come second.
  const first = acted[0] ?? events[0];
  const bombingWords = (s: SentenceSignals): boolean =>
    s.cues.some(
      (c) => c.cue.type === 'Bombing/Explosion' && !/^grenades?$/i.test(doc.text.slice(c.start, c.end)),
    );
  if (
    types[0] === 'Bombing/Explosion' &&
    types.includes('Armed Assault') &&
    first?.cues.some((c) => c.cue.type === 'Armed Assault') &&
    !bombingWords(first)
  )
    types = ['Armed Assault', ...types.filter((t) => t !== 'Armed Assault')];
  const type = types[0]!;
  if (found.get(type)) evidence.push(ev('type', found.get(type)!));

  const weapons: string[] = [];
  // In the order the text names them ("opened fire with rifles and grenades": firearms first);
  // "gunmen" names the attackers, not what they used first ("gunmen detonated explosives").
  for (const s of events) {
    const at = (start: number, word: string): number => (/^gunm[ae]n$/i.test(word) ? s.end : start);
    const named: [number, string][] = s.cues.flatMap((c) =>
      c.cue.weapon ? [[at(c.start, doc.text.slice(c.start, c.end)), c.cue.weapon]] : [],
    );
    for (const w of WEAPON_CUES) {
      const m = w.re.exec(s.text);
      if (m) named.push([at(s.start + m.index, m[0]), w.weapon]);
    }
    for (const [, w] of named.sort((a, b) => a[0] - b[0])) if (!weapons.includes(w)) weapons.push(w);
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
  const datelineAt = datelineEnd(doc.text);
  const listed = incidentLocation(
    { end: datelineAt, capitals },
    sentences,
    cluster.role === 'main' ? signals.slice(0, 3) : [],
  );
  // A place only the dateline gives yields to a town an event sentence names that the gazetteer lacks.
  const onlyAtDateline =
    listed !== undefined &&
    listed.sentence.mentions.some(
      (m) => m.kind === 'place' && m.place === listed.place && m.start < datelineAt,
    );
  const location =
    hereAtDateline(doc, cluster.role === 'main' ? events[0] : undefined, signals) ??
    attackPhraseRegion(doc, events[0], sentences, listed) ??
    unlistedPlace(events.slice(0, 1)) ??
    (listed?.place.city === undefined || onlyAtDateline
      ? unlistedPlace(
          sentences.filter((s) => s !== events[0] && s.cues.length > 0),
          listed && { ...listed.place, admin1: undefined },
        )
      : undefined) ??
    listed;
  if (location) evidence.push(ev('location', location.sentence));

  const targets = incidentTargets(doc, events.length > 0 ? events : sentences);
  if (targets.length > 0) evidence.push(ev('targets', targets[0]!.sentence));

  const casualties = extractCasualties(doc.text, sentences);
  evidence.push(...casualties.evidence);
  // Who did it is often said apart from the attack: "The attack has been blamed on the banned
  // Communist Party of India (Maoist)", "there was no doubt that ETA was responsible" — but not in
  // the sentences that tell another incident ("The Real IRA said it was behind that attack").
  const attributions =
    cluster.role === 'main'
      ? signals.filter(
          (s) =>
            !sentences.includes(s) &&
            !otherIncidents.has(s) &&
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
  // Harm done: a toll above zero ("No one was hurt" is none; "plotting to kill" is no toll).
  const hurt = [casualties.killed, casualties.wounded].some(
    (c) => c !== null && ('value' in c ? c.value : c.max) > 0,
  );
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
  // An accident in the incident's sentences, or in the report's lead when it speaks of the same
  // thing ("bomb disposal experts blew up a Second World War bomb").
  const leadAccident =
    cluster.role === 'main' &&
    signals[0]?.accident === true &&
    signals[0].cues.some((c) => types.includes(c.cue.type));
  if (events.some((s) => s.accident) || leadAccident) confidence -= 0.25;
  // A plot that harmed no one ("Six charged in plot to attack soldiers") is not an attack.
  if (cluster.role === 'main' && !hurt && [doc.title ?? '', signals[0]?.text ?? ''].some((t) => PLOT.test(t)))
    confidence -= 0.3;
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
 * A lead that reports harm done with attack words ("An explosion destroyed an apartment building
 * …, killing at least 45 people") reports the event when the report speaks of terrorism: it
 * counts as an event sentence — unless it reports a statement about an attack ("calls for revenge
 * over the Graz mosque shooting") or recalls one.
 */
function withLeadEvents(signals: SentenceSignals[]): SentenceSignals[] {
  // A quoted call or threat ("Strike them in their streets, with knives and with cars") is speech,
  // not an attack.
  signals = signals.map((s) => (OPENING_QUOTED_CALL.test(s.text) ? { ...s, score: 0 } : s));
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
const OPENING_QUOTED_CALL =
  /^\s*["“](?:strike|kill|attack|slaughter|burn|take revenge|avenge|rise up|fight|we call|we will|we shall)\b/i;

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
