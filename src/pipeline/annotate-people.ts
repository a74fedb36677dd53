import type { Doc, Mention } from '../doc.js';
import { startsUpper, wordsOf, type Word } from '../text/normalize.js';
import { firstTokenEndingAfter, overlapsAny, sortMentions } from './context.js';

/** Titles and roles that introduce a person: "President Donald Trump", "spokesman Zabihullah Mujahid". */
const TITLES = new Set(
  `mr mrs ms miss dr prof professor president vice prime minister sheikh shaykh general gen colonel col captain capt
  lieutenant lt sergeant sgt officer detective inspector superintendent constable judge justice senator sen rep
  representative governor gov mayor imam rabbi father pope king queen prince princess commissioner chief commander
  photojournalist photographer cameraman spokesman spokeswoman spokesperson leader emir mullah maulana ayatollah chancellor secretary ambassador envoy
  minister premier deputy attorney director head founder chairman chairwoman cleric preacher militant gunman
  suspect attacker bomber activist lawyer journalist reporter correspondent analyst expert researcher coach player
  candidate mp mep sir lord lady dame`
    .split(/\s+/)
    .filter(Boolean),
);
/** Verbs of saying right after a name: "Nunes said". */
const SPEECH =
  /^\s*(?:,\s*)?(?:said|says|told|added|stated|wrote|warned|claimed|declared|explained|announced|tweeted|posted|urged|called|insisted|noted|argued)\b/;
