import type { DateValue, Doc, Mention, QuoteValue } from '../doc.js';
import type { KbEntry } from '../kb/kb-schema.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { ActorRef, Evidence, IncidentMention, StatementMention } from './extraction.js';
import { actorRef } from './incident-actors.js';
import { STATE_STRIKE } from './lexicons/incident-cues.js';
import {
  DONE_IN_REVENGE,
  FUTURE_REVENGE,
  GIVEN_MOTIVE,
  MEDIUM_CUES,
  NEGATED_CLAIM,
  OFFICIAL_SPEAKER,
  STATEMENT_CUES,
  WARNING_TOPIC,
  type StatementType,
} from './lexicons/statement-cues.js';
import type { SentenceSignals } from './sentence-signals.js';

/** Calls inside quoted words: "kill them wherever you find them", "take revenge". */
const QUOTED_CALL =
  /\b(?:kill (?:them|the|every|all|any)|attack (?:them|their|the)|take revenge|avenge|slaughter|strike (?:them|their|at)|rise up and|wage jihad|target (?:them|their))\b/i;
const QUOTED_THREAT =
  /\b(?:we will (?:strike|attack|kill|target|avenge|fight|come for|continue (?:our|the) (?:actions|attacks|operations|struggle|jihad))|will be met with (?:a )?(?:severe|strong|harsh|crushing|decisive) (?:response|retaliation)|you will (?:pay|not be safe|never be safe)|more attacks|next target|coming soon|days? of (?:reckoning|vengeance)|will pay)\b/i;

/**
 * Statements a document reports: claims of responsibility, calls to violence, revenge
 * justifications, threats and warnings, from the sentence cues and the quoted words, with the
 * speaker (quote attribution, else the person, group or outlet before the cue), the organisation,
 * outlet, platform and medium, and the incidents they refer to.
 */
