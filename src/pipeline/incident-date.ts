import type { DateValue, Doc, Mention } from '../doc.js';
import { parseNumber } from './annotate-quantities.js';
import { dateRange, datesEarlierEvent, dayNumber, daysSinceEnd, isoDay } from './date-range.js';
import { ANAPHORIC_ATTACK, POLICE_FIRE } from './lexicons/incident-cues.js';
import { EVENT_THRESHOLD, type SentenceSignals } from './sentence-signals.js';

// When an incident happened: which dates of its sentences date the attack (not the news of the
// day, a court's, a death's or a statement's), and the fallbacks for a report that dates it only
// by the attack it names.

/**
 * A sentence about earlier events: it recalls them, or all its dates are of earlier years and
 * long past (a report in January of the December 30 bombing is about it).
 */
export function isPast(s: SentenceSignals, published: string | undefined): boolean {
  if (s.recalled) return true;
  // "the royal government, which seized full power in February, called it terrorism": a date of
  // the clause describing someone does not date the sentence's event.
  const dates = s.mentions.filter((m) => m.kind === 'date' && !inRelativeClause(s, m, true));
  return dates.length > 0 && dates.every((m) => datesEarlierEvent(m.value as DateValue, published));
}

/** ", who have been fighting for a homeland since 1983": a relative clause describing someone. */
export const RELATIVE_CLAUSE = /,\s+(?:who|which)\s[^,.;]*/g;

/** Whether a mention lies in a relative clause of its sentence (one without attack words, if `quiet`). */
export function inRelativeClause(s: SentenceSignals, m: Mention, quiet = false): boolean {
  for (const c of s.text.matchAll(RELATIVE_CLAUSE)) {
    const [a, b] = [s.start + c.index, s.start + c.index + c[0].length];
    if (m.start >= a && m.end <= b && !(quiet && s.cues.some((x) => x.start >= a && x.end <= b))) return true;
  }
  return false;
}

/** A date within a week before publication: the news of the day, in an aftermath report. */
export function isRecent(date: DateValue, published: string | undefined): boolean {
  return (daysSinceEnd(date, published) ?? Infinity) <= 7;
}

/** A date less than two years before publication (an undated incident is not known to be recent). */
export function withinTwoYears(date: DateValue | null, published: string | undefined): boolean {
  const days = date ? daysSinceEnd(date, published) : undefined;
  return days !== undefined && days < 730;
}

/**
 * The dates of a sentence that may date an event: not the dateline, a statement's ("said on
 * Monday"), a new toll's, a court's decision, or a day after publication (a coming event).
 */