/** A verb of saying right before a name: "…, said Gerald Ford". */
const SAID_BEFORE = /^(?:said|says|told|added|wrote|warned|according)$/;
/** A killing right before a name: "beating to death Paulo Nunes", "killed photojournalist Ziad al-Sharabi". */
const KILLED_BEFORE =
  /\b(?:killed|killing|assassinated|shot dead|murdered|beat(?:en|ing)? to death|stabbed to death)\s+(?:[\w.'’-]+\s+){0,3}?$/i;
/** An apposition after a name: "Paulo Nunes, 51," / "X, a spokesman" / "X, who". */
const APPOSITION = /^,\s*(?:\d{1,3}\b|aged\b|who\b|a\s|an\s|the\s|his\s|her\s)/;
/** Lower-case particles inside Arabic, Dutch, Spanish and other names. */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'de',
  'da',
  'di',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'ul',
  'ud',
]);
/** Words that make a capitalised run an organisation, event or facility rather than a person. */
const NOT_PERSON = new Set(
  `party ministry university police army forces force farm agency news times company inc ltd council court department
  movement front group brigade brigades church mosque hospital school stadium street road airport station bank museum
  club fc united association union committee commission organisation organization foundation institute center centre
  office service services network international media television tv radio newspaper post herald journal airlines
  airways corporation republic kingdom state states islands island river lake mountain mount day week cup league
  championship olympics games award prize act bill law treaty agreement summit conference festival reserve bureau
  house senate congress parliament assembly government administration cabinet embassy consulate province district
  county city region square park bridge tower hall prison jail camp base island coast valley desert sea ocean gulf
  strait war revolution uprising operation world national federal central northern southern eastern western
  english arabic french german spanish facebook twitter telegram youtube google monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * People named in the text, from runs of capitalised proper nouns with a cue: a title or role
 * before ("Prime Minister Jacinda Ardern"), a verb of saying or an apposition after ("Nunes, 51,"),
 * or an earlier full mention of the same surname. Runs that overlap places or actors, or that
 * contain organisation words, are not people. Known people from the knowledge base are found by
 * the actors stage and kept.
 */
export function annotatePeople(doc: Doc): Doc {
  const text = doc.text;
  const { words } = wordsOf(text);
  const taken = doc.mentions.filter((m) => m.kind !== 'date' && m.kind !== 'quantity');
  const known = new Set(doc.mentions.filter((m) => m.kind === 'person').flatMap((m) => lastName(m.text)));
  const mentions: Mention[] = [];
  for (const run of properNounRuns(doc, words)) {
    // "Governor Alexander Pimentel", "Police Commissioner Mike Bush": titles (and the body they
    // belong to) are a cue, not part of the name.
    let titled = false;
    // "Road Transport and Bridges Minister Obaidul Quader": the name starts after the last title.
    for (let k = run.last - 1; k > run.first; k--) {
      if (TITLES.has(text.slice(words[k]!.start, words[k]!.end).toLowerCase())) {
        run.first = k + 1;
        titled = true;
        break;
      }
    }
    while (run.first < run.last) {
      const head = text
        .slice(words[run.first]!.start, words[run.first]!.end)
        .toLowerCase()
        .replace(/\.$/, '');
      if (TITLES.has(head)) titled = true;
      else if (!NOT_PERSON.has(head)) break;
      run.first++;
    }
    const start = words[run.first]!.start;
    // "Bottoms's": the possessive is not part of the name.
    const end =
      words[run.last]!.end -
      (/['’]s$/.test(text.slice(words[run.last]!.start, words[run.last]!.end)) ? 2 : 0);
    if (overlapsAny(taken, start, end)) continue;
    const parts = words.slice(run.first, run.last + 1).map((w) => text.slice(w.start, w.end));
    if (parts.some((p) => NOT_PERSON.has(p.toLowerCase()))) continue;
    // The word before counts only within the sentence: "… by the spokesman.\n\nCounter-terrorism
    // officials" has no title before "Counter".
    const before =
      run.first > 0 && !/[.!?\n]/.test(text.slice(words[run.first - 1]!.end, start))
        ? text
            .slice(words[run.first - 1]!.start, words[run.first - 1]!.end)
            .toLowerCase()
            .replace(/\.$/, '')
        : '';
    const after = text.slice(end, end + 40);
    const capitalised = parts.filter((p) => startsUpper(p));
    const multi = capitalised.length >= 2;
    const titleBefore = titled || TITLES.has(before);
    const cue =
      titleBefore ||
      SPEECH.test(after) ||
      APPOSITION.test(after) ||
      SAID_BEFORE.test(before) ||
      KILLED_BEFORE.test(text.slice(Math.max(0, start - 50), start));
    const coref = !multi && known.has(parts[0]!);
    if (!((multi && cue) || coref || titleBefore)) continue;
    known.add(parts[parts.length - 1]!);
    mentions.push({
      kind: 'person',
      start,
      end,
      text: text.slice(start, end),
      ruleId: coref ? 'people:coreference' : 'people:cue',
    });
  }
  return { ...doc, mentions: sortMentions([...doc.mentions, ...mentions]) };
}

/** Maximal runs of capitalised proper-noun words (with name particles inside), as word indices. */
function properNounRuns(doc: Doc, words: Word[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  let first = -1;
  const close = (last: number): void => {
    // A run may not end on a particle ("Abu" alone is kept only when capitalised).
    const at = (k: number): string => doc.text.slice(words[k]!.start, words[k]!.end);
    while (last >= first && (PARTICLES.has(at(last)) || /^\p{Lu}$/u.test(at(last)))) last--;
    if (first >= 0 && last >= first) runs.push({ first, last });
    first = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const s = doc.text.slice(w.start, w.end);
    const gap = i > 0 ? doc.text.slice(words[i - 1]!.end, w.start) : '';
    // "John G. Roberts": a one-letter initial and its dot stay inside the name.
    const afterInitial =
      gap === '. ' && /^\p{Lu}$/u.test(doc.text.slice(words[i - 1]!.start, words[i - 1]!.end));
    const joined = first >= 0 && (/^[ -]$/.test(gap) || afterInitial);
    const initial = /^\p{Lu}$/u.test(s) && doc.text[w.end] === '.' && first >= 0;
    const name = (startsUpper(s) && isProperNoun(doc, w) && !/^(?:[\p{L}]\.){2,}$/u.test(s)) || initial;
    const particle = PARTICLES.has(s) && first >= 0;
    if ((name || particle) && (first < 0 || joined)) {
      if (first < 0) first = i;
      continue;
    }
    if (first >= 0) close(i - 1);
    if (name) first = i;
  }
  if (first >= 0) close(words.length - 1);
  return runs;
}

function isProperNoun(doc: Doc, w: Word): boolean {
  const t = doc.tokens[firstTokenEndingAfter(doc, w.start)];
  return t?.pos === 'PROPN';
}

function lastName(name: string): string[] {
  const parts = name.split(/[\s-]+/).filter((p) => startsUpper(p));
  return parts.length > 0 ? [parts[parts.length - 1]!] : [];
}
