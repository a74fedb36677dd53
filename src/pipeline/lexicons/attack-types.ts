/**
 * Cues for attack types and weapons (GTD codebook categories, spelled as GTD spells them).
 * Each cue is a regular expression over a sentence; order within a table does not matter.
 */

/** GTD attack types in the codebook's hierarchy: when several apply, the first one is coded. */
export const ATTACK_TYPE_HIERARCHY = [
  'Assassination',
  'Hijacking',
  'Hostage Taking (Kidnapping)',
  'Hostage Taking (Barricade Incident)',
  'Bombing/Explosion',
  'Armed Assault',
  'Unarmed Assault',
  'Facility/Infrastructure Attack',
  'Unknown',
] as const;
/** A GTD attack type. */
export type AttackType = (typeof ATTACK_TYPE_HIERARCHY)[number];

/** GTD weapon types. */
export type WeaponType =
  | 'Biological'
  | 'Chemical'
  | 'Radiological'
  | 'Nuclear'
  | 'Firearms'
  | 'Explosives'
  | 'Fake Weapons'
  | 'Incendiary'
  | 'Melee'
  | 'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)'
  | 'Sabotage Equipment'
  | 'Other'
  | 'Unknown';

/** GTD's vehicle weapon type (not vehicle-borne explosives). */
export const VEHICLE: WeaponType =
  'Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)';

/** A word or phrase that reports an attack, with the attack type and weapon it implies. */
export interface AttackCue {
  re: RegExp;
  type: AttackType;
  weapon?: WeaponType;
  /** The cue alone shows violence was done to people (not only that something happened). */
  violent: boolean;
  /**
   * The cue describes someone by an attack ("the man accused of killing 50 people") rather than
   * reporting it: the sentence's own news and its date may be something else.
   */
  describesPerson?: boolean;
}

