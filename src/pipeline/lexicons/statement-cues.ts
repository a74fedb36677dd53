/** Cues for statement types, speakers' media and the revenge framing that links incidents. */

/** Statement types (DESIGN.md "Vocabularies"). */
export type StatementType =
  'call-to-violence' | 'threat' | 'claim-of-responsibility' | 'revenge-justification' | 'warning';

/** Violent acts a statement may call for, threaten or justify. */
const VIOLENT_ACT =
  "(?:attack|kill|murder|slaughter|behead|execute|bomb|shoot|stab|burn|strike|target|avenge|take revenge|seek revenge|retaliate|wage (?:jihad|war)|fight|join (?:the )?(?:fight|jihad|armed struggle)|take up arms|rise up|carry out (?:[\\w-]+ ){0,2}?(?:attacks|operations|bombings|jihad)|copy|emulate|repeat|follow (?:the |his |their )?[\\w'’-]+ (?:example|lead)|finish what|hunt)";
/** Up to four words between a verb and what follows ("threatened on Monday to execute"). */
const GAP = "(?:[\\w'’,-]+ ){0,4}?";

/** Sentence cues per statement type, most specific first. */
export const STATEMENT_CUES: { type: StatementType; re: RegExp }[] = [
  {
    type: 'claim-of-responsibility',
    re: new RegExp(
      [
        `claim(?:ed|s|ing)? ${GAP}(?:responsibility|credit)`,
        '(?:was|were|has been|had been) claimed by',
        '(?:attacks?|bombings?|shootings?|assault|operation|killings?),? (?:which was |that was )?(?:also )?claimed by',
        "claim(?:ed|s|ing)? (?:the|this|that|last \\w+'s|\\w+'s|an?(?: [\\w-]+){0,3}) (?:attacks?|bombings?|shootings?|killings?|assault|kidnapping|abduction|operation|stabbing)",
        '(?:took|taken|admitted|accepted) responsibility',
        'admitted (?:to )?(?:carrying out|staging|being behind)',
        `(?:said|says|stated)\\b[^.]{0,80}?\\b(?:its|their|his) (?:fighters|militants|members|soldiers|forces|mujahideen|men|unit|cell|armed wing|detachment)\\b`,
        `(?:said|says|announced|stated)\\b[^.]{0,80}?\\b(?:that )?(?:it|they) had (?:carried out|staged|conducted|mounted|launched)\\b`,
        '(?:were|was) (?:members|fighters|soldiers) of (?:its|their|the group)',
        `(?:said|says|announced|stated) ${GAP}(?:that )?(?:it|they) (?:had )?(?:carried out|was behind|were behind|staged|conducted|attacked|targeted|kidnapped|abducted|seized|bombed|blew up|brought down|shot down|detonated|planted|set fire to|executed|killed|murdered|beheaded|struck|hijacked|was responsible|were responsible)`,
        `(?:said|says|announced|stated) ${GAP}(?:that )?(?:it|they) (?:had )?(?:planned|organi[sz]ed|ordered|prepared) (?:the|this|that|an?) (?:[\\w-]+ )?(?:attack|operation|bombing|raid|assault|hijacking|kidnapping|killing)`,
        '(?:he|she) had (?:led|planned|organi[sz]ed|ordered|commanded) (?:the|this|that) (?:raid|attack|operation|bombing|assault|hijacking|kidnapping|siege)',
        `(?:said|says|announced|stated) ${GAP}(?:that )?(?:its|their) (?:fighters|militants|members|soldiers|forces|mujahideen|men) (?:had )?(?:attacked|carried out|targeted|killed|struck|launched|stormed)`,
        `(?:said|says|stated)\\b[^.]{0,80}?\\b(?:that )?the (?:attackers?|bombers?|gunm[ae]n|assailants?|perpetrators?)\\b[^.]{0,80}?\\b(?:were|was) ["“]?(?:one of )?(?:its|their|the group's|soldiers|fighters|members)`,
        'identif(?:ying|ied) (?:himself|herself|themselves) as the (?:attackers?|gunm[ae]n|bombers?|shooters?|perpetrators?)',
        '(?:was|were) the work of',
        `(?:said|says|stated)\\b[^.]{0,80}?\\bthe (?:suicide )?(?:bombers?|attackers?|gunm[ae]n)\\b[^.]{0,80}?\\b(?:had )?(?:detonated|blew (?:himself|herself|themselves) up|opened fire|carried out|stormed)`,
        `(?:said|says|stated)\\b[^.]{0,60}?["“]?(?:soldiers|fighters|lions|knights) of the (?:caliphate|islamic state)["”]? (?:had )?(?:targeted|attacked|carried out|stormed|struck)`,
        '(?:said|saying) (?:they|he|she) (?:belonged|belong|belongs) to',
        'announced the (?:start|launch|beginning) of (?:what (?:he|it|they) called )?(?:an? |the )?(?:operation|offensive|battle)',
      ]
        .join('|')
        .replace(/^/, '\\b(?:') + ')\\b',
      'i',
    ),
  },
  {
    type: 'call-to-violence',
    re: new RegExp(
      [
        `call(?:ed|s|ing)? (?:on|for|upon) .{0,80}?\\b(?:to )?${VIOLENT_ACT}`,
        `urg(?:ed|es|ing) .{0,80}?\\bto ${VIOLENT_ACT}`,
        `(?:told|tells|telling|encourag(?:ed|es|ing)|exhort(?:ed|s|ing)|instruct(?:ed|s|ing)|asked) (?:its |their |his |her )?(?:followers|supporters|members|readers|listeners|muslims|sympathi[sz]ers|viewers|would-be attackers|others)\\b.{0,40}?\\bto ${VIOLENT_ACT}`,
        'incit(?:ed|es|ing|ement) (?:to |of )?(?:violence|attacks?|murder|terror)',
        '(?:take|seek|exact) revenge',
        'avenge (?:the|our|your|their)',
        'kill (?:them|every|all|any)',
        'attack (?:them|the infidels|mosques|churches|synagogues)',
      ]
        .join('|')
        .replace(/^/, '\\b(?:') + ')\\b',
      'i',
    ),
  },
  {
    type: 'revenge-justification',
    re: /\b(?:(?:in|as|an act of|a|an) (?:revenge|retaliation|retribution|reprisal|vengeance) (?:for|against)|(?:to|in order to) avenge|(?:revenge|vengeance) for|retaliation (?:for|against|to)|retaliat(?:e|ed|ing) (?:for|against)|(?:in|a|was a|as a|an?) (?:[\w-]+ )?response to (?:the |its |their )?(?:[\w'’-]+ ){0,3}?(?:attacks?|strikes?|air ?strikes|killings?|bombings?|raids?|massacres?|invasion|aggression|occupation|killing|insult|burning|desecration|operations?|intervention|presence|involvement|participation|war|campaign|crimes|oppression|persecution|arrests?)|(?:attack|ambush|bombing|blast|shooting|operation|assault|killing|kidnapping|raid|hijacking|massacre)s? (?:was|were|had been) (?:a |an )?(?:[\w-]+ )?(?:response|retaliation|revenge|punishment|retribution|protest) (?:to|for|against|over)|avenging)\b/i,
  },
  {
    type: 'threat',
    re: new RegExp(
      [
        `threat(?:en(?:ed|s|ing)?) ${GAP}(?:to )?${VIOLENT_ACT}(?:s|ed|ing)?`,
        'contain(?:ed|s|ing)? threats? (?:against|to)',
        'only a matter of time (?:before|until)',
        '(?:your|you)(?: [\\w,]+){0,5}? (?:will|shall) (?:die|pay|be killed)',
        'threaten(?:ed|ing|s)? (?:new |more |further )?(?:attacks|violence)',
        `vow(?:ed|s|ing)? (?:to |that )?${GAP}(?:would |will )?(?:${VIOLENT_ACT}|revenge|retaliation|respond|continue (?:its|their|the) (?:attacks|campaign|armed struggle|jihad))`,
        'promis(?:ed|es|ing) (?:more|further|new) attacks',
        `(?:will|would) (?:continue to )?${VIOLENT_ACT}`,
        'more attacks (?:will|would) follow',
        'will pay (?:a|the) (?:heavy )?price',
        'or (?:face|there will be|expect) (?:more|further|new) (?:attacks|violence|bloodshed)',
        '(?:future|further|more|new) attacks (?:would|will) be',
        '(?:next|new) targets?',
        '(?:will|shall) (?:burn|bleed|pay)',
        '(?:will|shall) continue (?:(?:these|our|its|their|the) )?(?:attacks|operations|jihad|armed struggle|war|actions|campaign)',
        '(?:will|shall) (?:be back|strike again|return to strike)',
        'threaten(?:ed|ing|s)? [^.]{0,60}?\\bwith (?:more |further |new )?(?:attacks|violence|death|reprisals)',
        '(?:will|would) be (?:shot|killed|executed|beheaded|targeted|attacked)',
        '(?:campaign|attacks|armed struggle|war|operations|jihad) (?:would|will) (?:go on|continue)',
        '(?:should|must|can) expect (?:more|further|new) attacks',
        '(?:year|days|rivers|sea) of blood|blood and tears|bloodbath',
        "warn(?:ed|s|ing) (?:[\\w'’]+ ){0,4}?to (?:stay away|keep away|get out|leave the country)",
      ]
        .join('|')
        .replace(/^/, '\\b(?:') + ')\\b',
      'i',
    ),
  },
  {
    type: 'warning',
    re: /\b(?:warn(?:ed|s|ing)?(?: [\w'’]+){0,4}? (?:of|about|that|against)|warn(?:ed|s|ing)?(?: [\w'’]+){0,6}? to (?:be (?:alert|vigilant|on guard)|stay (?:alert|vigilant))|warned\.?$|fear(?:ed|s)? (?:of )?(?:retaliation|reprisals?|revenge|copycat|further attacks)|risk of (?:a )?(?:retaliation|reprisals?|reprisal attacks?|revenge|copycat|further attacks)|could (?:inspire|trigger|prompt|provoke|spark|encourage) (?:copycat|similar|further|retaliatory|revenge|imitators)|raised the (?:terror )?threat level|on high alert|heightened alert)/i,
  },
];

/**
 * A group giving its attack's reason: "the attack … had been aimed at French 'crusaders' because
 * of France's role", "we selected the army's school for the attack because the government is
 * targeting our families" — a justification when a group says it.
 */
export const GIVEN_MOTIVE =
  /\b(?:attack(?:ed)?|ambush(?:ed)?|bombing|operation|assault|kidnapping|raid|aimed at|targeted|selected|chose|struck)\b[^.]{0,80}\b(?:because (?:of )?|for (?:its|their|his|her) (?:alleged )?(?:role|part|participation|willingness|support|cooperation|collaboration)\b|to punish|as punishment for|in protest (?:at|against))/i;

/** A revenge framing about the future ("would retaliate", "could try to avenge") is not a justification of a done attack. */
export const FUTURE_REVENGE =
  /\b(?:would|will|could|might|may|vow(?:ed|s)?|threaten\w*|urg\w+|call\w* (?:on|for)|try to|promis\w+)\b[^.]{0,120}\b(?:revenge|retaliat\w*|avenge|vengeance|reprisal)|\b(?:revenge|retaliat\w*|avenge|vengeance|reprisal)\w*\b[^.]{0,20}\b(?:is|was) coming\b/i;

/** An attack said to be done in revenge: the framing of an act, in the past. */
export const DONE_IN_REVENGE =
  /\b(?:was|were|had been|been) (?:carried out |launched |staged |committed )?(?:in |as |an act of )?(?:revenge|retaliation|retribution|reprisal|vengeance|a response|response)|\b(?:attack|bombing|shooting|operation|assault|killing|stabbing)s?\b[^.]{0,40}\b(?:revenge|retaliation|vengeance|response)\b|\bretaliating\b|\bclaim\w*\b[^.]{0,60}\b(?:revenge|vengeance|retaliation)/i;

/** "No group claimed responsibility", "denied responsibility": not a claim. */
export const NEGATED_CLAIM =
  /\bno (?:\w+ )?claims? (?:of|for) responsibility\b|\b(?:no (?:group|one|organi[sz]ation|claim)|nobody|not (?:yet )?(?:been )?claimed|yet to|has not|have not|had not|did not|denied|deny|denies|without)\b[^.]{0,40}\bclaim|\bdenied (?:any )?(?:responsibility|involvement)|\b(?:had|has|have|did) not (?:carried out|carry out|been behind|staged|attacked)\b|\b(?:was|were) not (?:behind|responsible)\b/i;

/** A warning must be about violence to come, not about anything ("warned of floods"). */
export const WARNING_TOPIC =
  /\b(?:retaliat\w+|reprisal\w*|revenge|avenge|copycat|imitators?|inspire|attacks?|strikes?|terror\w*|extremis\w+|radicali[sz]\w+|threat level|bloodshed)\b/i;

/** Words after "revenge for" that name the earlier events: "the New Zealand attack", "attacks on Muslims in Europe". */
export const REVENGE_OBJECT =
  /\b(?:revenge|retaliation|retaliat(?:e|ed|es|ing)|retribution|reprisal|response|avenge|avenging|(?<=\ba )protest(?= against| over))\s+(?:for|against|to|over)?\s*((?:the\s+|their\s+|our\s+)?[^.;:"“”]{3,120}?)(?=[.;:"“”,]|\s+(?:and|but|which|who|after|when)\b|$)/i;

/**
 * Words of a revenge object that name events ("the attacks", "the blood of the Muslims", "the
 * massacre"); an object with none of them and no place or date ("avenge their religion", "revenge
 * for the Prophet") names no earlier events.
 */
export const EVENT_WORDS =
  /\b(?:attacks?|bomb(?:s|ing|ings)?|blasts?|shootings?|killings?|killed|murders?|massacres?|slaughter|strikes?|airstrikes?|raids?|war|wars|invasion|occupation|blood|deaths?|dead|martyrs?|victims|assault|shelling|crimes?|atrocit(?:y|ies)|executions?|arrests?|operations?|campaign|persecution|torture|siege|killings)\b/i;

/** How a statement was delivered. */
export const MEDIUM_CUES: { re: RegExp; medium: string }[] = [
  {
    re: /\baudio(?: message| recording| statement| speech| clip)?\b|\brecorded (?:message|speech)\b/i,
    medium: 'audio',
  },
  { re: /\bvideos?\b|\bfilmed\b|\blivestream\w*\b/i, medium: 'video' },
  { re: /\bmanifesto\b/i, medium: 'manifesto' },
  { re: /\b(?:magazine|newsletter|weekly)\b/i, medium: 'magazine' },
  { re: /\b(?:posts?|posted|tweet(?:ed|s)?|channel|message on)\b/i, medium: 'post' },
  { re: /\bstatements?\b|\bcommuniqu[eé]s?\b|\bpress release\b/i, medium: 'statement' },
];

/** Speakers that are officials or experts (their threats are warnings). */
export const OFFICIAL_SPEAKER =
  /\b(?:police|officials?|officers|investigators|prosecutors?|detectives|inspectors?|counter-?terrorism|anti-?terrorist|government|minister|ministry|president|prime minister|authorities|spokes(?:man|woman|person) for the (?:police|government|ministry)|analysts?|experts?|researchers?|intelligence|security services|mayor|governor|commissioner|chancellor|secretary|ambassador|agency|MI5|FBI|Europol|Interpol|UN)\b/i;