export function extractStatements(
  doc: Doc,
  signals: SentenceSignals[],
  incidents: IncidentMention[],
  kb: KnowledgeBase,
  invoked: Set<string> = new Set(),
): StatementMention[] {
  const out: StatementMention[] = [];
  const quotes = doc.mentions.filter((m) => m.kind === 'quote');
  // Statements are about political violence: the document reports some, or names its actors.
  const docContext = incidents.length > 0 || signals.some((x) => x.political);
  const last = new Map<StatementType, { statement: StatementMention; sentence: number }>();
  let spoken: { speaker: Speaker; sentence: SentenceSignals; attributedIn: SentenceSignals } | undefined;
  for (const s of signals) {
    const quote = quotes.find((q) => q.start < s.end && s.start < q.end);
    const quoteValue = quote?.value as QuoteValue | undefined;
    const inner = quoteValue ? doc.text.slice(quoteValue.inner.start, quoteValue.inner.end) : '';
    const types = new Set<StatementType>();
    for (const cue of STATEMENT_CUES) if (cue.re.test(s.text)) types.add(cue.type);
    // A reason given for an attack justifies it only from the attackers' side (settled in classify).
    const motiveOnly = !types.has('revenge-justification') && GIVEN_MOTIVE.test(s.text);
    if (motiveOnly) types.add('revenge-justification');
    if (inner && QUOTED_CALL.test(inner)) types.add('call-to-violence');
    if (inner && QUOTED_THREAT.test(inner)) types.add('threat');
    if (types.size === 0) {
      // An attributed quote still gives its speaker to an unattributed quote right after it.
      const own = quote ? findSpeaker(doc, s, quote, kb) : undefined;
      if (own) spoken = { speaker: own, sentence: s, attributedIn: s };
      continue;
    }
    // A quoted paragraph without attribution right after an attributed statement goes on with its speaker.
    const continued =
      quote && !doc.text.slice(s.start, quote.start).trim() && spoken?.sentence.index === s.index - 1
        ? spoken
        : undefined;
    const found = findSpeaker(doc, s, quote, kb);
    // "He warned …" right after someone spoke: the same speaker.
    const pronoun =
      (found === undefined
        ? /^\s*(?:He|She)\s+(?:also\s+)?(?:said|warned|added|threatened|urged|called|vowed|told|claimed)\b/.test(
            s.text,
          )
        : /^(?:he|she)$/i.test(found.ref.text ?? '')) &&
      spoken !== undefined &&
      s.index - spoken.sentence.index <= 2;
    const own = pronoun ? undefined : found;
    const speaker = own ?? (pronoun ? spoken?.speaker : continued?.speaker);
    const speakerSentence = own ? s : pronoun ? spoken!.attributedIn : (continued?.attributedIn ?? s);
    if (speaker) spoken = { speaker, sentence: s, attributedIn: speakerSentence };
    const { militant } = classify(types, s, speaker, quote !== undefined, docContext, kb);
    if (motiveOnly && !militant) types.delete('revenge-justification');

    const organization = organizationOf(s, speaker?.entry, kb);
    // "X also claimed the November 2009 bombing": a statement about another attack.
    const another = /\balso\b/i.test(s.text) || s.cues.some((c) => c.date);
    for (const type of types) {
      // The same statement over consecutive sentences ("X released a message. 'Kill them,' he said.") is one.
      const prev = last.get(type);
      // Another group's threat or call in the next sentence is another statement (a claim told over
      // two sentences may name the group, then its brigade or affiliate).
      const [before, now] = [prev?.statement.organization?.id, organization?.id];
      const otherGroup = type !== 'claim-of-responsibility' && !!before && !!now && before !== now;
      if (
        prev &&
        prev.sentence === s.index - 1 &&
        !otherGroup &&
        !(another && type === 'claim-of-responsibility')
      ) {
        prev.statement.evidence.push({ field: 'quote', start: s.start, end: s.end, text: s.text });
        if (
          !prev.statement.quote ||
          (inner &&
            prev.statement.quote.length > inner.length &&
            !doc.text.includes(`"${prev.statement.quote}"`))
        ) {
          if (inner) prev.statement.quote = inner;
        }
        prev.sentence = s.index;
        continue;
      }
      const evidence: Evidence[] = [{ field: 'type', start: s.start, end: s.end, text: s.text }];
      const outlet = s.mentions.find((m) => m.kind === 'outlet' && m.entity);
      const platform = s.mentions.find((m) => m.kind === 'platform' && m.entity);
      const medium = MEDIUM_CUES.find((c) => c.re.test(s.text))?.medium ?? null;
      const date = s.mentions.find((m) => m.kind === 'date')?.value as DateValue | undefined;
      if (speaker)
        evidence.push({
          field: 'speaker',
          start: speakerSentence.start,
          end: speakerSentence.end,
          text: speakerSentence.text,
        });
      const statement: StatementMention = {
        id: `${doc.id}:s${out.length + 1}`,
        type,
        speaker: speaker?.ref ?? null,
        organization,
        outlet: outlet?.entity ? actorRef(kb.byId.get(outlet.entity.id)!, outlet.text) : null,
        platform: platform?.entity ? actorRef(kb.byId.get(platform.entity.id)!, platform.text) : null,
        medium,
        date: date ?? null,
        quote: inner || paraphrase(s, type) || null,
        refersTo: refersTo(s, type, incidents, invoked),
        evidence,
        confidence: statementConfidence(type, speaker !== undefined, quote !== undefined, militant),
      };
      // A group's claim of one attack told twice in a report ("X has claimed responsibility … In a
      // letter, X said it had carried out the sabotage") is one claim.
      const same = out.find(
        (o) =>
          type === 'claim-of-responsibility' &&
          !another &&
          o.type === type &&
          organization !== null &&
          o.organization?.id === organization.id &&
          o.refersTo.join() === statement.refersTo.join(),
      );
      if (same) {
        same.evidence.push(...evidence.map((e) => (e.field === 'type' ? { ...e, field: 'quote' } : e)));
        if (inner && !doc.text.includes(`"${same.quote}"`)) same.quote = inner;
        same.speaker ??= statement.speaker;
        same.outlet ??= statement.outlet;
        same.platform ??= statement.platform;
        same.medium ??= statement.medium;
        continue;
      }
      out.push(statement);
      last.set(type, { statement, sentence: s.index });
    }
  }
  return out;
}