/** The attack cues, from the most specific to the generic "attack". */
export const ATTACK_CUES: AttackCue[] = [
  {
    re: /\bassassinat(?:ed|ion|e|ing)\b|\battempt(?:ed|s)? to kill (?:him|her|the (?:president|prime minister|king|queen|leader|governor|minister))\b|\battempt on (?:his|her|the [\w-]+['’]s) life\b/i,
    type: 'Assassination',
    violent: true,
  },
  // "A hijacked beer truck ploughed into shoppers": a road vehicle taken to ram people is the
  // weapon of an assault, not a hijacking.
  {
    re: /(?<!\b(?:truck|lorry|van|car|vehicle|SUV)\b[^.;]{0,40})\bhijack(?:ed|ing|ers?)\b(?! (?:[\w-]+ )?(?:truck|lorry|van|car|vehicle|SUV)\b)/i,
    type: 'Hijacking',
    violent: true,
  },
  {
    re: /\b(?:kidnap(?:ped|ping|pers?)?|abduct(?:ed|ion|ions|ing)|seized (?:as )?hostages?)\b|\b(?:girls|boys|children|students|schoolgirls|schoolchildren|women|villagers|passengers|hostages|tourists|workers) (?:who were |were |had been )?(?:seized|snatched|taken captive|carried off) by\b|\b(?:was|were|had been) (?:seized|snatched|taken) from (?:their|his|her|the) (?:home|house|car|vehicle|compound|hotel|office|bed)s?\b|\b(?!(?:weapons|arms|drugs|explosives|guns|cash|money|goods|documents|assets|property|cargo|ammunition|cocaine|heroin|passports?|vessels?|ships?|tankers?|shipments?|land|territory|towns?|villages?|bases?|buildings?|computers?|phones?|materials?|items|vehicles?|cars?|trucks?|they|it)\b)[a-z]+(?:(?:, [^,.;]{1,60}){1,2},)? (?:was|were) seized (?:on|in|at|as|while|outside|near|from)\b/i,
    type: 'Hostage Taking (Kidnapping)',
    violent: true,
  },
  {
    re: /\b(?:took|take|takes|taken|taking|held|hold|holds|holding) (?:[\w,]+ ){0,5}?hostages?|\bhostage[- ](?:taking|takers?)|\bbarricaded\b|\bsiege\b|\b(?:seizure of|seized|stormed and (?:seized|occupied)|occupied) (?:a |the )?(?:[\w-]+ ){0,2}?(?:school|theatre|theater|hotel|hospital|church|mosque|synagogue|embassy|mall|supermarket|building|residence)\b/i,
    type: 'Hostage Taking (Barricade Incident)',
    violent: true,
  },
  {
    re: /\bsuicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|vests?|belts?|car bomb)|\bblew (?:himself|herself|themselves) up\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  {
    re: /\b(?:car|truck|lorry|vehicle|roadside|pipe|nail|parcel|letter|barrel) bombs?\b|\b(?:IEDs?|VBIEDs?|improvised explosive devices?|[Ll]and ?mines?)\b|\b(?:hit|struck|ran over|drove over|triggered|stepped on) (?:a|an|the) (?:[\w-]+ )?mines?\b/,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  // A vehicle set alight or packed with fuel and driven at a building: a car bomb in GTD's terms.
  {
    re: /\b(?:burning|blazing|flaming) (?:car|jeep|van|truck|lorry|vehicle|SUV)\b|\b(?:car|jeep|van|truck|lorry|vehicle|SUV) (?:packed|loaded|laden|filled) with (?:explosives|gas canisters|gas cylinders|petrol|fuel)\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  // "The device went off at lunchtime on Monday": a bomb going off is an attack's event.
  {
    re: /\b(?:bombs?|devices?|explosives|IEDs?|grenades?|charges?) (?:had |was |were )?(?:went off|exploded|blew up|detonated|was detonated|were detonated|ripped|tore)\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  // A bomb is made to hurt; an explosion or a blast may be an accident.
  {
    re: /(?<!(?:petrol|gasoline|fire) )\bbomb(?:s|ing|ings|ed|er|ers)?\b(?! (?:squad|disposal|threat|hoax|scare|shelter))|\bgrenades?\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  {
    re: /\b(?:explosions?|blasts?|(?<!Firearms and )explosives?|detonat(?:ed|ion|ing)|explod(?:ed|ing)|blew up|went off)\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: false,
  },
  {
    re: /\b(?:rocket|mortar|missile|drone|grenade) (?:attacks?|strikes?|fire)\b|\b(?:air ?strikes?|drone strikes?)\b|\b(?:rockets?|mortars?|missiles?|shells?|drones?) (?:struck|hit|landed|slammed|were fired|fired at|targeted)\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: true,
  },
  {
    re: /\b(?:rockets?|mortars?|shell(?:ing|ed)|missiles?)\b/i,
    type: 'Bombing/Explosion',
    weapon: 'Explosives',
    violent: false,
  },
  {
    re: /\b(?:shoot(?:ing|ings|er|ers)?|gunned down|shot (?:dead|to death|and killed|at|him|her|them|repeatedly|(?:several|many|multiple|two|three|four|five|\w+ more) times|in the (?:head|chest|back|neck|face|leg|stomach))|open(?:ed|ing|s)? fire|gun(?:man|men|fire|shots?)|gun attacks?|sniper|machine[- ]guns?|rifles?|(?<!Tobacco, )firearms?|pistols?|handguns?|AK-47s?)\b/i,
    type: 'Armed Assault',
    weapon: 'Firearms',
    violent: true,
  },
  {
    re: /\b(?:stabb(?:ed|ing|ings)|knife attacks?|knifem[ae]n|knives|(?:with|wielding|brandishing) a knife|machetes?|hacked (?:and shot )?to death|axes?|swords?)\b/i,
    type: 'Armed Assault',
    weapon: 'Melee',
    violent: true,
  },
  {
    re: /\b(?:ambush(?:ed)?|stormed|massacre[ds]?|raid(?:ed)? (?:on )?(?:a |the )?(?:[\w-]+ ){0,2}?(?:village|town|base|checkpoint|camp))\b/i,
    type: 'Armed Assault',
    violent: true,
  },
  {
    re: /\b(?:beat(?:en|ing)? (?:\w+ )?to death|lynch(?:ed|ing)|pummel?led)\b/i,
    type: 'Unarmed Assault',
    violent: true,
  },
  {
    re: /\b(?:rammed|ramming|ploughed|plowed|ploughing|plowing|drove|driving|mowed|mowing) (?:a |an |his |her |the )?(?:[\w-]+ ){0,2}?(?:car|truck|lorry|van|vehicle|SUV)? ?(?:into|through|down) (?:a |the )?(?:crowds?|pedestrians|people|worshippers|shoppers|revellers|spectators|(?:[\w-]+ ){0,2}(?:market|promenade|parade|festival))|\b(?:car|truck|lorry|van|vehicle|SUV) (?:that|which) (?:killed|ploughed|plowed|mowed|rammed|ran over)\b|\b(?:car|truck|lorry|van|vehicle|SUV)\b[^.]{0,40}?\b(?:was driven|were driven|ploughed|plowed|rammed|smashed) (?:into|through) (?:a |the )?(?:(?:group|crowd|line) of )?(?:[\w-]+ ){0,2}?(?:crowds?|pedestrians|people|worshippers|shoppers|revellers|spectators|protesters|pilgrims|cyclists|mourners|tourists|bystanders|passers-by|children|students|family|them)\b|\b(?:r[au]n(?:ning)?|mow(?:ed|ing)?) (?:them|him|her|people|pedestrians|(?:[\w-]+ ){1,2}of (?:a |the )?(?:[\w-]+ ){0,2}?family) (?:down|over)\b|\b(?:ran|run|running) over (?:a |the )?(?:[\w-]+ ){0,2}?(?:crowd|people|pedestrians|cyclists|worshippers|family|protesters|children)\b|\bmounted the (?:curb|kerb|pavement|sidewalk)\b|\bdrove (?:[\w-]+ ){0,3}?into them\b|\bvehicle[- ]ramming\b|\bramming attack\b|\btruck attack\b|\b(?:ploughed|plowed) (?:down|along) (?:a |the )?(?:busy |crowded |pedestrian )?(?:[A-Z][\w'’-]+|street|promenade|pavement|sidewalk)\b|\brampage (?:with|in|at the wheel of) (?:a|an|his|the) (?:[\w-]+ )?(?:bulldozer|car|truck|lorry|van|vehicle|SUV|tractor|digger|front-loader)\b/i,
    type: 'Unarmed Assault',
    weapon: VEHICLE,
    violent: true,
  },
  // Someone deliberately killed people, the means not given: "the man who killed 84 people",
  // "brothers suspected of killing 12 people", "the man accused of killing 50 people".
  {
    re: /\b(?:accused of|charged with|suspected of|convicted of|who|gunm[ae]n|attackers?|assailants?|bombers?|brothers|guerrillas|militants|rebels|insurgents|fighters|jihadists) (?:allegedly |reportedly )?(?:killing|killed|murdering|murdered|massacred) (?:at least |more than |some |nearly |about |up to )?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?) (?:people|persons|worshippers|civilians|children|students|pupils|soldiers|policemen|police officers|hostages|shoppers|tourists|villagers|peasants|farmers|passengers|Muslims|Jews|Christians)\b/i,
    type: 'Unknown',
    violent: true,
    describesPerson: true,
  },
  {
    re: /\b(?:poison(?:ed|ing)|nerve agent|sarin|chlorine gas|acid attacks?)\b/i,
    type: 'Unarmed Assault',
    weapon: 'Chemical',
    violent: true,
  },
  {
    re: /\b(?:arson|set (?:fire|ablaze) to|set on fire|(?:a )?fires? (?:was|were|had been) (?:deliberately )?set|torched|claimed (?:responsibility|credit) for (?:the )?(?:[\w-]+ )?fires?|fires? (?:that|which) (?:destroyed|gutted)|firebomb(?:s|ed|ing)?|(?:petrol|gasoline|fire) bombs?|molotov cocktails?|incendiary (?:devices?|bombs?))\b/i,
    type: 'Facility/Infrastructure Attack',
    weapon: 'Incendiary',
    violent: false,
  },
  // An arson attack is an attack; arson alone may be suspected in any fire.
  {
    re: /\barson (?:attacks?|assaults?)\b/i,
    type: 'Facility/Infrastructure Attack',
    weapon: 'Incendiary',
    violent: true,
  },
  {
    re: /\b(?:sabotag(?:ed|e)|vandali[sz]ed)\b/i,
    type: 'Facility/Infrastructure Attack',
    weapon: 'Sabotage Equipment',
    violent: false,
  },
  // "an attack on an Iraqi air base", "militants attacked an army base": an attack aimed at
  // people or places, not at an idea.
  {
    re: /\b(?:attack(?:s|ed)? (?:on|against)|attacked) (?:an? |the )?(?:[\w'-]+ ){0,3}?(?:base|mosques?|church(?:es)?|synagogues?|temples?|shrines?|cathedral|police|soldiers|troops|convoys?|checkpoints?|schools?|universit(?:y|ies)|colleges?|hospitals?|markets?|malls?|shopping (?:centre|center)s?|hotels?|restaurants?|cafes?|bars?|nightclubs?|clubs?|concerts?|festivals?|parades?|rall(?:y|ies)|beach(?:es)?|resorts?|parliament|courts?|prisons?|ministr(?:y|ies)|villages?|towns?|embass(?:y|ies)|camps?|bus(?:es)?|trains?|stations?|airports?|offices?|headquarters|civilians|worshippers|tourists|people|crowds?)\b/i,
    type: 'Unknown',
    violent: true,
  },
  {
    re: /\battack(?:s|ed|ing|ers?)?\b|\bassault(?:s|ed)?\b|\bterror(?:ist)? attacks?\b/i,
    type: 'Unknown',
    violent: false,
  },
];

/** Weapon words that add a weapon without implying another attack type. */
export const WEAPON_CUES: { re: RegExp; weapon: WeaponType }[] = [
  {
    re: /\b(?:guns?|gunfire|gunm[ae]n|rifles?|(?<!Tobacco, )firearms?|pistols?|shot|shooting|AK-47s?|bullets?)\b/i,
    weapon: 'Firearms',
  },
  {
    re: /(?<!(?:petrol|gasoline|fire) )\b(?:bombs?|(?<!Firearms and )explosives?|explosions?|blasts?|grenades?|IEDs?|land ?mines?|detonat\w+|rockets?|mortars?|missiles?)\b/i,
    weapon: 'Explosives',
  },
  { re: /\b(?:knives|knife|stabb\w+|machetes?|axes?|swords?|sticks|clubs|hammers?)\b/i, weapon: 'Melee' },
  { re: /\b(?:arson|set (?:fire|ablaze)|torched|petrol bombs?|molotov|incendiary)\b/i, weapon: 'Incendiary' },
  { re: /\b(?:rammed|ramming|ploughed into|plowed into)\b/i, weapon: VEHICLE },
  { re: /\b(?:chemical weapons?|nerve agent|sarin|chlorine|poison\w*|acid)\b/i, weapon: 'Chemical' },
  { re: /\b(?:fake|replica|imitation) (?:guns?|bombs?|suicide vests?|weapons?)\b/i, weapon: 'Fake Weapons' },
];

/** A bombing "by suicide": the GTD `suicide` variable. */
export const SUICIDE =
  /\bsuicide (?:bomb\w*|attack\w*|vests?|belts?|car bomb|mission)|\bblew (?:himself|herself|themselves) up\b|\bself-immolat/i;
