/** Cues for statement types, speakers' media and the revenge framing that links incidents. */

export type StatementType =
  'call-to-violence' | 'threat' | 'claim-of-responsibility' | 'revenge-justification' | 'warning';

/** Sentence cues per statement type, most specific first. */
export const STATEMENT_CUES: { type: StatementType; re: RegExp }[] = [
  {
    type: 'claim-of-responsibility',
    re: /\b(?:claim(?:ed|s|ing)? (?:responsibility|credit)|claim(?:ed|s|ing)? (?:the|this|that|last \w+'s|\w+'s) (?:attack|bombing|shooting|killing|assault|kidnapping|abduction|operation)|took responsibility|taken responsibility|(?:said|says|announced) (?:it|they) (?:had )?(?:carried out|was behind|were behind|staged|conducted))\b/i,
  },
  {
    type: 'call-to-violence',
    re: /\b(?:call(?:ed|s|ing)? (?:on|for|upon) .{0,80}?\b(?:to )?(?:attack|kill|avenge|take revenge|revenge|strike|wage|jihad|fight|rise up|carry out|murder|slaughter)|urg(?:ed|es|ing) .{0,80}?\bto (?:attack|kill|avenge|take revenge|strike|wage|fight|rise up|carry out|murder)|incit(?:ed|es|ing|ement) .{0,40}?(?:violence|attacks?|murder|to)|(?:take|seek|exact) revenge|avenge (?:the|our|your|their)|kill (?:them|the|every|all)|attack (?:them|the infidels|mosques|churches|synagogues))\b/i,
  },
  {
    type: 'revenge-justification',
    re: /\b(?:(?:in|as|an act of|a|an) (?:revenge|retaliation|retribution|reprisal) (?:for|against)|(?:to|in order to) avenge|revenge for|retaliation for|in response to|avenging)\b/i,
  },
  {
    type: 'threat',
    re: /\b(?:threat(?:en(?:ed|s|ing)?)|vow(?:ed|s|ing)? (?:to|revenge|retaliation)|promis(?:ed|es|ing) (?:more|further|new) attacks|(?:we|they) will (?:attack|strike|kill|target|avenge|fight)|more attacks (?:will|would) follow|will pay (?:a|the) (?:heavy )?price)\b/i,
  },
  {
    type: 'warning',
    re: /\b(?:warn(?:ed|s|ing)? (?:of|about|that|against)|fear(?:ed|s)? (?:of )?(?:retaliation|reprisals?|revenge|copycat|further attacks)|risk of (?:retaliation|reprisals?|revenge|copycat|further attacks)|raised the (?:terror )?threat level|on high alert|heightened alert)\b/i,
  },
];

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
