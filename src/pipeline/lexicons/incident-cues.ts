/** Cues that decide whether a sentence reports political violence or something else. */

/** Words showing that violence was political or organised (terrorism, insurgency, extremism). */
export const POLITICAL_CONTEXT =
  /\b(?:terror\w*|militants?|militias?|extremis[tm]s?|jihad\w*|insurgen\w+|rebels?|separatists?|guerr?illas?|far-right|far right|neo-nazis?|white supremac\w+|white nationalis\w+|racist|racially motivated|xenophob\w+|anti-immigrant|anti-refugee|islamists?|sectarian|claimed responsibility|claimed the attack|manifesto|radicali[sz]ed|suicide bomb\w*|hate crime|opposition (?:leader|politician|activist)|dissidents?|nerve agent|novichok|anti-abortion|opposition to abortion|opposes abortion|abortion (?:clinics?|providers?)|pro-life|(?:religious|ideological|political) motive|anti-muslim|anti-semitic|antisemitic|islamophob\w+|racial hatred|fascis[tm]s?|blasphem\w+|car bomb\w*|nail bomb\w*|pipe bomb\w*|pressure[- ]cooker bomb\w*|IEDs?|improvised explosive)\b/i;

/** Words showing people were harmed. */
export const HARM =
  /\b(?:kill(?:ed|ing|s)?|dead|death|deaths|died|dies|murder(?:ed|s)?|slain|lives|casualties|fatalit\w+|wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|bodies|victims?|in (?:a )?(?:critical|serious) condition)\b/i;

/**
 * Words showing an accident, a disaster, sport or a figure of speech rather than an attack
 * ("gas explosion", "the attacking midfielder", "a shark attack", a wartime bomb
 * blown up by disposal experts).
 */
export const NOT_AN_ATTACK =
  /\b(?:accident(?:al|ally|s)?|gas (?:leak|explosion|cylinder|pipe)|boiler|crash(?:ed|es)?|collided|collision|derail\w*|earthquake|collaps\w+|stampede|crowd crush|crush|tsunami|hurricane|typhoon|cyclone|tornado|flood\w*|landslide|wildfire|bushfire|blaze|fire broke out|caught fire|short circuit|electrical fault|volcan\w+|eruption|cyber[- ]?attacks?|shark|dog attack|animal|jackals?|wolves|bears?|election campaign|chess|mining|quarry|demolition|fireworks? (?:factory|warehouse|explosion|accident|blast|stall|shop|plant)|fireworks exploded|meteor|asteroid|unexploded ordnance|(?:Second World War|World War (?:II|Two|2)|WWII|wartime) (?:bombs?|shells?|devices?|mines?|ordnance)|controlled (?:explosion|detonation)|by firing squad|lethal injection|gallows)\b/i;

/**
 * Sport, whose words ("attack", "shot", "killed them in the first half") read like violence; an
 * attack with weapons at a match is still an attack.
 */
/** An illness's "attack" ("died of a heart attack"): the word names no attack. */
export const MEDICAL_ATTACK = /\b(?:heart|panic|asthma|epileptic) attacks?\b/gi;

export const SPORT =
  /\b(?:football|soccer|rugby|cricket|basketball|match|goal(?:s|keeper)?|striker|midfielder|tournament|league|championship|game|player|coach|stadium)\b/i;

/** A past, earlier incident that the text recalls ("in 2006", "last year's attack", "the earlier attack"). */
export const RECALLED =
  /\b(?:follows|following the|in the wake of|comes after|came after|previous (?:[\w-]+ )?(?:attacks?|bombings?|shootings?|incidents?|assaults?|massacres?|killings?|stabbings?)|earlier (?:[\w-]+ )?(?:attacks?|bombings?|blasts?|shootings?|incidents?|assaults?|massacres?|killings?|stabbings?|raids?|strikes?|hijackings?|kidnappings?)|earlier (?:that|this) year|last year's|anniversary(?= of (?:the )?(?:[\w'’-]+ ){0,4}?(?:bombings?|attacks?|massacres?|shootings?|killings?|sieges?|hijackings?|assassinations?|genocide))|(?<!\b(?:mark(?:ing|ed|s)?|celebrat(?:e|ed|ing|es)|during|for) the (?:\d+\w* |[a-z]+ )?)anniversary(?! (?:parade|celebrations?|ceremony|festivities))|recalled?|reminiscent|years? ago|in (?:19|20)\d\d|since (?:19|20)\d\d|(?<!\bin the )history of|similar attack|copycat|a separate (?:[\w-]+ ){0,2}?(?:attacks?|shootings?|bombings?|stabbings?|incidents?))\b/i;

/** A trial, sentencing or inquiry — the article is about the aftermath, not the attack. */
export const AFTERMATH =
  /\b(?:trial|sentenced|sentencing|convicted|pleaded (?:guilty|not guilty)|verdict|jury|court heard|appeal(?:ed)?|inquest|inquiry|acquitted|extradit\w+|parole|life imprisonment|(?:was|were|been|be) jailed|jailed (?:for|on)|executed by lethal injection|death (?:penalty|sentence|row)|put to death|arrest warrants?|indicted|indictment|charged with|prosecut(?:ed|ion|ing)|anniversary|memorial|commemorat\w+)\b/i;

