import { describe, expect, it } from 'vitest';
import { annotateText, mentionsOf } from '../../test/helpers/annotate-text.js';

const places = (text: string) =>
  mentionsOf(annotateText(text, '2019-03-17'), 'place').map((m) => [
    m.text,
    m.place?.city ?? m.place?.admin1 ?? m.place?.country,
    m.place?.countryCode,
  ]);

describe('annotatePlaces', () => {
  it('finds cities, regions and countries with coordinates and GeoNames ids', () => {
    const doc = annotateText('A gunman attacked two mosques in Christchurch, New Zealand.', '2019-03-17');
    const [city, country] = mentionsOf(doc, 'place');
    expect(city?.place).toMatchObject({
      city: 'Christchurch',
      admin1: 'Canterbury',
      countryCode: 'NZ',
      geonamesId: 2192362,
    });
    expect(city?.place?.lat).toBeCloseTo(-43.53, 1);
    expect(country?.place).toMatchObject({ country: 'New Zealand', countryCode: 'NZ' });
  });

  it('reads a venue named after its city as the city, not a foreign region or a brand', () => {
    expect(places('He blew himself up at Manchester Arena.')).toEqual([['Manchester', 'Manchester', 'GB']]);
    expect(places('Thousands gathered in Manchester.')).toEqual([['Manchester', 'Manchester', 'GB']]);
    expect(places('He drove a truck into a Berlin Christmas market.')).toEqual([['Berlin', 'Berlin', 'DE']]);
    expect(places('In Sri Lanka, a bomb went off at the Shangri-La hotel.')).toEqual([
      ['Sri Lanka', 'Sri Lanka', 'LK'],
    ]);
  });

  it('reads "the Somali capital" as the capital city, but not "capital punishment"', () => {
    expect(places('A truck bomb exploded in the Somali capital.')).toEqual([
      ['Somali capital', 'Mogadishu', 'SO'],
    ]);
    expect(places("Afghanistan's capital was calm.")).toEqual([["Afghanistan's capital", 'Kabul', 'AF']]);
    expect(places('He faces capital punishment in Iran.')).toEqual([['Iran', 'Iran', 'IR']]);
  });

  it('uses a region qualifier to choose between cities of the same name', () => {
    expect(places('The college is in Ithaca, New York.')).toEqual([
      ['Ithaca', 'Ithaca', 'US'],
      ['New York', 'New York', 'US'],
    ]);
  });

  it('prefers a city in a country the document names', () => {
    expect(places('Police in Pakistan said a bomb exploded in Hyderabad on Sunday.')).toEqual([
      ['Pakistan', 'Pakistan', 'PK'],
      ['Hyderabad', 'Hyderabad', 'PK'],
    ]);
    expect(places('A bomb exploded in Hyderabad, the capital of Telangana.')[0]).toEqual([
      'Hyderabad',
      'Hyderabad',
      'IN',
    ]);
  });

  it('reads demonyms and possessives as their country', () => {
    expect(places("The Australian man was arrested under Turkey's laws.")).toEqual([
      ['Australian', 'Australia', 'AU'],
      ['Turkey', 'Türkiye', 'TR'],
    ]);
  });

  it('matches names without their accents and with them', () => {
    expect(places('Troops entered Kandahar, then Kandahār airport.').map((p) => p[2])).toEqual(['AF', 'AF']);
  });

  it('does not take common words, people or parts of names for places', () => {
    expect(places('Police said the Mission would go on. Of course, Isis has been defeated.')).toEqual([]);
    expect(places('Jordan Peterson spoke to the New York Times.')).toEqual([]);
    expect(places('John Bolton resigned. Bolton said he disagreed.')).toEqual([]);
  });

  it('keeps a place inside an actor name for the actor', () => {
    const doc = annotateText('The Islamic State of Iraq and the Levant claimed it.', '2019-03-17');
    expect(mentionsOf(doc, 'place')).toEqual([]);
    expect(mentionsOf(doc, 'group').map((m) => m.entity?.id)).toEqual(['islamic-state']);
  });

  it("does not read a hotel named after a town elsewhere as that town, but keeps a town's airport", () => {
    const places = (text: string) =>
      annotateText(text, '1993-02-27')
        .mentions.filter((m) => m.kind === 'place')
        .map((m) => m.place?.city ?? m.place?.country);
    expect(
      places(
        'A bomb exploded in a garage under the twin towers in New York, and smoke filled the Vista Hotel.',
      ),
    ).not.toContain('Vista');
    expect(
      places('A bomb exploded on a bus at Burgas airport, and officials in Sofia blamed Hezbollah.'),
    ).toContain('Burgas');
  });
});