/**
 * Settle the statement types a sentence's cues suggest, by who speaks and what about:
 * a claim must not be denied; officials and experts warn, groups threaten; revenge is justified
 * for a done attack and called for (a call to violence) or threatened in the future; nothing
 * counts outside a context of political violence, or in sport and accidents.
 */
function classify(
  types: Set<StatementType>,
  s: SentenceSignals,
  speaker: Speaker | undefined,
  quoted: boolean,
  docContext: boolean,
  kb: KnowledgeBase,
): { militant: boolean } {
  // Political violence in the sentence: its context, its actors, or a violent act (not a verbal "attack").
  const context =
    s.political ||
    s.cues.some((c) => c.cue.violent) ||
    s.foretold ||
    s.harm ||
    s.mentions.some(
      (m) =>
        m.kind === 'group' ||
        m.kind === 'outlet' ||
        m.kind === 'platform' ||
        (m.kind === 'person' && m.entity),
    );
  const speakerText = speaker?.ref.text ?? '';
  // Without a known speaker, the noun phrase that opens the sentence speaks ("Anti-terrorist
  // officers warned that the IRA …"): a group named after it is what it spoke of.
  const subject = speaker ? '' : (SUBJECT.exec(s.text)?.[0] ?? '');
  // A group named after a named speaker's verb is what the speaker spoke of ("Khalid warned that
  // Islamic State militants had planned attacks"), not who spoke.
  const namedSpeaker =
    speaker !== undefined && /^[A-Z]\w+$/.test(speakerText.trim()) && !PRONOUN.test(speakerText.trim());
  const cueAt = namedSpeaker ? firstCueAt(s) : s.end;
  const militant = speaker?.entry
    ? isMilitant(speaker.entry, kb)
    : !OFFICIAL_SPEAKER.test(speakerText) &&
      !OFFICIAL_SPEAKER.test(subject) &&
      (s.mentions.some((m) => (m.kind === 'group' || m.kind === 'outlet') && m.start < cueAt) ||
        EXTREMIST_SPEAKER.test(speakerText));
  const official =
    !militant &&
    (OFFICIAL_SPEAKER.test(speakerText) || (!speaker && OFFICIAL_SPEAKER.test(s.text.slice(0, 80))));
  const drop = (t: StatementType): boolean => types.delete(t);

  if (NEGATED_CLAIM.test(s.text) || !(context || docContext)) drop('claim-of-responsibility');
  // Police saying "militants attacked" is no claim: officials claim only when they say so.
  if (official && !/\bclaim/i.test(s.text)) drop('claim-of-responsibility');
  // Sport ("we will attack from the first minute") and accidents: no statements but a group's.
  if (s.accident && !militant) {
    for (const t of [...types]) drop(t);
    return { militant };
  }
  if (types.has('threat') && official) {
    drop('threat');
    types.add('warning');
  }
  if (types.has('warning') && (militant || !WARNING_TOPIC.test(s.text))) {
    drop('warning');
    if (militant && WARNING_TOPIC.test(s.text)) types.add('threat');
  }
  if (types.has('revenge-justification')) {
    const future = FUTURE_REVENGE.test(s.text) && !DONE_IN_REVENGE.test(s.text);
    // A state justifying its own strike ("American warplanes struck …, and Reagan said the raids
    // were a response to") frames no terrorist attack.
    if (future || !context || STATE_STRIKE.test(s.text) || (official && !DONE_IN_REVENGE.test(s.text)))
      drop('revenge-justification');
    if (future && militant && !types.has('call-to-violence')) types.add('threat');
    if (future && official) types.add('warning');
  }
  if (types.has('call-to-violence') && ((official && !quoted) || !(context || docContext)))
    drop('call-to-violence');
  // Quoted words of threat in a report of political violence threaten, whoever is quoted.
  if (types.has('threat') && !(militant || context || (quoted && docContext))) drop('threat');
  return { militant };
}

interface Speaker {
  ref: ActorRef;
  entry?: KbEntry;
}

