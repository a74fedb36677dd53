import type { Doc } from '../doc.js';
import type { SentenceSignals } from './sentence-signals.js';

// GTD codes an attack on a prominent person as an assassination: who counts as one, and the
// wordings that say such a person was killed.

const KILL_VERB =
  /\b(?:killed|killing|assassinated|shot dead|gunned down|shot and killed|targeted|targeting|murdered|(?:fatal |deadly )?(?:stabbing|shooting|killing|murder|assassination) of)\s+(?:[\w.'’-]+\s+){0,4}?$/i;

/** "killed the Taliban governor of Balkh province": an official killed, named or not. */
const KILLS_OFFICIAL =
  /(?<!\b(?:after|since|following|before) (?:the )?)\b(?:killed|killing|assassinated|shot dead|murdered|(?:fatal |deadly )?(?:stabbing|shooting|killing|murder|assassination) of)\s+(?:the|a|an|[A-Z][\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,4}?(?:governor|minister|mayor|general|lawmaker|senator|judge|prosecutor|police chief|provincial chief|district chief|MP|member of parliament|presidential candidate|ambassador|councillor|councilman|councilwoman|politician|journalist|writer|blogger|activist|filmmaker|film-maker|attach[eé]|diplomat|envoy|consul)\b/i;

const PROMINENT =
  /^,?\s*(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:head|leader|commander|chief|general|minister|governor|mayor|president|senator|deputy|judge|prosecutor|MP|lawmaker|cleric|imam|spokes(?:man|woman)|councillor|politician|journalist|writer|blogger|activist)\b/i;

const PROMINENT_TITLE =
  /\b(?:General|Gen\.|Major General|Brigadier|Colonel|Commander|Minister|President|Earl|Lord|Sir|King|Queen|Prince|Princess|Emir|Archbishop|Bishop|Cardinal|Governor|Mayor|Senator|Judge|Sheikh|Ayatollah|lawmaker|MP|minister|governor|mayor|senator|judge|filmmaker|film-maker|director|writer|novelist|journalist|editor|cartoonist|blogger|activist|politician|councillor|diplomat|ambassador|prime minister|president)\s+$/;

/** "Russian opposition leader Alexei Navalny was poisoned": a prominent person, the subject of a passive killing. */
const PROMINENT_VICTIM =
  /\b(?:opposition leader|opposition politician|[Mm]inister|[Gg]overnor|[Mm]ayor|[Ss]enator|lawmaker|[Pp]rime [Mm]inister|[Pp]resident)\s+(?:(?:al-|el-|bin |van |de )?[A-Z][\w.'’-]+\s+){1,3}(?:[^.;]{0,60}?\b(?:he|she)\s+)?(?:was|had been|has been)\s+(?:poisoned|assassinated|shot dead|killed|murdered|stabbed to death)\b|\b(?:[Pp]rime [Mm]inister|[Pp]resident|[Mm]inister|[Gg]overnor|[Mm]ayor|[Ss]enator|opposition leader)\s+(?:(?:al-|el-|bin |van |de )?[A-Z][\w.'’-]+[\s,]+){1,4}(?:who (?:was|had been) )?(?:killed|assassinated|shot dead|murdered) (?:by|in|on|when)\b/;

/**
 * An attempt on a leader's life: "President Eduard Shevardnadze escaped unhurt when gunmen
 * attacked his motorcade", "the bomb … narrowly missing Prime Minister Margaret Thatcher".
 */
const ATTEMPT_ON_LEADER =
  /\b(?:President|Prime Minister|Premier|King|Queen|Chancellor|Governor)\s+(?:(?:al-|el-|bin |van |de )?[A-Z][\w.'’-]+\s+){1,3}(?:escaped|survived)\b|\b(?:narrowly missing|narrowly missed|meant for|intended for)\s+(?:the\s+)?(?:President|Prime Minister|Premier|King|Queen|Chancellor)\b|\b(?:attacked|ambushed|fired on|bombed|targeted|struck)\s+(?:the\s+)?(?:(?:president|prime minister|king|governor|minister)['’]s|his|her)\s+motorcade\b/;

/**
 * "killed Qasem Soleimani, head of Iran's Quds Force", "the fatal stabbing of lawmaker David
 * Amess", "killed the governor of Balkh": the object of the killing is a prominent person.
 */
export function killsProminentPerson(doc: Doc, s: SentenceSignals): boolean {
  if (KILLS_OFFICIAL.test(s.text) || PROMINENT_VICTIM.test(s.text) || ATTEMPT_ON_LEADER.test(s.text))
    return true;
  return s.mentions.some((m) => {
    if (m.kind !== 'person') return false;
    const before = doc.text.slice(Math.max(s.start, m.start - 60), m.start);
    const after = doc.text.slice(m.end, Math.min(s.end, m.end + 60));
    // "Earl Mountbatten": a title inside the name counts as one before it.
    const titled = PROMINENT_TITLE.test(`${m.text.split(/\s+/)[0]} `);
    return (
      KILL_VERB.test(before.replace(PROMINENT_TITLE, '')) &&
      (PROMINENT.test(after) || PROMINENT_TITLE.test(before) || titled)
    );
  });
}
