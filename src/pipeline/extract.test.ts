import { describe, expect, it } from 'vitest';
import { createDoc } from '../doc.js';
import { resources } from '../../test/helpers/annotate-text.js';
import { extractionErrors } from '../../test/extract/validate-extraction.js';
import { extract } from './extract.js';

const run = (text: string, published = '2019-03-28') => {
  const x = extract(createDoc({ id: 'd', text, published }), resources());
  expect(extractionErrors(x, text)).toEqual([]);
  return x;
};

describe('extract', () => {
  const christchurch =
    'A gunman killed 50 people at two mosques in Christchurch, New Zealand on 15 March. ' +
    'On Monday, Islamic State spokesman Abu Hassan al-Muhajir released an audio message through al-Furqan on Telegram ' +
    'calling on followers to take revenge for the New Zealand attack.';

  it('codes the incident a report is about, each field with its sentence', () => {
    const [main] = run(christchurch).incidents;
    expect(main).toMatchObject({
      role: 'main',
      type: 'Armed Assault',
      date: { value: '2019-03-15', precision: 'day' },
      location: { city: 'Christchurch', countryCode: 'NZ' },
      weapons: ['Firearms'],
      killed: { value: 50 },
      suicide: false,
    });
    expect(main?.targets[0]).toEqual({ type: 'Religious Figures/Institutions', text: 'two mosques' });
    expect(main?.evidence.find((e) => e.field === 'killed')?.text).toBe(
      'A gunman killed 50 people at two mosques in Christchurch, New Zealand on 15 March.',
    );
  });

  it('finds a call for revenge with speaker, organisation, outlet, platform and medium, linked to the attack it invokes', () => {
    const x = run(christchurch);
    expect(x.statements).toHaveLength(1);
    expect(x.statements[0]).toMatchObject({
      type: 'call-to-violence',
      speaker: { id: 'abu-al-hassan-al-muhajir' },
      organization: { id: 'islamic-state' },
      outlet: { id: 'al-furqan-media-foundation' },
      platform: { id: 'telegram' },
      medium: 'audio',
      date: { value: '2019-03-25' },
    });
    expect(x.links).toEqual([
      expect.objectContaining({ from: x.statements[0]!.id, to: x.incidents[0]!.id, kind: 'retaliation-for' }),
    ]);
  });

  it('reads a claim through an outlet as a claim by its group', () => {
    const x = run(
      'A suicide bomber killed 12 soldiers and wounded 30 at a checkpoint in Mogadishu on Sunday. Al-Shabaab claimed responsibility for the attack in a statement on its Radio Andalus.',
    );
    const [main] = x.incidents;
    expect(main).toMatchObject({
      type: 'Bombing/Explosion',
      suicide: true,
      killed: { value: 12 },
      wounded: { value: 30 },
    });
    expect(main?.perpetrators.map((p) => p.id)).toEqual(['al-shabaab']);
    expect(main?.claimedBy.map((c) => c.id)).toEqual(['al-shabaab']);
    expect(x.statements.map((s) => s.type)).toEqual(['claim-of-responsibility']);
    expect(x.statements[0]?.refersTo).toEqual([main?.id]);
  });

  it('counts attackers apart from victims and reads "no injuries were reported" as zero', () => {
    const [main] = run(
      'Gunmen stormed a hotel in Nairobi, killing 21 people including the four attackers. No injuries were reported among the staff.',
    ).incidents;
    expect(main).toMatchObject({ killed: { value: 17 }, perpetratorsKilled: { value: 4 } });
  });

  it('counts the victims of a bomber who "killed himself and 15 others" apart from the bomber', () => {
    const [main] = run(
      'A suicide bomber killed himself and 15 others at a mosque in Maiduguri on Friday.',
    ).incidents;
    expect(main).toMatchObject({ killed: { value: 15 }, perpetratorsKilled: { value: 1 }, suicide: true });
  });

  it('does not count the killers as the killed ("two men shot dead a journalist")', () => {
    const [main] = run(
      'Two men on a motorbike shot dead a journalist outside his home in Karachi on Tuesday.',
    ).incidents;
    expect(main?.killed).toEqual({ value: 1 });
  });

  it('reports "militants attacked an army base" with the toll of the next sentence', () => {
    const [main] = run(
      'Militants attacked an army base in Borno on Monday. Nine soldiers were killed.',
    ).incidents;
    expect(main).toMatchObject({ role: 'main', killed: { value: 9 }, location: { admin1: 'Borno' } });
  });

  it('counts "three Chinese nationals and their Pakistani driver" as four killed', () => {
    const x = run(
      'A suicide bomber blew herself up next to a van at the University of Karachi on Tuesday, killing three Chinese nationals and their Pakistani driver.',
      '2022-04-27',
    );
    expect(x.incidents[0]?.killed).toEqual({ value: 4 });
  });

  it('counts "a boy was burned to death and three members of his family were seriously hurt"', () => {
    const x = run(
      'An 18-month-old Palestinian boy was burned to death and three members of his family were seriously hurt when extremists set fire to their home on Friday.',
      '2015-07-31',
    );
    expect(x.incidents[0]).toMatchObject({ killed: { value: 1 }, wounded: { value: 3 } });
  });

  it('reads "61 others were receiving treatment" as wounded and "no churchgoers were killed" as none killed', () => {
    const owo = run(
      'Gunmen detonated explosives and opened fire on worshippers at a church in Owo on Sunday. Officials said 40 people were killed and 61 others were receiving treatment in hospitals.',
      '2022-06-10',
    );
    expect(owo.incidents[0]).toMatchObject({ killed: { value: 40 }, wounded: { value: 61 } });
    const makassar = run(
      'Two suicide bombers blew themselves up outside a cathedral in Makassar on Sunday, wounding at least 20 people. No churchgoers were killed.',
      '2021-03-29',
    );
    expect(makassar.incidents[0]?.killed).toEqual({ value: 0 });
  });

  it('gives a range when sources disagree on a toll, with both sentences as evidence', () => {
    const text =
      'A suicide bomber killed 20 people at a market in Kabul on Tuesday, police said. ' +
      'Hospital officials put the toll at 26, and said dozens more were wounded.';
    const [main] = run(text, '2019-03-27').incidents;
    expect(main?.killed).toEqual({ min: 20, max: 26 });
    expect(main?.evidence.filter((e) => e.field === 'killed')).toHaveLength(2);
  });

  it('keeps the latest figure when a toll rises rather than giving a range', () => {
    const text =
      'A suicide bomber killed 20 people at a market in Kabul on Tuesday. Later the death toll rose to 26, officials said.';
    expect(run(text, '2019-03-27').incidents[0]?.killed).toEqual({ value: 26 });
  });

  it('makes the attack the document reports the one framed as revenge, not the earlier strikes it invokes', () => {
    const text =
      'Drones struck two oil facilities in Abqaiq, Saudi Arabia, on Saturday, starting large fires. ' +
      'The Houthi movement claimed responsibility for the attack. ' +
      '"We have the right to strike back in retaliation to the air strikes and the targeting of our civilians for the last five years," a spokesman said.';
    const x = run(text, '2019-09-15');
    const main = x.incidents.find((i) => i.role === 'main')!;
    expect(main.location?.city).toBe('Abqaiq');
    const fromIncidents = x.links.filter((l) => x.incidents.some((i) => i.id === l.from));
    expect(fromIncidents.map((l) => l.from)).toEqual([main.id]);
    // The justification refers to the attack it justifies; "the last five years" dates nothing.
    const justification = x.statements.find((s) => s.type === 'revenge-justification')!;
    expect(justification).toMatchObject({ refersTo: [main.id], date: null });
    expect(x.incidents.map((i) => i.role)).toEqual(['main']);
  });

  it('gives an unattributed quoted paragraph the speaker of the quote before it', () => {
    const text =
      'Houthi rebels fired drones at the Abqaiq oil plant in Saudi Arabia on Saturday. ' +
      '"These attacks are our right, and we warn the Saudis that our targets will keep expanding," Yahya Saree said.\n\n' +
      '"We have the right to strike back in retaliation to the air strikes on our civilians."';
    const x = run(text, '2019-09-15');
    const justification = x.statements.find((s) => s.type === 'revenge-justification')!;
    expect(justification.speaker?.id).toBe('yahya-saree');
    expect(justification.evidence.find((e) => e.field === 'speaker')?.text).toContain('Yahya Saree said');
  });

  it('keeps the stories further down a news digest out of its first incident', () => {
    const filler = Array.from(
      { length: 9 },
      (_, i) => `The campaign visited town number ${i + 1} and spoke about the economy.`,
    ).join(' ');
    const text =
      'A gunman opened fire at a rally in Kenosha, Wisconsin on Tuesday, wounding two people. ' +
      filler +
      ' As of September 30, Armenia claimed 790 Azerbaijani soldiers had been killed in missile attacks.';
    const [first, ...rest] = run(text, '2020-09-30').incidents;
    expect(first).toMatchObject({ location: { city: 'Kenosha' }, killed: null });
    expect(rest.every((i) => i.role === 'background')).toBe(true);
  });

  it('frames an attack as revenge for earlier events named only in words', () => {
    const x = run(
      'The attacker, a far-right extremist, opened fire on worshippers at a mosque in Bærum, wounding one man. In a post on 4chan he wrote that the attack was revenge for attacks in Europe by Muslims.',
    );
    expect(x.incidents[0]?.perpetrators).toEqual([
      expect.objectContaining({ id: null, ideology: 'far-right' }),
    ]);
    const justification = x.statements.find((s) => s.type === 'revenge-justification');
    expect(justification?.platform?.id).toBe('4chan');
    expect(x.links).toContainEqual(
      expect.objectContaining({ from: justification!.id, to: { text: 'attacks in Europe by Muslims' } }),
    );
  });

  it('dates and places a follow-up report by the attack it names, not by its own news', () => {
    const text =
      'German authorities issued a wanted notice on Wednesday for a 24-year-old Tunisian man in connection with ' +
      "Monday's truck attack on a Berlin Christmas market. A Pakistani man arrested after the attack was released " +
      'on Tuesday evening. Twelve people were killed at the market.';
    const [main] = run(text, '2016-12-21').incidents;
    expect(main).toMatchObject({
      role: 'main',
      date: { value: '2016-12-19', precision: 'day' },
      location: { city: 'Berlin', countryCode: 'DE' },
    });
  });

  it('reads a report in January of "the December 30 car bombing" as about that bombing', () => {
    const [main] = run(
      "ETA has claimed responsibility for the December 30 car bombing at Madrid's Barajas airport, which killed two men.",
      '2007-01-10',
    ).incidents;
    expect(main).toMatchObject({ role: 'main', date: { value: '2006-12-30' }, location: { city: 'Madrid' } });
  });

  it('keeps a separate attack the report mentions out of the main incident', () => {
    const text =
      'EL PASO, Texas (Reuters) - The death toll in the mass shooting at a Walmart in Texas rose to 22 on Monday. ' +
      "A document was posted online shortly before Saturday's attack. " +
      'The suspect, 21, has been charged with capital murder. Mexico said eight of its citizens were among the dead. ' +
      'The attack came about 13 hours before a separate mass shooting in Dayton, Ohio.';
    const [main] = run(text, '2019-08-05').incidents;
    expect(main).toMatchObject({ date: { value: '2019-08-03' }, location: { city: 'El Paso' } });
  });

  it('dates a report on a court hearing by the attack, not by the hearing', () => {
    const text =
      'PITTSBURGH (AP) — The man accused of killing 11 worshippers at a Pittsburgh synagogue appeared in federal court in a wheelchair on Monday to face charges. ' +
      "Shortly before Saturday's attack on the Tree of Life synagogue, he posted on Gab that a Jewish refugee group brings in invaders that kill our people.";
    expect(run(text, '2018-10-29').incidents[0]?.date).toEqual({ value: '2018-10-27', precision: 'day' });
  });

  it('dates an attack by the first date after its words, not by the news of the sentence', () => {
    const text =
      'Relatives of the 50 people killed in the attack on two mosques in Christchurch in March met the prime minister on Monday.';
    expect(run(text, '2019-08-19').incidents[0]?.date).toEqual({ value: '2019-03', precision: 'month' });
  });

  it('dates a claim that gives no date for the attack by a sentence about its victims', () => {
    const text =
      'Islamic State said on Saturday that the man who killed 84 people by driving a truck through crowds in Nice was one of its soldiers. ' +
      'Investigators have found no evidence that he was in contact with the group. Seven people were being held. ' +
      'Ten children were among those killed on the Promenade des Anglais on Thursday night.';
    const [main] = run(text, '2016-07-17').incidents;
    expect(main).toMatchObject({ date: { value: '2016-07-14' }, location: { city: 'Nice' } });
  });

  it('dates a sentencing report by the attack it names, not by the sentence handed down', () => {
    const x = run(
      'A doctor who tried to kill holidaymakers by driving a burning jeep packed with gas canisters into Glasgow Airport was jailed for life on Wednesday. His accomplice died of his burns a month after the attack in June last year.',
      '2008-12-17',
    );
    expect(x.incidents[0]).toMatchObject({
      type: 'Bombing/Explosion',
      location: { city: 'Glasgow' },
      date: { value: '2007-06', precision: 'month' },
    });
  });

  it('reads "taking up to 700 people hostage" as a barricade incident', () => {
    const x = run(
      'Dozens of heavily armed Chechen rebels stormed a Moscow theatre late Wednesday, taking up to 700 people hostage and threatening to blow up the building.',
      '2002-10-24',
    );
    expect(x.incidents[0]?.type).toBe('Hostage Taking (Barricade Incident)');
  });

  it("does not report robbers using explosives or a thriller's suicide vest as confident attacks", () => {
    const heist = run(
      'A security guard was shot dead when a gang of armed robbers ambushed a cash-in-transit van near Daveyton on Tuesday and used explosives to blow open its strongroom.',
      '2023-09-13',
    );
    expect(heist.incidents.every((i) => i.confidence < 0.5)).toBe(true);
    const review = extract(
      createDoc({
        id: 'r',
        title: 'Bodyguard review: a nerve-shredding train siege',
        text: 'On a packed train he finds a terrified young woman wearing a suicide vest and has to talk her out of detonating it as armed officers close in. It is a masterclass in suspense.',
        published: '2018-08-27',
      }),
      resources(),
    );
    expect(review.incidents.every((i) => i.confidence < 0.5)).toBe(true);
  });

  it("makes one claim of a group's claim told twice, and another of a claim of another attack", () => {
    const x = run(
      'An arson attack on a power pylon near Berlin cut the power of the Tesla plant on Tuesday. The Vulkangruppe has claimed responsibility. ' +
        'In a letter on a left-wing website, Vulkangruppe said it had carried out the sabotage. ' +
        'On May 2, a fire at a rail cable duct in Berlin, an attack also claimed by Vulkangruppe, stopped trains.',
      '2024-03-06',
    );
    const claims = x.statements.filter((s) => s.type === 'claim-of-responsibility');
    expect(claims).toHaveLength(2);
    expect(claims[0]!.evidence.map((e) => e.field)).toEqual(['type', 'speaker', 'quote']);
  });

  it('takes the dateline city when the report names only the country', () => {
    const x = run(
      'KARACHI, Pakistan (AP) — A woman suicide bomber blew herself up next to a van carrying Chinese teachers at the University of Karachi on Tuesday, killing four people, police in Pakistan said.',
      '2022-04-27',
    );
    expect(x.incidents[0]?.location).toMatchObject({ city: 'Karachi', countryCode: 'PK' });
  });

  it('codes the poisoning of an opposition leader as an assassination', () => {
    const x = run(
      'The German government said Russian opposition leader Alexei Navalny was poisoned with Novichok, a nerve agent.',
      '2020-09-05',
    );
    expect(x.incidents[0]).toMatchObject({ type: 'Assassination', weapons: ['Chemical'] });
    expect(x.incidents[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('makes an attack of another day recalled in the report an incident of its own', () => {
    const x = run(
      'Three gunmen stormed Kabul University on Monday morning and killed 22 people. ' +
        'On October 24, a suicide bomber killed 24 people at an education centre in western Kabul.',
      '2020-11-03',
    );
    expect(x.incidents.map((i) => [i.role, i.type, i.date?.value, i.killed])).toEqual([
      ['main', 'Armed Assault', '2020-11-02', { value: 22 }],
      ['background', 'Bombing/Explosion', '2020-10-24', { value: 24 }],
    ]);
  });

  it('does not place an attack at a capital dateline the report does not name again, nor at a border or a football club', () => {
    const village = run(
      'OUAGADOUGOU (AFP) — Gunmen killed around 160 people in a raid on a village in northern Burkina Faso near the border with Niger on Saturday, local sources said.',
      '2021-06-06',
    );
    expect(village.incidents[0]?.location).toMatchObject({ countryCode: 'BF' });
    expect(village.incidents[0]?.location?.city).toBeUndefined();
    const capital = run(
      'BAMAKO (Reuters) - Islamist gunmen stormed a luxury hotel in the capital on Friday, taking 170 people hostage, the government of Mali said.',
      '2015-11-21',
    );
    expect(capital.incidents[0]?.location?.city).toBe('Bamako');
    const club = run(
      'Gunmen on motorbikes kidnapped the father of Liverpool forward Luis Diaz in Barrancas, Colombia, last week.',
      '2023-11-02',
    );
    expect(club.incidents[0]?.location).toMatchObject({ city: 'Barrancas', countryCode: 'CO' });
  });

  it('reports an armed attack on football fans near a stadium', () => {
    const x = run(
      'A gunman opened fire with an assault rifle near the King Baudouin Stadium in Brussels on Monday evening, killing two Swedish football fans.',
      '2023-10-17',
    );
    expect(x.incidents[0]).toMatchObject({ role: 'main', type: 'Armed Assault', killed: { value: 2 } });
  });

  it('codes a vehicle driven into a crowd as an unarmed assault, whatever the police did or found after', () => {
    const van = run(
      'A van was driven into a group of Muslim worshippers near a mosque in north London on Monday, killing one man and injuring 10 other people.',
      '2017-06-19',
    );
    expect(van.incidents[0]).toMatchObject({
      type: 'Unarmed Assault',
      weapons: [expect.stringMatching(/^Vehicle/)],
    });
    const truck = run(
      'A man drove a pickup truck into crowds on Bourbon Street in New Orleans on Wednesday, killing 14 people. ' +
        'He was shot dead by police at the scene. Two improvised explosive devices found nearby were made safe.',
      '2025-01-02',
    );
    expect(truck.incidents[0]?.type).toBe('Unarmed Assault');
  });

  it('reads an attacker\'s own video as a claim, "take up arms" as a call and "future attacks would be harsher" as a threat', () => {
    const x = run(
      'A gunman killed two Swedish football fans in Brussels on Monday. In a video posted on social media, a man identifying himself as the attacker said he had killed them. ' +
        'The Baloch Liberation Army warned China to leave the province, saying future attacks would be even harsher. ' +
        'Islamic State urged Muslims in the region to take up arms against the government.',
      '2023-10-17',
    );
    expect(x.statements.map((s) => s.type)).toEqual([
      'claim-of-responsibility',
      'threat',
      'call-to-violence',
    ]);
  });

  it('dates a report on a court hearing by the attack: "opening fire" on Wednesday night, not the hearing on Friday', () => {
    const x = run(
      'Relatives of the nine people killed at a historic black church in Charleston confronted the man accused of the massacre at his first court appearance on Friday. ' +
        'Authorities say he sat with a Bible study group at the church on Wednesday night before pulling out a handgun and opening fire.',
      '2015-06-20',
    );
    expect(x.incidents[0]).toMatchObject({ date: { value: '2015-06-17' }, weapons: ['Firearms'] });
  });

  it('does not date an attack by the attack of the man a suspect is related to', () => {
    const x = run(
      'Prosecutors identified one of the two suicide bombers who killed 102 people at a peace rally in Ankara as the elder brother of the man who blew himself up in the border town of Suruc in July.',
      '2015-10-20',
    );
    expect(x.incidents.map((i) => i.date?.value ?? null)).not.toContainEqual(
      expect.stringMatching(/^2015-07/),
    );
  });

  it('does not report accidents, disasters or sport as attacks', () => {
    for (const text of [
      'A gas explosion destroyed a block of flats in Paris on Saturday, killing three people and injuring 20.',
      'The striker scored twice as United attacked from the first minute and crushed the visitors.',
      'Farmers used explosives to kill a jackal that had attacked their sheep.',
    ]) {
      const confident = run(text).incidents.filter((i) => i.confidence >= 0.5);
      expect(confident, text).toEqual([]);
    }
  });

  it('does not report a shooting the police say was not terrorism, nor a state air strike, as a confident attack', () => {
    const mall = run(
      'A gunman killed three people at a shopping centre in Copenhagen on Sunday, police said, adding that there was nothing to suggest the attack was an act of terrorism.',
      '2022-07-04',
    );
    expect(mall.incidents[0]?.confidence).toBeLessThan(0.5);
    const strike = run(
      'An air strike by U.S. forces hit a hospital in Kunduz early on Saturday, killing 22 people.',
      '2015-10-04',
    );
    expect(strike.incidents[0]?.confidence).toBeLessThan(0.5);
  });

  it("counts an attacker's stated motive elsewhere in the report as political context", () => {
    const x = run(
      'A man drove a car into a crowded Christmas market in Magdeburg on Friday evening, killing five people. He had posted anti-Islam messages on social media and expressed support for the far right.',
      '2024-12-21',
    );
    expect(x.incidents[0]).toMatchObject({ role: 'main', type: 'Unarmed Assault' });
    expect(x.incidents[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps the attack a sentencing report months later retells as its main incident, not a trial years later', () => {
    const months = run(
      'An Italian man who went on a shooting spree against African migrants in Macerata was sentenced to 12 years in prison on Wednesday for attempted massacre aggravated by racial hatred. He drove around the town on the morning of February 3, firing a pistol at black people and wounding six of them. He was convicted in May.',
      '2018-10-03',
    );
    expect(months.incidents[0]).toMatchObject({
      role: 'main',
      date: { value: '2018-02-03' },
      location: { city: 'Macerata' },
      wounded: { value: 6 },
    });
    const years = run(
      'A man who killed four members of a Muslim family by running them down with his pickup truck in London, Ontario, committed an act of terrorism, a judge ruled Thursday as she sentenced him to life in prison. He was convicted in November of murder for the attack on June 6, 2021.',
      '2024-02-22',
    );
    expect(years.incidents.filter((i) => i.role === 'main' && i.confidence >= 0.5)).toEqual([]);
  });

  it('places an attack in a town the gazetteer does not list, and reads a governor shot dead as an assassination', () => {
    const inates = run(
      'Hundreds of fighters stormed the army base at Inates, near the border with Mali, on Tuesday, killing 71 soldiers.',
      '2019-12-13',
    );
    expect(inates.incidents[0]?.location).toMatchObject({ city: 'Inates', approximate: true });
    const taseer = run(
      'Thousands of mourners attended the funeral of Punjab Governor Salman Taseer in Lahore on Wednesday, a day after he was shot dead in Islamabad by one of his bodyguards.',
      '2011-01-05',
    );
    expect(taseer.incidents[0]).toMatchObject({ type: 'Assassination', killed: { value: 1 } });
  });

  it('reads a petrol bomb as an incendiary, and a device found afterwards or a federal agency name as no weapon', () => {
    const x = run(
      'Someone threw a Molotov cocktail into the offices of an anti-abortion group in Madison early Sunday. No one was hurt. The Bureau of Alcohol, Tobacco, Firearms and Explosives is assisting.',
      '2022-05-09',
    );
    expect(x.incidents[0]).toMatchObject({ type: 'Facility/Infrastructure Attack', weapons: ['Incendiary'] });
    const market = run(
      'Two attackers opened fire with rifles in a kosher market in Jersey City on Tuesday, killing three people. Investigators found a pipe bomb in their van.',
      '2019-12-12',
    );
    expect(market.incidents[0]?.type).toBe('Armed Assault');
  });

  it('dates a report on the police killing the suspect by the attack, not by the shootout or a later death', () => {
    const x = run(
      "French police shot dead Cherif Chekatt, the man suspected of killing three people at the Strasbourg Christmas market, on Thursday evening. Chekatt opened fire on officers who tried to stop him. A fourth victim of Tuesday's shooting died on Friday.",
      '2018-12-14',
    );
    expect(x.incidents[0]?.date).toEqual({ value: '2018-12-11', precision: 'day' });
  });

  it('reads a truck that ploughed into shoppers and crashed into a store as an attack, not an accident', () => {
    const x = run(
      'A hijacked truck ploughed into shoppers on Drottninggatan in Stockholm on Friday afternoon and crashed into a department store, killing four people. The prime minister said Sweden had been attacked.',
      '2017-04-07',
    );
    expect(x.incidents[0]).toMatchObject({
      role: 'main',
      type: 'Unarmed Assault',
      location: { city: 'Stockholm' },
    });
  });

  it('does not report a denied act of terrorism, a missile strike by a state or a riot as a confident attack', () => {
    for (const [text, published] of [
      [
        'A student set off a bomb at his college in Kerch on Wednesday, killing 20 people, and investigators reclassified the case from terrorism to mass murder. Investigators said they had found no political or religious motive.',
        '2018-10-18',
      ],
      [
        'The missiles struck a pharmaceutical plant in Khartoum North on Thursday evening, destroyed by U.S. cruise missiles, killing one worker.',
        '1998-08-21',
      ],
      [
        "Protesters stormed and set fire to the mayor's office in Almaty this week as the unrest turned violent, and 18 members of the security forces were killed.",
        '2022-01-07',
      ],
    ]) {
      const confident = run(text!, published).incidents.filter((i) => i.confidence >= 0.5);
      expect(confident, text).toEqual([]);
    }
  });

  it('reads a claim made in a videotape by a group unknown to the knowledge base, and an official warning naming a group', () => {
    const x = run(
      'A bomb killed former prime minister Rafik Hariri in Beirut on Monday. A previously unknown group said in a videotape delivered to Al Jazeera television that it had carried out a suicide attack on Hariri. Anti-terrorist officers warned that the IRA was likely to try to strike again.',
      '2005-02-15',
    );
    expect(x.statements.map((s) => s.type)).toEqual(['claim-of-responsibility', 'warning']);
  });

  it('names the perpetrators a report attributes in a relative clause or a later claim about the attack', () => {
    const tigers = run(
      'A truck bomb exploded outside the Central Bank in Colombo on Wednesday, killing 80 people. The government blamed the Liberation Tigers of Tamil Eelam, who have been fighting for a separate homeland since 1983.',
      '1996-02-01',
    );
    expect(tigers.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['ltte']);
    const hijack = run(
      'Five hijackers armed with pistols seized an Indian Airlines jet on Friday. Indian officials said the hijackers belonged to the Pakistan-based Harkat-ul-Mujahideen.',
      '1999-12-26',
    );
    expect(hijack.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['harkat-ul-mujahideen']);
  });

  it('dates a report by the day its bomb went off, not by a day something began ("since Friday")', () => {
    const x = run(
      'Chile will invoke its anti-terrorism law after a bomb exploded at a Santiago metro station, wounding 14 people. The device went off at lunchtime on Monday. In July, a bomb exploded in a train carriage.',
      '2014-09-09',
    );
    expect(x.incidents[0]?.date).toEqual({ value: '2014-09-08', precision: 'day' });
    const y = run(
      "Pakistan has hanged six militants since Friday and is tracing the men who planned last week's Taliban attack on a school in Peshawar.",
      '2014-12-22',
    );
    expect(y.incidents[0]?.date).toEqual({ value: '2014-W51', precision: 'week' });
  });

  it('makes one incident of a follow-up that names its attack coarsely and tells it further down', () => {
    const x = run(
      "SOFIA (AP) — Bulgaria said on Tuesday that two men behind last July's bombing of a bus carrying Israeli tourists in Burgas belonged to Hezbollah. The bomber has not been identified. The blast at Burgas airport on July 18 killed five Israelis and the Bulgarian driver of the bus.",
      '2013-02-05',
    );
    expect(x.incidents).toHaveLength(1);
    expect(x.incidents[0]).toMatchObject({ date: { value: '2012-07-18' }, location: { city: 'Burgas' } });
  });

  it('reads a lead explosion that killed people as the event of a report that speaks of terrorism, not the earlier blast it recalls', () => {
    const x = run(
      'MOSCOW (AP) — An explosion destroyed an eight-storey apartment building in southern Moscow before dawn on Monday, killing at least 45 people. The mayor said it was a terrorist attack. Last Thursday, a bomb in an apartment building on Guryanova Street killed more than 90 people.',
      '1999-09-13',
    );
    expect(x.incidents[0]).toMatchObject({
      role: 'main',
      date: { value: '1999-09-13' },
      killed: { value: 45 },
    });
    expect(x.incidents[1]).toMatchObject({ role: 'background', date: { value: '1999-09-09' } });
  });

  it('does not place an attack at the hometown of its victims or on a road named after a town', () => {
    const x = run(
      'A man drove a rented truck down a crowded bike path in Manhattan on Tuesday, killing eight people. The dead were five friends from Rosario, Argentina, and two Americans.',
      '2017-11-01',
    );
    expect(x.incidents[0]?.location?.countryCode).toBe('US');
  });

  it('dates an attack from the news of the day ("on Tuesday, a day after militants massacred"), and places "here" at the dateline', () => {
    const luxor = run(
      'CAIRO — President Hosni Mubarak replaced his interior minister on Tuesday, a day after militants massacred 58 foreign tourists at a temple across the river from Luxor.',
      '1997-11-19',
    );
    expect(luxor.incidents[0]?.date).toEqual({ value: '1997-11-17', precision: 'day' });
    const here = run(
      'OKLAHOMA CITY — Federal agents on Friday charged Timothy McVeigh with the bombing of the federal building here. McVeigh had been held in the county jail in Perry since Wednesday, when a trooper stopped him after the blast.',
      '1995-04-22',
    );
    expect(here.incidents[0]?.location?.city).toBe('Oklahoma City');
  });

  it('places an attack in the region its attack words name rather than in a city named for another reason', () => {
    const x = run(
      "JAKARTA — Indonesia's defence minister said on Monday he was convinced al Qaeda was behind Saturday night's bombings on Bali, as foreign governments pressed Jakarta to act. Relatives waited outside Sanglah hospital in Denpasar.",
      '2002-10-14',
    );
    expect(x.incidents[0]?.location).toMatchObject({ admin1: 'Bali', countryCode: 'ID' });
    expect(x.incidents[0]?.location?.city).toBeUndefined();
  });

  it('codes the killing of a named filmmaker, a military attache or a former prime minister as an assassination', () => {
    for (const [text, published] of [
      [
        'Dutch police questioned a man on Wednesday over the killing of filmmaker Theo van Gogh, who was shot and stabbed in an Amsterdam street.',
        '2004-11-03',
      ],
      [
        "A guerrilla group has claimed responsibility for the killing of Britain's military attache in Athens, who was shot dead by two men on a motorcycle.",
        '2000-06-12',
      ],
      [
        'Lebanon went into mourning on Tuesday for former prime minister Rafik al-Hariri, killed by a massive bomb on the Beirut seafront on Monday.',
        '2005-02-15',
      ],
    ])
      expect(run(text!, published).incidents[0]?.type, text).toBe('Assassination');
  });

  it('adds up the groups of victims a list names, and not a time after the figure', () => {
    const karak = run(
      'Gunmen attacked a castle in the Jordanian city of Karak on Sunday, killing seven members of the security forces, two Jordanian civilians and a Canadian tourist.',
      '2016-12-20',
    );
    expect(karak.incidents[0]?.killed).toEqual({ value: 10 });
    const bus = run(
      'A suicide bomber blew up a packed trolleybus in Volgograd on Monday, killing at least 14 people, a day after another bomber struck the railway station.',
      '2013-12-30',
    );
    expect(bus.incidents[0]?.killed).toEqual({ value: 14 });
  });

  it('does not date an attack by the day of mourning or protest the report leads with', () => {
    const x = run(
      'BEIRUT — Lebanon went into mourning on Tuesday for former prime minister Rafik al-Hariri, killed by a massive bomb on the Beirut seafront. The blast tore through his motorcade shortly before 1 p.m. on Monday.',
      '2005-02-15',
    );
    expect(x.incidents[0]?.date).toEqual({ value: '2005-02-14', precision: 'day' });
  });

  it('places an attack in "the city of Karak" (a governorate name too), not at a reference point "south of Amman"', () => {
    const x = run(
      "AMMAN (Reuters) - Islamic State claimed responsibility on Tuesday for Sunday's attack by gunmen in the southern Jordanian city of Karak that killed seven members of the security forces. The group said its fighters had attacked security forces gathered in Karak, about 120 km (75 miles) south of Amman.",
      '2016-12-20',
    );
    expect(x.incidents[0]?.location).toMatchObject({ city: 'Karak', countryCode: 'JO' });
  });

  it('names a perpetrator blamed for "the attack on" it, a group whose "Islamist militants said they had carried out", and a group whose statement calls the bomber one of its members', () => {
    const blamed = run(
      'A suicide bomber killed 20 people at a market in Maiduguri on Sunday. Police spokesman Daso Nahum blamed the attack on Boko Haram.',
      '2015-01-11',
    );
    expect(blamed.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['boko-haram']);
    const said = run(
      "NAIROBI - Somalia's al Shabaab Islamist militants said on Monday they had carried out an overnight raid on the Kenyan coastal town of Mpeketoni in which at least 48 people were killed.",
      '2014-06-16',
    );
    expect(said.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['al-shabaab']);
    const member = run(
      "A suicide bomber blew himself up at the U.S. embassy in Ankara on Friday, killing a guard. The Revolutionary People's Liberation Party-Front (DHKP-C) said in a statement on its website that the bomber, whom it named, was one of its members.",
      '2013-02-02',
    );
    expect(member.statements.map((s) => s.type)).toContain('claim-of-responsibility');
  });

  it("does not take a group's record for the perpetrator of the attack", () => {
    const x = run(
      "United States military forces killed Qasem Soleimani, head of Iran's Quds Force, in an airstrike at Baghdad airport on Thursday. General Soleimani and his Quds Force were responsible for the deaths of hundreds of coalition service members.",
      '2020-01-03',
    );
    expect(x.incidents[0]?.perpetrators).toEqual([]);
  });

  it('names every group of a list blamed for an attack, a group whose letter claims it, and "the group" that claims it', () => {
    const list = run(
      'Gunmen killed nine villagers near Kunduz on Tuesday. The governor said the Taliban, a local militia and Hizb-i-Islami were behind the attack.',
      '2009-05-13',
    );
    expect(list.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['taliban', 'hizb-i-islami']);
    const pair = run(
      'Police said Lashkar-e-Taiba and Jaish-e-Mohammed, both based in Pakistan, had carried out the bombing that killed 12 people in Jammu on Sunday.',
      '2002-05-14',
    );
    expect(pair.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['lashkar-e-taiba', 'jaish-e-mohammed']);
    const letter = run(
      'Police said on Monday they had found a letter from the Red Army Faction claiming responsibility for the bomb that killed a banker in Cologne on Saturday.',
      '1988-03-07',
    );
    expect(letter.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['red-army-faction']);
    const anaphor = run(
      'Gunmen abducted two engineers from their camp near Gao on Sunday. A message on a channel used by al Qaeda in the Islamic Maghreb was posted on Thursday.\n\nThe group said it had carried out the kidnapping.',
      '2014-03-07',
    );
    expect(anaphor.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['aqim']);
    expect(anaphor.statements[0]).toMatchObject({
      type: 'claim-of-responsibility',
      organization: { id: 'aqim' },
    });
  });

  it('reads a name two groups share as the group of the country the report is about', () => {
    const nepal = run(
      'Maoist rebels set off a landmine under a bus near Pokhara in Nepal on Monday, killing 12 passengers.',
      '2005-06-07',
    );
    expect(nepal.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['cpn-maoist']);
    const india = run(
      'Maoist rebels set off a landmine under a police truck near Dantewada in India on Monday, killing 12 officers.',
      '2010-05-18',
    );
    expect(india.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['cpi-maoist']);
  });

  it('gives a recalled attack of another day the sentences that tell it further in its paragraph', () => {
    const x = run(
      'A policeman was shot dead in Lurgan on Tuesday night. The Continuity IRA said it carried out the killing.\n\n' +
        'On Sunday night, two soldiers were shot dead at the gates of a barracks in Antrim. Three other soldiers were wounded. The Real IRA said it was behind that attack.',
      '2009-03-11',
    );
    expect(x.incidents[0]).toMatchObject({ killed: { value: 1 }, wounded: null });
    expect(x.incidents[0]?.perpetrators.map((p) => p.id)).toEqual(['continuity-ira']);
    const recalled = x.incidents.find((i) => i.date?.value === '2009-03-08');
    expect(recalled).toMatchObject({ role: 'background', killed: { value: 2 }, wounded: { value: 3 } });
  });

  it('reads a bus that ran over a mine, and people seized from their home, as attacks, placed in an unlisted village and not where the wounded were flown', () => {
    const mine = run(
      'KATHMANDU (Reuters) - Rebels were blamed on Wednesday for a blast that killed 14 bus passengers.\n\n' +
        'The bus ran over a mine near Bhimpur in the western district of Rolpa early on Tuesday. The wounded were flown to Kathmandu.',
      '2006-02-08',
    );
    expect(mine.incidents[0]).toMatchObject({
      type: 'Bombing/Explosion',
      date: { value: '2006-02-07' },
      location: { city: 'Bhimpur', countryCode: 'NP', approximate: true },
    });
    const seized = run(
      'Gunmen kidnapped two aid workers in Niger last week. The couple were seized from their home in the town of Agadez on the night of Oct. 14.',
      '2010-10-20',
    );
    expect(seized.incidents[0]).toMatchObject({
      type: 'Hostage Taking (Kidnapping)',
      date: { value: '2010-10-14' },
      location: { city: 'Agadez' },
    });
  });

  it('codes gunmen who storm a building and end with their own explosives as an armed assault, weapons in the order the text uses them', () => {
    const x = run(
      'Gunmen stormed a police station in Nalchik on Tuesday and opened fire with automatic rifles, killing four officers. One of the attackers later blew himself up at the gate.',
      '2011-03-16',
    );
    expect(x.incidents[0]).toMatchObject({ type: 'Armed Assault', weapons: ['Firearms', 'Explosives'] });
    const bomb = run(
      'Gunmen detonated explosives and then opened fire on worshippers at a church in Kaduna on Sunday, killing 12.',
      '2012-06-18',
    );
    expect(bomb.incidents[0]).toMatchObject({
      type: 'Bombing/Explosion',
      weapons: ['Explosives', 'Firearms'],
    });
  });

  it('places an attack "in the capital" in the capital of the country its sentence names, and not in a car or a reference town', () => {
    const capital = run(
      "NAIROBI (Reuters) - Somalia's al Shabaab said it carried out Friday's bombing.\n\nEritrea's police said a man blew himself up at a hotel in the centre of the capital on Friday night, killing two guards.",
      '2015-03-08',
    );
    expect(capital.incidents[0]?.location).toMatchObject({ city: 'Asmara', countryCode: 'ER' });
    const car = run(
      'A bomb exploded under his black Mercedes in the town of Bad Kissingen, north of Würzburg, on Monday, killing the judge.',
      '1990-02-06',
    );
    expect(car.incidents[0]?.location).toMatchObject({ countryCode: 'DE' });
    expect(car.incidents[0]?.location?.city).not.toMatch(/Mercedes|Würzburg/);
  });

  it("does not read the date in a group's name as a date", () => {
    const x = run(
      'Revolutionary Organisation November 17 said on Monday it had shot dead a shipping executive in Piraeus last Thursday.',
      '2000-06-12',
    );
    expect(x.incidents[0]?.date?.value).toBe('2000-06-08');
  });

  it("reads a group's reason for its attack as a justification, a quoted vow to go on as a threat, and a state's reason for its strike as neither", () => {
    const reason = run(
      'A suicide bomber killed nine people at a cafe in Mogadishu on Sunday. In a statement, al Shabaab said the attack had been aimed at foreign soldiers because of their role in the killing of Muslims.',
      '2014-05-26',
    );
    expect(reason.statements.map((x) => x.type)).toContain('revenge-justification');
    const police = run(
      'A gunman killed two men at a bar in Dallas on Sunday. Police said the attack was aimed at the owner because of a debt.',
      '2014-05-26',
    );
    expect(police.statements.map((x) => x.type)).not.toContain('revenge-justification');
    const vow = run(
      'A suicide bomber killed 40 people at a park in Lahore on Sunday. Jamaat-ul-Ahrar claimed responsibility. "We have reached Lahore," its spokesman said. "Our fighters will continue these attacks." Police said most victims were Muslims.',
      '2016-03-28',
    );
    expect(vow.statements.find((x) => x.quote === 'Our fighters will continue these attacks.')).toMatchObject(
      {
        type: 'threat',
      },
    );
    const state = run(
      'American warplanes struck targets in Tripoli early Tuesday, and the president said the raids were a response to the bombing of a nightclub in Berlin on April 5 that killed two people.',
      '1986-04-15',
    );
    expect(state.statements.map((x) => x.type)).not.toContain('revenge-justification');
  });

  it('reports no confident attack for a depot blast the police call an accident, a hoax, a wartime bomb blown up by experts, or a plot', () => {
    const confident = (text: string, published: string) =>
      run(text, published).incidents.filter((i) => i.role === 'main' && i.confidence >= 0.5);
    expect(
      confident(
        'Police said there was nothing to suggest that the blasts which destroyed the fuel depot near Rotterdam were a terrorist attack. The first explosion, at 6 a.m. on Sunday, injured 20 people. Officers said everything pointed to an industrial accident.',
        '2009-03-09',
      ),
    ).toEqual([]);
    expect(
      confident(
        'Schools in Denver reopened on Thursday after an emailed threat that officials concluded was a hoax. The email claimed that bombs had been hidden in schools and that gunmen would attack students.',
        '2016-01-14',
      ),
    ).toEqual([]);
    expect(
      confident(
        'Army bomb disposal experts blew up an unexploded Second World War bomb found on a building site in Bristol on Saturday. The blast shattered windows nearby. No one was hurt.',
        '2020-06-14',
      ),
    ).toEqual([]);
    expect(
      confident(
        'Four men were charged on Monday with plotting to bomb a synagogue in Riverdale, a day after police arrested them. Prosecutors said they had discussed attacking the building with explosives.',
        '2009-05-22',
      ),
    ).toEqual([]);
  });

  it('names the group that said in a communique that it planted the bomb, told a channel its bomber struck, claimed through its agency, or belonged to an organisation', () => {
    const perps = (text: string, published: string) =>
      run(text, published).incidents[0]?.perpetrators.map((p) => p.id);
    expect(
      perps(
        'The Red Brigades said in a statement received by two newspapers on Tuesday that it had planted the bomb that exploded at a police barracks in Milan on Sunday.',
        '1979-05-15',
      ),
    ).toEqual(['red-brigades']);
    expect(
      perps(
        'A suicide bomber killed 20 people at a mosque in Zahedan on Thursday. The Sunni militant group Jundallah, which says it fights for the Baluch, told a television channel that a fighter from the group had carried out the bombing.',
        '2009-05-29',
      ),
    ).toEqual(['jundallah-iran']);
    expect(
      perps(
        "A gunman killed a man in a hotel in Brussels on Monday. Islamic State's Amaq news agency said the attack had been carried out by one of its soldiers.",
        '2017-06-06',
      ),
    ).toEqual(['islamic-state']);
    expect(
      perps(
        'Gunmen who killed a minister in Cairo on Tuesday belonged to an underground extremist organization, Tanzim al-Jihad, officials said on Friday.',
        '1981-10-09',
      ),
    ).toEqual(['egyptian-islamic-jihad']);
    expect(
      perps(
        'Police questioned two men over the bombing that killed five soldiers near Newry on Monday, one of two attacks that the Irish Republican Army has claimed.',
        '1979-08-29',
      ),
    ).toEqual(['provisional-ira']);
  });

  it('adds up tolls told in pieces and keeps attackers named among the dead apart', () => {
    const killed = (text: string) => run(text, '2012-04-02').incidents[0]?.killed;
    expect(
      killed('Gunmen stormed a church in Dori on Sunday, killing the pastor and four worshippers.'),
    ).toEqual({ value: 5 });
    expect(
      killed(
        "A bomb exploded beside the governor's car in Quetta on Sunday, killing him and at least nine other people.",
      ),
    ).toEqual({ value: 10 });
    expect(
      killed(
        'A suicide bomber killed two ministers and at least 14 other people at a hotel in Mogadishu on Sunday.',
      ),
    ).toEqual({ value: 16 });
    expect(
      killed(
        'Militants attacked a base in Jaffna on Sunday. Officials said six soldiers and 11 rebels were killed.',
      ),
    ).toEqual({ value: 6 });
    expect(
      killed(
        'A suicide bomber struck a cafe in Haifa on Sunday. Twelve Israelis, Jews and Arabs, were killed.',
      ),
    ).toEqual({ value: 12 });
    expect(
      killed(
        'Commandos stormed the residence in Lima on Sunday. One hostage, a judge, died of a gunshot wound, and two officers were killed.',
      ),
    ).toEqual({ value: 3 });
    const rome = run(
      'Gunmen attacked the airport in Rome on Sunday. Sixteen people, three of the four gunmen among them, were killed.',
      '1985-12-28',
    );
    expect(rome.incidents[0]).toMatchObject({ killed: { value: 13 }, perpetratorsKilled: { value: 3 } });
  });

  it('dates an attack by its own sentence, not by a recalled one, and reads a person seized and villagers shot to death as attacks', () => {
    const quetta = run(
      'The death toll from a bomb in Quetta rose to 80 on Sunday, police said. The bomb, hidden in a water tanker, exploded on Saturday evening near a market. On Jan. 10, twin suicide bombings at a snooker club killed more than 90 people.',
      '2013-02-17',
    );
    expect(quetta.incidents[0]?.date?.value).toBe('2013-02-16');
    const seized = run(
      'Kidnappers demanded the release of 11 prisoners, the government said today. Mr Schmidt, 62, a banker, was seized on Monday evening in Cologne as he was driven home, and gunmen shot dead his driver.',
      '1977-09-07',
    );
    expect(seized.incidents[0]).toMatchObject({
      type: 'Hostage Taking (Kidnapping)',
      date: { value: '1977-09-05' },
      location: { city: 'Cologne' },
    });
    const suburb = run(
      'Armed men hacked and shot to death scores of villagers in Beni Ali, a farming suburb south of Blida, on Monday night.',
      '1997-09-24',
    );
    expect(suburb.incidents[0]).toMatchObject({ type: 'Armed Assault', location: { city: 'Beni Ali' } });
  });

  it("places an attack in a town given by its distance from another, an air base, a village in a department, not a resident's city or a protest's country", () => {
    const city = (text: string, published = '1975-08-01') =>
      run(text, published).incidents[0]?.location?.city;
    expect(
      city(
        'Gunmen shot dead three musicians at Drumbeg, about six miles north of Newry, on the main Belfast–Dublin road early on Thursday.',
      ),
    ).toBe('Drumbeg');
    expect(
      city(
        'Rebels stormed the Palaly air base, 20 km north of Jaffna, on Tuesday and destroyed six aircraft with rockets and explosives.',
        '2001-07-25',
      ),
    ).toBe('Palaly');
    expect(
      city(
        'Guerrillas massacred 40 villagers in the village of Santa Rosa in the department of Ayacucho on Monday.',
        '1984-04-04',
      ),
    ).toBe('Santa Rosa');
    expect(
      city(
        'WASHINGTON (AP) — A Denver man was charged on Friday in the shooting of two guards outside a museum in Baltimore on Thursday.',
        '2019-05-24',
      ),
    ).toBe('Baltimore');
    const protest = run(
      'WASHINGTON (AP) — A bomb exploded in a washroom of the Capitol early Monday. The Weather Underground said the bombing was a protest against the invasion of Laos.',
      '1971-03-02',
    );
    expect(protest.incidents[0]?.location).toMatchObject({ countryCode: 'US' });
    expect(protest.statements.map((x) => x.type)).toContain('revenge-justification');
  });

  it("reads threats and claims by a group named in the sentence before, told apart from another group's and from a denial", () => {
    const x = run(
      'A bomb killed 11 people outside the high court in Delhi on Wednesday. An email in the name of Harkat-ul-Jihad al-Islami said the group had carried out the attack. It threatened to target the Supreme Court if its demand was not met. The Indian Mujahideen email disputed the claim and warned of attacks on shopping centres next week.',
      '2011-09-08',
    );
    const threats = x.statements.filter((s) => s.type === 'threat');
    expect(threats.map((s) => s.organization?.id)).toEqual([
      'harkat-ul-jihad-al-islami',
      'indian-mujahideen',
    ]);
    const belonged = run(
      'Gunmen seized the embassy in Khartoum on Thursday and killed three diplomats. The gunmen, who said they belonged to the Black September organization, demanded the release of prisoners.',
      '1973-03-03',
    );
    expect(belonged.statements.map((s) => s.type)).toContain('claim-of-responsibility');
    const denial = run(
      'A suicide bomber killed 19 people at a hotel in Mogadishu on Thursday. A spokesman for al Shabaab told reporters the group had not carried out the bombing.',
      '2009-12-04',
    );
    expect(denial.statements.map((s) => s.type)).not.toContain('claim-of-responsibility');
  });

  it("names an armed wing's organisation, a leader's group when he claims the attack, and the group whose statement tells what its bomber did", () => {
    const perps = (text: string, published: string) =>
      run(text, published).incidents[0]?.perpetrators.map((p) => p.id);
    expect(
      perps(
        'The al-Quds Brigades said its fighters fired rockets at Sderot on Monday, killing two people.',
        '2007-05-22',
      ),
    ).toEqual(['al-quds-brigades', 'palestinian-islamic-jihad']);
    expect(
      perps(
        "MOSCOW (Reuters) - Chechen rebel leader Doku Umarov has claimed responsibility for last month's suicide bombing at a Moscow railway station in a video posted on Monday. The bomber blew himself up in the station hall on January 14, killing 12 people.",
        '2011-02-07',
      ),
    ).toContain('caucasus-emirate');
    expect(
      perps(
        'A suicide bomber killed 40 worshippers at a mosque in Kunduz on Friday. In a statement, Islamic State Khorasan Province said the bomber, whom it named, had detonated a suicide vest among the crowd.',
        '2021-10-09',
      ),
    ).toContain('iskp');
  });

  it("dates a follow-up's attack by \"Saturday's blast\" further down, not by the day of a search or of a claim, and places it not in a victim's hometown", () => {
    const search = run(
      "ATLANTA (Reuters) - FBI agents searched the home of a guard who found the bomb in the park, carrying away boxes on Tuesday. Officials said they had no evidence linking him to Saturday's blast in Atlanta, which killed Mary Jones of Macon.",
      '1996-07-31',
    );
    expect(search.incidents[0]).toMatchObject({
      date: { value: '1996-07-27' },
      location: { city: 'Atlanta' },
    });
    const claim = run(
      'A car rammed a group of cyclists near Dushanbe, on Sunday afternoon, and its occupants attacked them with knives, killing four. Islamic State had claimed the attack on Monday.',
      '2018-07-31',
    );
    expect(claim.incidents[0]?.date?.value).toBe('2018-07-29');
  });

  it('gives "He warned" the speaker before it, reads an analyst\'s warning of a group\'s plans as a warning, and no "and" as a speaker', () => {
    const x = run(
      'MOSCOW (Reuters) - Chechen rebel leader Doku Umarov has claimed responsibility for the bombing at the airport on January 24 that killed 36 people. "Special operations will be carried out, and they will continue," he said. He warned Russians that 2011 would be "a year of blood and tears" and urged Muslims in the region to take up arms against Moscow.',
      '2011-02-08',
    );
    const warned = x.statements.filter((s) => s.evidence[0]?.text.includes('He warned'));
    expect(warned.map((s) => [s.type, s.speaker?.name])).toEqual([
      ['call-to-violence', 'Doku Umarov'],
      ['threat', 'Doku Umarov'],
    ]);
    const analyst = run(
      'A bomb killed 12 people at a market in Jakarta on Friday. Khalid warned that Islamic State militants had also planned attacks on nightclubs.',
      '2016-01-16',
    );
    expect(analyst.statements.map((s) => s.type)).toContain('warning');
  });

  it('codes attacks on leaders as assassinations: a president gunned down, an earl killed by a bomb, attempts that missed', () => {
    const type = (text: string, published: string) => run(text, published).incidents[0]?.type;
    expect(
      type(
        'Soldiers gunned down President Ahmed Nur at a military parade in Cairo on Tuesday.',
        '1981-10-08',
      ),
    ).toBe('Assassination');
    expect(
      type('A bomb hidden on his boat killed Earl Ferris off the coast of Sligo on Monday.', '1979-08-28'),
    ).toBe('Assassination');
    expect(
      type(
        'President Ivan Petrov escaped unhurt when gunmen attacked his motorcade with rifles in Sofia late Monday.',
        '1998-02-10',
      ),
    ).toBe('Assassination');
    expect(
      type(
        'A bomb exploded at a hotel in Brighton on Friday, narrowly missing Prime Minister Margaret Thatcher and killing four people.',
        '1984-10-13',
      ),
    ).toBe('Assassination');
  });

  it('keeps an attack that is "the first in the history of" a country, a nail bomb whose police "could not rule out attacks" by copycats', () => {
    const first = run(
      'MALÉ — Twelve tourists were injured when a homemade bomb exploded at a park in the capital yesterday afternoon, in what officials said was the first bomb attack on tourists in the history of the Maldives.',
      '2007-09-30',
    );
    expect(first.incidents[0]).toMatchObject({
      role: 'main',
      date: { value: '2007-09-29' },
      wounded: { value: 12 },
    });
    const nail = run(
      'A nail bomb exploded in a crowded pub in Soho on Friday evening, killing three people. Police urged people to remain vigilant, saying they could not rule out attacks by others seeking to copy the bomber.',
      '1999-05-01',
    );
    expect(nail.incidents[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('counts one victim named as shot dead or killed by captors, and none when "no one else was hurt" after the attacker died', () => {
    const killed = (text: string) => run(text, '2019-04-20').incidents[0]?.killed;
    expect(
      killed(
        'A dissident group admitted the murder of journalist Anna Byrne, who was shot dead during rioting in Derry on Thursday night.',
      ),
    ).toEqual({ value: 1 });
    expect(
      killed(
        'Reporter Daniel Price, who was kidnapped in Karachi last month, has been killed by his captors, officials said on Thursday.',
      ),
    ).toEqual({ value: 1 });
    expect(
      killed(
        'Police on Friday shot dead a man armed with a knife who had set fire to a synagogue in Rouen. No one else was hurt.',
      ),
    ).toEqual({ value: 0 });
    expect(
      killed(
        'A man stabbed a lawmaker at a church in Leigh on Friday. He was stabbed several times and died at the scene. No one else was hurt.',
      ),
    ).toEqual({ value: 1 });
  });

  it('reads an attack during a parade marking an anniversary as news, not a recollection, and counts wounded named without a number', () => {
    const parade = run(
      'CARACAS (Reuters) - Two drones carrying explosives blew up near the stage on Saturday evening as the president spoke to mark the 81st anniversary of the National Guard. Seven soldiers were wounded, the government said.',
      '2018-08-05',
    );
    expect(parade.incidents[0]).toMatchObject({
      role: 'main',
      date: { value: '2018-08-04' },
      wounded: { value: 7 },
    });
    const wounded = (text: string) => run(text, '2015-07-18').incidents[0]?.wounded;
    expect(
      wounded(
        'A gunman killed four Marines at a recruiting centre in Chattanooga on Thursday. A police officer and a sailor were also wounded.',
      ),
    ).toEqual({ value: 2 });
    expect(
      wounded(
        'Gunmen shot dead two Swedish fans in Brussels on Monday. A third Swede was seriously wounded.',
      ),
    ).toEqual({ value: 1 });
    expect(
      wounded(
        'A bomb killed two people at a market in Bwera on Friday. Eight people were in a critical condition in hospital.',
      ),
    ).toEqual({ value: 8 });
  });

  it('places an attack in an unlisted village the attackers struck or a town near which it happened', () => {
    const city = (text: string) => run(text, '2021-06-06').incidents[0]?.location?.city;
    expect(
      city(
        'Gunmen killed 100 villagers in Burkina Faso overnight. The attackers struck Sebba Kouré, in Yagha province, at around 2 a.m.',
      ),
    ).toBe('Sebba Kouré');
    expect(
      city(
        "RAIPUR: Ten policemen were killed on Friday when Maoists triggered a landmine under their vehicle near Palnar in Chhattisgarh's Dantewada district.",
      ),
    ).toBe('Palnar');
    expect(
      city(
        'Eight officers were killed when their vehicle ran over a bomb near Elwak town in Mandera County on Friday.',
      ),
    ).toBe('Elwak');
  });

  it('reads a follow-up\'s "The Aug. 19 attack killed 22" as its attack\'s toll and day, and a later bomb on another day as another incident', () => {
    const x = run(
      'UNITED NATIONS (Reuters) - A panel said on Wednesday that security failed before the bombing of the U.N. headquarters in Baghdad in August. Better rules might not have stopped the truck bomb at the Canal Hotel, it said.\n\nThe Aug. 19 attack killed 22 people and injured more than 150. A second car bomb outside the compound on Sept. 22 killed an Iraqi security guard.',
      '2003-10-22',
    );
    expect(x.incidents[0]).toMatchObject({ date: { value: '2003-08-19' }, killed: { value: 22 } });
    expect(x.incidents.find((i) => i.date?.value === '2003-09-22')).toMatchObject({
      role: 'background',
      killed: { value: 1 },
    });
  });

  it('places an attack where it happened, not where its suspect was arrested, and reads an execution by firing squad as no attack', () => {
    const arrest = run(
      'PARIS (Reuters) - A Frenchman has been arrested in Marseille on suspicion of shooting dead three people at the Jewish Museum in Brussels on May 24, the prosecutor said on Sunday.',
      '2014-06-01',
    );
    expect(arrest.incidents[0]?.location?.city).toBe('Brussels');
    const executed = run(
      "N'DJAMENA (AFP) - Chad executed 10 members of Boko Haram by firing squad on Saturday, a day after a court sentenced them to death.",
      '2015-08-29',
    );
    expect(executed.incidents.filter((i) => i.confidence >= 0.5)).toEqual([]);
  });

  it('reads a funeral bombing for a man who died of a heart attack as an attack, not placed where another attack happened that morning', () => {
    const x = run(
      'JALALABAD, Afghanistan (Reuters) - A suicide bomber blew himself up among mourners at a funeral in eastern Afghanistan on Tuesday, killing 24 people.\n\nThe blast hit the crowd gathered in Nangarhar province for the burial of a commander who had died of a heart attack. The bombing came on the same morning that gunmen attacked a maternity hospital in Kabul.',
      '2020-05-12',
    );
    expect(x.incidents[0]?.location?.city).not.toBe('Kabul');
    expect(x.incidents[0]?.location?.countryCode).toBe('AF');
  });

  it('reads a group\'s account of what its bomber did, or of what its "soldiers of the caliphate" targeted, as a claim, and its reason as a justification', () => {
    const x = run(
      "A suicide bomber killed 40 worshippers at a mosque in Kunduz on Friday. In a statement on its Telegram channels, Islamic State Khorasan Province said the bomber had detonated a suicide vest among the crowd. It said the attack targeted Shi'ites for their alleged willingness to expel jihadists.",
      '2021-10-09',
    );
    expect(x.statements.map((s) => s.type)).toEqual(['claim-of-responsibility', 'revenge-justification']);
    const soldiers = run(
      'Gunmen attacked a police post in Jakarta on Thursday, killing four. In a statement carried by its Amaq news agency, Islamic State said "soldiers of the caliphate" had targeted foreigners.',
      '2016-01-15',
    );
    expect(soldiers.statements.map((s) => s.type)).toContain('claim-of-responsibility');
  });

  it('reads quoted words of threat in a report of an attack as a threat, whoever is quoted', () => {
    const x = run(
      'Two bombs exploded in central Stockholm on Saturday, killing the bomber. Minutes before, a news agency received an email. "Now your children and sisters will die like our brothers," the message said.',
      '2010-12-12',
    );
    expect(x.statements.map((s) => s.type)).toContain('threat');
  });

  it('codes a vehicle rampage ended by police gunfire as an unarmed assault with a vehicle, and a stolen truck driven into crowds not as a hijacking', () => {
    const bulldozer = run(
      'JERUSALEM (AP) — A construction worker went on a rampage with a bulldozer along a busy street on Wednesday, crushing cars and killing three people before he was shot dead, police said. A soldier climbed onto the cab and shot him in the head.',
      '2008-07-02',
    );
    expect(bulldozer.incidents[0]).toMatchObject({ type: 'Unarmed Assault' });
    expect(bulldozer.incidents[0]?.weapons[0]).toMatch(/^Vehicle/);
    const truck = run(
      'A stolen beer truck was driven into crowds of shoppers in Stockholm, killing four people. The truck, which had been hijacked during a delivery, ploughed down Drottninggatan on Friday afternoon.',
      '2017-04-08',
    );
    expect(truck.incidents[0]).toMatchObject({ type: 'Unarmed Assault', date: { value: '2017-04-07' } });
  });

  it('codes gunmen who opened fire and threw grenades as an armed assault', () => {
    const x = run(
      'Gunmen opened fire and threw grenades at passengers at the airport in Rome on Friday, killing 13 people.',
      '1985-12-28',
    );
    expect(x.incidents[0]).toMatchObject({ type: 'Armed Assault', weapons: ['Firearms', 'Explosives'] });
  });

  it('reads tolls raised by a later death, totals, "shot dead his driver and the three policemen", "the killing of six … and their two …", and "69 peasants, 18 of them children"', () => {
    const killed = (text: string) => run(text, '2020-09-10').incidents[0]?.killed;
    expect(
      killed('Gunmen shot dead his driver and the three policemen in an escort car in Cologne on Monday.'),
    ).toEqual({ value: 4 });
    expect(
      killed(
        'Islamic State claimed the killing of six French aid workers and their two Nigerien guides, whom gunmen attacked at a reserve in Niger last month.',
      ),
    ).toEqual({ value: 8 });
    expect(
      killed('Guerrillas killed 69 peasants, 18 of them children, in a village in Peru on Monday.'),
    ).toEqual({ value: 69 });
    expect(
      killed(
        'A gunman shot dead four Marines in Chattanooga on Thursday. A sailor wounded in the attack died on Saturday, raising the death toll to five.',
      ),
    ).toEqual({ value: 5 });
    expect(
      killed(
        'Two suicide bombers blew themselves up in a restaurant in Djibouti on Saturday night, killing a Turkish national.',
      ),
    ).toEqual({ value: 1 });
    expect(
      killed(
        'A gunman shot dead nine people at two bars in Hanau on Wednesday before killing his mother and himself. Eleven people died in total, including the gunman.',
      ),
    ).toEqual({ value: 10 });
  });

  it('reports an arson attack claimed by a far-left group as its main incident', () => {
    const x = run(
      'Production at the car factory near Berlin remained at a standstill on Wednesday after an arson attack on a pylon cut its power. A far-left group calling itself Vulkangruppe has claimed responsibility. In the early hours of Tuesday, a fire was set at the foot of the pylon near Grünheide.',
      '2024-03-06',
    );
    expect(x.incidents[0]).toMatchObject({ role: 'main', type: 'Facility/Infrastructure Attack' });
    expect(x.incidents[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reads a lone gunman opening fire inside a legislature as political violence', () => {
    const x = run(
      'A soldier opened fire with a submachine-gun inside the National Assembly in Quebec City on Tuesday, killing three people before he surrendered.',
      '1984-05-09',
    );
    expect(x.incidents[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });
});