export function eventDates(doc: Doc, s: SentenceSignals, ends = false): Mention[] {
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

/**
 * The incident's date: the date its first event sentence gives the attack phrase, else the most
 * precise date stated in its sentences (not the article's dateline), else in `harmSentences`.
 */
export function incidentDate(
  doc: Doc,
  sentences: SentenceSignals[],
  harmSentences: SentenceSignals[],
  ends = false,
): { value: DateValue; sentence: SentenceSignals } | undefined {
  const rank = { day: 0, week: 1, month: 2, year: 3 } as const;
  // The most precise date of the event sentences, else of the other sentences; among equally
  // precise ones the earliest (an attack precedes the statements and the aftermath reported with it).
  const events = sentences.filter((s) => s.score >= EVENT_THRESHOLD);
  // Each sentence's dates are read once: the tiers below and the refinement ask for them again.
  const read = new Map<SentenceSignals, Mention[]>();
  const dates = (s: SentenceSignals): Mention[] => {
    let ms = read.get(s);
    if (!ms) read.set(s, (ms = eventDates(doc, s, ends)));
    return ms;
  };
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
      dates,
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
  // The first of `among` that gives a day `dated` accepts, with that day.
  const firstDay = (
    among: SentenceSignals[],
    dated: (s: SentenceSignals, m: Mention) => boolean,
  ): [SentenceSignals, Mention[]][] => {
    for (const s of among) {
      const m = ownDates(s).find((x) => (x.value as DateValue).precision === 'day' && dated(s, x));
      if (m) return [[s, [m]]];
    }
    return [];
  };
  // "replaced his interior minister on Tuesday, a day after militants massacred 58 tourists".
  const before = lead ? daysBefore(doc, lead, dates(lead)) : undefined;
  if (before) return before;
  // Then the weekday the incident's sentences give an attack word ("Saturday's blast", further down
  // a report whose lead dates a search) — not a date naming another attack ("the December 31 attack").
  const namedLater = sentences
    .map((s): [SentenceSignals, Mention[]] => [
      s,
      s.cues.flatMap((c) =>
        c.date && WEEKDAY_OWNS.test(doc.text.slice(c.date.start, c.date.end + 2)) && dates(s).includes(c.date)
          ? [c.date]
          : [],
      ),
    ])
    .find(([, ms]) => ms.length > 0);
  const tiers: [SentenceSignals, Mention[]][][] = [
    lead ? [[lead, leadClause.slice(0, 1)]] : [],
    // Then the first event sentence that dates its attack words: a later one ("On October 24, a
    // suicide bomber killed 24 people") more likely recalls another attack than dates this one.
    firstDay(events, (s, m) => inViolentClause(doc, s, m)),
    // Then the first that dates an attack word of any kind ("The bomb, packed into a water tanker,
    // exploded on Saturday evening"), before the earliest day of any event sentence.
    firstDay(events, (s, m) => inViolentClause(doc, s, m, true)),
    namedLater ? [[namedLater[0], namedLater[1].slice(0, 1)]] : [],
    events.map((s) => [s, ownDates(s)]),
    sentences.map((s) => [s, ownDates(s)]),
    harmSentences.map((s) => [s, ownDates(s)]),
  ];
  for (const tier of tiers) {
    let best: { value: DateValue; sentence: SentenceSignals } | undefined;
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
    // "last week's bombing … on April 28": a day inside a coarser date refines it.
    if (best) return refinedDay(best, sentences, ownDates, doc.published);
  }
  // Only the day a siege ended ("the school siege ended in explosions on Friday"): better than none.
  return ends ? undefined : incidentDate(doc, sentences, harmSentences, true);
}

/** "Saturday's": a weekday that owns what follows. */
const WEEKDAY_OWNS = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s$/;

const DAYS_AFTER = /^[^.;]{0,60}?\b(a|one|two|three|four|five) days? after\b/i;

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
    const count = /^a$/i.test(after[1]!) ? 1 : parseNumber(after[1]!)!.value;
    const day = dayNumber(v.value) - count;
    return { value: { value: isoDay(day), precision: 'day' }, sentence: s };
  }
  return undefined;
}

/**
 * A week, month or year made precise by the one day inside it that the incident's sentences give
 * an attack ("the April 2 attack"), else that its sentences with attack words give ("last week's
 * bombing of a cafe", then "left it in the cafe … on April 28"); several such days leave it as it
 * is, and so does the day of the report or the day before (its news: "a statement posted on
 * Friday").
 */
export function refinedDay(
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
export function inViolentClause(doc: Doc, s: SentenceSignals, m: Mention, anyCue = false): boolean {
  const before = doc.text.slice(s.start, m.start);
  const start = s.start + Math.max(-1, ...[...before.matchAll(/[,;:—–]/g)].map((x) => x.index)) + 1;
  return s.cues.some(
    (c) => (anyCue || c.cue.violent) && !c.cue.describesPerson && c.start >= start && c.end <= m.start,
  );
}

/** "said on Saturday": the date of a statement about the incident, not of the incident. */
const SAID_ON =
  /\b(?:said|says|announced|told reporters|stated|confirmed|claimed responsibility|claimed (?:the |this |that )?(?:[\w-]+ )?(?:attacks?|bombings?|shootings?|killings?|operation)|released|issued|posted|published)(?: late| early)? (?:on )?$/i;

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
export function datelineDate(
  doc: Doc,
  signals: SentenceSignals[],
): { value: DateValue; sentence: SentenceSignals } | undefined {
  const first = signals[0];
  const m = first?.mentions.find((x) => x.kind === 'date' && isDateline(doc, x));
  return m && first ? { value: m.value as DateValue, sentence: first } : undefined;
}

/**
 * A follow-up report months later ("the most wanted suspect in the November 13 Paris attacks was
 * captured on Friday") dates its undated main incident by the attack its lead names, else by the
 * date it gives "the attack" further down.
 */
export function leadAttackDate(
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
export function namedAttackDate(
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
export function cueDate(
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