/** Crime for gain rather than political violence: a robbery, a heist, a criminal gang. */
export const CRIME =
  /\b(?:robbers?|robber(?:y|ies)|heists?|cash-in-transit|criminal (?:gangs?|syndicates?|networks?|records?)|drug (?:gangs?|dealers?)|for money|held up (?:a|the) (?:bank|branch|shop|store)|(?:getaway|escape) car)\b/i;

/** Fiction and reviews: a thriller's plot is not an attack. */
export const FICTION =
  /\b(?:review|episode|thriller|drama series|the film|the movie|the novel|starring|box office|season finale|four stars|five stars|three stars)\b/i;

/** A military campaign rather than a discrete attack. */
export const CAMPAIGN =
  /\b(?:offensive|incursion|invasion|military operation|military campaign|ground operation|troops (?:crossed|entered|advanced))\b/i;

/** A sentence attributing past deaths to an actor ("responsible for the deaths of hundreds"). */
export const PAST_ATTRIBUTION =
  /\b(?:responsible for (?:the )?(?:deaths?|killings?|attacks)|over the (?:past|last) \w+|for years|in the past|history of)\b/i;

/**
 * The authorities or the report ruling terrorism out: "nothing to suggest the attack was an act of
 * terrorism", "no political motive", "police ruled out terrorism", "everything pointed to an
 * industrial accident", "a threat that authorities concluded was a hoax".
 */
export const NOT_TERRORISM =
  /\b(?:no(?:thing)?(?: in the investigation)? (?:to suggest|to indicate|indicating|suggesting|evidence|indication|sign|to link|linking)[^.]{0,100}?\b(?:(?<!(?:international|foreign|outside) )terror\w*|political(?:ly)? motiv\w*|ideolog\w*|(?:political|ideological|religious) motive)|(?<!\b(?:not|cannot|never|n't) )(?:ruled?|rules|ruling|rule) out (?:an? )?(?:act of )?(?:terror\w*|attack|bomb|sabotage)|not (?:being )?(?:treated|investigated) as (?:an act of )?terror\w*|not terror(?:ism|-related)|not a bomb|no trace of explosives|from terrorism to (?:mass )?murder|(?:dropped|drop|drops) (?:the )?terrorism (?:charges?|case)|no (?:political|ideological|religious|terrorist)(?: or (?:political|ideological|religious))? motive|motivated (?:solely |only |purely )?by money|financial(?:ly)? motivated|pointed to an? (?:industrial |tragic )?accident|(?:was|were|is|as|be) (?:an? )?hoax(?:es)?\b|judged (?:to be )?an? hoax)/i;

const DENIALS = new RegExp(NOT_TERRORISM.source, 'gi');
/** Political words inside a denial ("reclassified the case from terrorism to mass murder") do not count. */
export function withoutDenials(text: string): string {
  return text.replace(DENIALS, ' ');
}

/** Crowds in unrest rather than an attack: protests, riots, clashes. */
export const UNREST =
  /\b(?:protests?|protesters|riots?|rioters|rioting|unrest|demonstrators|looting|looters)\b/i;

/**
 * A state's forces striking: "destroyed by U.S. cruise missiles", "Israeli air strikes", "an air
 * strike by U.S. forces".
 */
export const STATE_STRIKE =
  /\b(?:U\.S\.|US|American|Israeli|Russian|Saudi-led|coalition|NATO|French|British|Turkish|Indian|Pakistani|Iranian|Syrian government|government|army|military) (?:cruise missiles?|missiles?|air ?strikes?|warplanes?|jets|fighter jets|helicopter gunships|drone strikes?|artillery|shelling)\b|\b(?:air ?strikes?|missile strikes?|cruise missiles?) (?:by|from) (?:the )?(?:U\.S\.|US|American|Israeli|Russian|Saudi-led|coalition|NATO|government|army|military)\b/i;

/** Nouns a report refers back to its attack with ("the attack", "Monday's bombing"). */
export const ATTACK_NOUNS = 'attacks?|bombings?|blasts?|explosions?|assault|shooting|massacre|raid';

/** A phrase that refers back to the report's attack: "the attack", "Monday's bombing". */
export const ANAPHORIC_ATTACK = new RegExp(
  `\\b(?:the|this|that|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day's) (?:${ATTACK_NOUNS})\\b`,
  'i',
);

/**
 * The police or troops firing on the attacker: "shot dead by police", "officers shot the driver",
 * "police shot dead Cherif Chekatt, the man suspected of …".
 */
export const POLICE_FIRE =
  /\b(?:shot(?: dead| and killed| and wounded)?|killed|wounded|neutrali[sz]ed) by (?:the )?(?:police|officers?|security forces|troops|soldiers|special forces)\b|\b(?:police(?:men)?|(?:police )?officers?|security forces|troops|soldiers?)\b[^.]{0,50}?\b(?:shot dead|shot and killed|shot|opened fire on)\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:attacker|assailant|gunman|suspect|man|driver|knifeman)\b|him\b|[A-Z][\w'’-]+ [A-Z][\w'’-]+, the (?:man|suspect|gunman|attacker))/i;
