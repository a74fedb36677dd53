/** Cues for statement types, speakers' media and the revenge framing that links incidents. */

export type StatementType =
  'call-to-violence' | 'threat' | 'claim-of-responsibility' | 'revenge-justification' | 'warning';

/** Violent acts a statement may call for, threaten or justify. */
const VIOLENT_ACT =
  '(?:attack|kill|murder|slaughter|behead|execute|bomb|shoot|stab|burn|strike|target|avenge|take revenge|seek revenge|retaliate|wage (?:jihad|war)|fight|rise up|carry out (?:attacks|operations|jihad)|copy|emulate|repeat|follow (?:his|their|the) (?:example|lead)|hunt)';

/** Sentence cues per statement type, most specific first. */
export const STATEMENT_CUES: { type: StatementType; re: RegExp }[] = [
  {
    type: 'claim-of-responsibility',
    re: /\b(?:claim(?:ed|s|ing)? (?:responsibility|credit)|(?:was|were|has been|had been) claimed by|claim(?:ed|s|ing)? (?:the|this|that|last \w+'s|\w+'s|Friday's|Saturday's|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's) (?:attacks?|bombings?|shootings?|killings?|assault|kidnapping|abduction|operation|stabbing)|(?:took|taken|admitted|accepted|claims?) responsibility|(?:said|says|announced) (?:that )?(?:it|they) (?:had )?(?:carried out|was behind|were behind|staged|conducted)|(?:said|says) (?:that )?the (?:attackers?|bombers?|gunm[ae]n|assailants?|perpetrators?)\b[^.]{0,80}?\b(?:were|was) (?:its|their|the group's|soldiers|fighters|members))\b/i,
  },
  {
    type: 'call-to-violence',
    re: new RegExp(
      `\\b(?:call(?:ed|s|ing)? (?:on|for|upon) .{0,80}?\\b(?:to )?${VIOLENT_ACT}|urg(?:ed|es|ing) .{0,80}?\\bto ${VIOLENT_ACT}|(?:told|tells|telling|encourag(?:ed|es|ing)|exhort(?:ed|s|ing)|instruct(?:ed|s|ing)) (?:its |their |his )?(?:followers|supporters|members|readers|listeners|muslims|sympathi[sz]ers|viewers)\\b.{0,40}?\\bto ${VIOLENT_ACT}|incit(?:ed|es|ing|ement) (?:to |of )?(?:violence|attacks?|murder|terror)|(?:take|seek|exact) revenge|avenge (?:the|our|your|their)|kill (?:them|every|all|any)|attack (?:them|the infidels|mosques|churches|synagogues))\\b`,
      'i',
    ),
  },
  {
    type: 'revenge-justification',
    re: /\b(?:(?:in|as|an act of|a|an) (?:revenge|retaliation|retribution|reprisal|vengeance) (?:for|against)|(?:to|in order to) avenge|(?:revenge|vengeance) for|retaliation (?:for|against)|retaliat(?:e|ed|ing) (?:for|against)|(?:in|a|was a) response to (?:the |its |their )?(?:[\w-]+ ){0,3}?(?:attacks?|strikes?|air ?strikes|killings?|bombings?|raids?|massacres?|invasion|aggression|occupation|killing|insult|burning|desecration)|avenging)\b/i,
  },
  {
    type: 'threat',
    re: new RegExp(
      `\\b(?:threat(?:en(?:ed|s|ing)?) to ${VIOLENT_ACT}|vow(?:ed|s|ing)? (?:to |that )?(?:[\\w']+ ){0,4}?(?:would |will )?(?:${VIOLENT_ACT}|revenge|retaliation|respond|continue (?:its|their|the) (?:attacks|campaign|armed struggle|jihad))|promis(?:ed|es|ing) (?:more|further|new) attacks|(?:we|they|it|the group) (?:will|would) (?:continue to )?${VIOLENT_ACT}|more attacks (?:will|would) follow|will pay (?:a|the) (?:heavy )?price|(?:next|new) targets?)\\b`,
      'i',
    ),
  },
  {
    type: 'warning',
    re: /\b(?:warn(?:ed|s|ing)?(?: [\w'’]+){0,4}? (?:of|about|that|against)|fear(?:ed|s)? (?:of )?(?:retaliation|reprisals?|revenge|copycat|further attacks)|risk of (?:retaliation|reprisals?|revenge|copycat|further attacks)|could (?:inspire|trigger|prompt|provoke|spark) (?:copycat|similar|further|retaliatory|revenge) (?:attacks|violence)|raised the (?:terror )?threat level|on high alert|heightened alert)\b/i,
  },
];

/** "No group claimed responsibility", "denied responsibility": not a claim. */
export const NEGATED_CLAIM =
  /\b(?:no (?:group|one|organi[sz]ation|claim)|nobody|not (?:yet )?(?:been )?claimed|yet to|has not|have not|had not|did not|denied|deny|denies|without)\b[^.]{0,40}\bclaim|\bdenied (?:any )?(?:responsibility|involvement)/i;

/** A warning must be about violence to come, not about anything ("warned of floods"). */
export const WARNING_TOPIC =
  /\b(?:retaliat\w+|reprisal\w*|revenge|copycat|attacks?|terror\w*|violence|extremis\w+|radicali[sz]\w+|threat|bloodshed|escalat\w+)\b/i;

/** Words after "revenge for" that name the earlier events: "the New Zealand attack", "attacks on Muslims in Europe". */
export const REVENGE_OBJECT =
  /\b(?:revenge|retaliation|retribution|reprisal|response|avenge|avenging)\s+(?:for|against|to)?\s*((?:the\s+|their\s+|our\s+)?[^.;:"“”]{3,120}?)(?=[.;:"“”,]|\s+(?:and|but|which|who|after|when)\b|$)/i;

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
  /\b(?:police|officials?|government|minister|ministry|president|prime minister|authorities|spokes(?:man|woman|person) for the (?:police|government|ministry)|analysts?|experts?|researchers?|intelligence|security services|mayor|governor|commissioner|chancellor|secretary|ambassador|agency|MI5|FBI|Europol|Interpol|UN)\b/i;