function findSpeaker(
  doc: Doc,
  s: SentenceSignals,
  quote: Mention | undefined,
  kb: KnowledgeBase,
): Speaker | undefined {
  const v = quote?.value as QuoteValue | undefined;
  // A quote's speaker from another sentence ("Prosecutors said …" after the quote) does not speak
  // for a sentence that has its own verb of saying outside the quote, unless a pronoun says it
  // ("…," he said) and the quote's speaker is who the pronoun stands for.
  const outside = quote ? doc.text.slice(s.start, quote.start) + doc.text.slice(quote.end, s.end) : '';
  const ownVerb = OWN_VERB.test(outside);
  const speakerHere = v?.speaker !== undefined && v.speaker.start >= s.start && v.speaker.end <= s.end;
  if (v?.speaker && (speakerHere || !ownVerb)) {
    const entry = v.speaker.entity ? kb.byId.get(v.speaker.entity.id) : undefined;
    return entry
      ? { ref: actorRef(entry, v.speaker.text), entry }
      : { ref: { id: null, name: v.speaker.text, text: v.speaker.text } };
  }
  // The subject of the reporting verb: a person named before the cue ("IS spokesman Abu Hassan
  // al-Muhajir released…"), else a group or outlet before it, else the noun phrase that opens the
  // sentence ("A senior official warned…"), else a closing attribution ("…, the official warned.").
  const cueAt = firstCueAt(s);
  const before = s.mentions.filter((m) => m.start < cueAt);
  const actor =
    before.find((m) => m.kind === 'person') ?? before.find((m) => m.kind === 'group' || m.kind === 'outlet');
  const subject = SUBJECT.exec(s.text);
  const closing = CLOSING_ATTRIBUTION.exec(s.text);
  if (closing && closing.index + s.start > cueAt) {
    const start = s.start + closing.index + closing[0].indexOf(closing[1]!);
    const inside = s.mentions.find(
      (m) =>
        m.start >= start &&
        m.end <= start + closing[1]!.length &&
        (m.kind === 'person' || m.kind === 'group'),
    );
    if (inside) return speakerOf(inside, kb);
    return { ref: { id: null, name: closing[1]!, text: closing[1]! } };
  }
  if (actor && (!subject || actor.start < s.start + subject[0].length)) return speakerOf(actor, kb);
  if (subject) return { ref: { id: null, name: subject[0], text: subject[0] } };
  if (actor) return speakerOf(actor, kb);
  // "Khalid warned that Islamic State militants …": a name that opens the sentence speaks.
  const named = NAME_SPEAKS.exec(s.text);
  if (named && !PRONOUN.test(named[1]!)) return { ref: { id: null, name: named[1]!, text: named[1]! } };
  const after = s.mentions.find((m) => m.kind === 'person' || m.kind === 'group' || m.kind === 'outlet');
  if (after) return speakerOf(after, kb);
  return undefined;
}

function speakerOf(m: Mention, kb: KnowledgeBase): Speaker {
  const entry = m.entity ? kb.byId.get(m.entity.id) : undefined;
  return entry ? { ref: actorRef(entry, m.text), entry } : { ref: { id: null, name: m.text, text: m.text } };
}

