/**
 * Words too common in news of violence to tell two incidents apart: English function words,
 * reporting verbs and the generic vocabulary of attacks. Used when comparing incident reports by
 * their distinctive words (IDF weighting does the rest on large stores).
 */
export const COMMON_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
   below between both but by can could did do does doing down during each few for from further had
   has have having he her here hers him his how i if in into is it its itself just me more most my
   no nor not now of off on once only or other our out over own same she should so some such than
   that the their them then there these they this those through to too under until up very was we
   were what when where which while who whom why will with would you your yesterday today tomorrow
   monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week
   month year years day days last earlier later local time according said says told say reported
   reports report officials official police spokesman spokeswoman statement news agency reuters afp
   ap people person least killed killing kill dead death deaths died wounded injured injuring injuries
   attack attacks attacked attacker attackers incident incidents hospital city town country capital
   province region district area government authorities security forces forces two three four five
   six seven eight nine ten one dozens several many including among near outside inside
   first second third new another since two-day least more than`
    .split(/\s+/)
    .filter(Boolean),
);
