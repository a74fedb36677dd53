/** Target words and the GTD target type they indicate. The first matching row wins. */
export const TARGET_CUES: { re: RegExp; type: string }[] = [
  {
    re: /\b(?:mosques?|church(?:es)?|synagogues?|temples?|shrines?|cathedral|chapel|worshipp?ers|congregation|imams?|priests?|pastors?|rabbis?|clerics?|monks?|nuns?|pilgrims?|prayers?)\b/i,
    type: 'Religious Figures/Institutions',
  },
  {
    re: /\b(?:embass(?:y|ies)|consulates?|diplomats?|ambassadors?|diplomatic)\b/i,
    type: 'Government (Diplomatic)',
  },
  {
    re: /\b(?:police (?:stations?|officers?|checkpoints?|posts?|vehicles?|convoys?)|police(?:men|man|women|woman)?|officers|constables?|gendarm\w+)\b/i,
    type: 'Police',
  },
  {
    re: /\b(?:military bases?|air bases?|army bases?|army posts?|barracks|soldiers?|troops|army|military|servicem[ae]n|marines|base|checkpoint|convoy|peacekeepers?|security forces)\b/i,
    type: 'Military',
  },
  {
    re: /\b(?:schools?|universit(?:y|ies)|college|students?|pupils|schoolchildren|teachers?|campus|classroom)\b/i,
    type: 'Educational Institution',
  },
  {
    re: /\b(?:journalists?|reporters?|newspapers?|magazine|media|broadcaster|tv station|television station|radio station|cartoonists?)\b/i,
    type: 'Journalists & Media',
  },
  { re: /\b(?:airports?|planes?|aircraft|airliner|flights?|airlines?)\b/i, type: 'Airports & Aircraft' },
  {
    re: /\b(?:buses|bus|trains?|railway|subway|metro|underground|tram|bus station|train station|passengers|commuters|road|highway)\b/i,
    type: 'Transportation',
  },
  { re: /\b(?:tourists?|holidaymakers|resort)\b/i, type: 'Tourists' },
  {
    re: /\b(?:government (?:building|offices?|officials?|ministry)|ministry|parliament|officials?|governor|mayor|politicians?|ministers?|lawmakers?|councill?ors?|president|candidate|election (?:office|workers?)|polling station|town hall|courthouse|judges?)\b/i,
    type: 'Government (General)',
  },
  {
    re: /\b(?:oil (?:facility|facilities|field|processing|refinery)|refiner(?:y|ies)|pipelines?|power (?:station|plant|lines?|grid)|electricity|water supply|dam)\b/i,
    type: 'Utilities',
  },
  { re: /\b(?:ships?|vessels?|tankers?|boats?|ferry|port|harbou?r)\b/i, type: 'Maritime' },
  {
    re: /\b(?:aid workers?|NGOs?|charity|humanitarian|red cross|red crescent|UN (?:staff|workers?|compound))\b/i,
    type: 'NGO',
  },
  {
    re: /\b(?:hotels?|restaurants?|cafés?|cafes?|bars?|nightclubs?|shops?|stores?|markets?|marketplace|mall|supermarket|banks?|company|factory|business(?:es)?|offices?|shopping)\b/i,
    type: 'Business',
  },
  {
    re: /\b(?:civilians?|people|residents|villagers|crowds?|families|children|women|men|shoppers|pedestrians|worshippers|festival|concert|wedding|homes?|houses?|village|neighbou?rhood)\b/i,
    type: 'Private Citizens & Property',
  },
];
