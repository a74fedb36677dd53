import type { PlaceRef } from '../../src/doc.js';
import type { Tlp } from '../../src/ingest/source-document.js';
import { contentHash, documentId } from '../../src/store/document-id.js';
import type { DocumentWrite } from '../../src/store/store.js';
import { day, incident } from './mentions.js';

/** A city of Pakistan (where the made-up groups of these reports operate). */
function pk(city: string, lat: number, lon: number): PlaceRef {
  return { city, country: 'Pakistan', countryCode: 'PK', lat, lon };
}

/** One report of an attack by `group`, a group the knowledge base does not know, as ingest would store it. */
function report(group: string, place: PlaceRef, date: string, marking: Tlp): DocumentWrite {
  const text = `Police said members of the ${group} attacked a police post in ${place.city} on ${date}, killing four officers.`;
  const source = { kind: 'url' as const, url: `https://news.example/${nameSlug(group)}-${date}` };
  const id = documentId(source, text);
  return {
    document: {
      id,
      contentHash: contentHash(text),
      source,
      title: `${group} attack in ${place.city}`,
      text,
      marking,
      publishedAt: date,
      retrievedAt: '2026-12-07T00:00:00Z',
    },
    extraction: {
      id,
      incidents: [
        incident(`${id}:i1`, {
          date: day(date),
          location: place,
          perpetrators: [{ id: null, name: group, kind: 'group', text: group }],
          killed: { value: 4 },
          evidence: [{ field: 'perpetrators', start: 0, end: text.length, text }],
        }),
      ],
      statements: [],
      links: [],
      entities: [],
      messages: [],
    },
    pipelineVersion: 'test',
  };
}

function nameSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '-');
}

/**
 * Reports naming three groups the knowledge base does not know, each in two documents (so each
 * is a candidate entity): the Crimson Dawn Brigade in TLP:CLEAR reports, the Silver Lotus Front in
 * TLP:GREEN ones, the Night Owl Movement only in TLP:RED ones.
 */
export function candidateReports(): DocumentWrite[] {
  return [
    report('Crimson Dawn Brigade', pk('Peshawar', 34.01, 71.58), '2021-05-03', 'TLP:CLEAR'),
    report('Crimson Dawn Brigade', pk('Quetta', 30.19, 67.01), '2021-06-11', 'TLP:CLEAR'),
    report('Silver Lotus Front', pk('Multan', 30.2, 71.47), '2021-08-02', 'TLP:GREEN'),
    report('Silver Lotus Front', pk('Lahore', 31.55, 74.34), '2021-08-09', 'TLP:GREEN'),
    report('Night Owl Movement', pk('Karachi', 24.86, 67.01), '2021-09-01', 'TLP:RED'),
    report('Night Owl Movement', pk('Islamabad', 33.69, 73.06), '2021-09-05', 'TLP:RED'),
  ];
}