/** The noun phrase that opens a sentence and speaks ("A senior U.S. counter-terrorism official", "Police"). */
const SUBJECT =
  /^(?:(?:the|a|an|its|their|his|her|one|two|several|some)\s+)?(?:(?!(?:said|says|warned|told|added|stated|claimed|that)\b)[\w.'’-]+\s+){0,5}?(?:police(?:\s+chiefs?)?|officials?|officers?|authorities|government|spokes(?:man|woman|person)|minister|ministry|analysts?|experts?|researchers?|group|militants?|organi[sz]ation|agency|channels?|statement|message|posts?|posters|leader|commander|president|prime minister|intelligence|department|office)\b/i;
/** Where the sentence's first statement cue begins (its end when it has none). */
function firstCueAt(s: SentenceSignals): number {
  return (
    s.start + Math.min(...STATEMENT_CUES.map((c) => c.re.exec(s.text)?.index ?? s.text.length), s.text.length)
  );
}

/** A personal pronoun standing where a name would. */
const PRONOUN = /^(?:He|She|It|They|We|I)$/;
/** A capitalised name opening a sentence, then a verb of saying. */
const NAME_SPEAKS = /^\s*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})\s+(?:said|says|warned|told|added|stated)\b/;
/** Verbs of saying that attribute a sentence's words to a speaker. */
const SAYING = 'said|says|warned|told|added|stated|claimed';
/** A verb of saying whose subject is not a pronoun: the sentence names its own speaker. */
const OWN_VERB = new RegExp(`(?<!\\b(?:he|she|they|it) )\\b(?:${SAYING})\\b`, 'i');
/** "…, a senior official at Germany's domestic intelligence agency warned on Tuesday." */
const CLOSING_ATTRIBUTION = new RegExp(
  `,\\s*((?:the|a|an)\\s+[^,.;"“”]{3,100}?)\\s+(?:${SAYING})\\b[^,.;"“”]{0,40}\\.?\\s*$`,
  'i',
);
/** Speakers on the extremists' side without a knowledge-base entry ("far-right Telegram channels"). */
const EXTREMIST_SPEAKER =
  /\b(?:(?:its|their|the group's) (?:spokes(?:man|woman|person)|leader|commander|emir|chief)|the group|the organi[sz]ation|the movement|far-right|neo-nazi|jihadist|extremist|militant|pro-islamic state|islamist|channels?|posts?|posters|manifesto|attacker|gunman)\b/i;

/** A group, or a person or outlet of a group, outside state bodies. */
function isMilitant(entry: KbEntry, kb: KnowledgeBase): boolean {
  if (entry.kind === 'group') return true;
  if (entry.kind === 'outlet') return true;
  if (entry.kind === 'person')
    return entry.roles.some((r) => kb.byId.get(r.group)?.kind === 'group' && r.role !== 'official');
  return false;
}

function organizationOf(
  s: SentenceSignals,
  speaker: KbEntry | undefined,
  kb: KnowledgeBase,
): ActorRef | null {
  if (speaker?.kind === 'group' || speaker?.kind === 'state-body') return actorRef(speaker);
  if (speaker?.kind === 'person') {
    const group = kb.byId.get(speaker.roles[speaker.roles.length - 1]!.group);
    if (group) return actorRef(group);
  }
  if (speaker?.kind === 'outlet') {
    const group = kb.byId.get(speaker.group);
    if (group) return actorRef(group);
  }
  const g = s.mentions.find((m) => m.kind === 'group' && m.entity);
  const entry = g?.entity ? kb.byId.get(g.entity.id) : undefined;
  return entry ? actorRef(entry, g!.text) : null;
}

/** Without quotation marks: the clause from the statement cue to the end of the sentence. */
function paraphrase(s: SentenceSignals, type: StatementType): string | undefined {
  const cue = STATEMENT_CUES.find((c) => c.type === type);
  const m = cue?.re.exec(s.text);
  if (!m) return undefined;
  return (
    s.text
      .slice(m.index)
      .replace(/[.!?]+\s*$/, '')
      .trim() || undefined
  );
}

/**
 * Incidents a statement refers to: those reported in its sentence, else the document's main one
 * for a claim. A revenge justification refers to the attack it justifies, not to the earlier
 * events it invokes (`invoked`: those are its `retaliation-for` links).
 */
function refersTo(
  s: SentenceSignals,
  type: StatementType,
  incidents: IncidentMention[],
  invoked: Set<string>,
): string[] {
  const here = incidents
    .filter((i) => i.evidence.some((e) => e.start < s.end && s.start < e.end))
    .filter((i) => type !== 'revenge-justification' || !invoked.has(i.id))
    .map((i) => i.id);
  if (here.length > 0) return here;
  const main = incidents.find((i) => i.role === 'main');
  return main && (type === 'claim-of-responsibility' || type === 'revenge-justification') ? [main.id] : [];
}

function statementConfidence(
  type: StatementType,
  speaker: boolean,
  quote: boolean,
  militant: boolean,
): number {
  let c = 0.5 + (speaker ? 0.15 : 0) + (quote ? 0.1 : 0);
  if (type !== 'warning' && militant) c += 0.15;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}
