import { readFileSync } from 'node:fs';
import { createDoc, type DateValue, type Doc } from '../../src/doc.js';
import type { Resources } from '../../src/kb/resources.js';
import { annotate } from '../../src/pipeline/annotate.js';
import { nameKey as key } from '../../src/text/normalize.js';

/** A hand-labelled Wikinews paragraph (test/fixtures/annotate/gold.json). */
export interface GoldParagraph {
  id: string;
  docId: string;
  url: string;
  published: string | null;
  text: string;
  places: { text: string; start: number; end: number; countryCode: string; kind: string; admin1?: string }[];
  groups: { text: string; start: number; end: number; name: string }[];
  dates: { text: string; start: number; end: number; value: string }[];
}

/** Per-kind result: gold mentions found with the right value, and predictions not in the gold. */
export interface KindScore {
  gold: number;
  correct: number;
  predicted: number;
  /** Predictions that overlap no gold mention of the kind. */
  spurious: number;
  misses: string[];
  extras: string[];
}

export const GOLD_FILE = new URL('../fixtures/annotate/gold.json', import.meta.url);
const CORPUS_FILE = new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url);

interface CorpusDoc {
  id: string;
  text: string;
  published: string | null;
}

export function loadGold(): GoldParagraph[] {
  return JSON.parse(readFileSync(GOLD_FILE, 'utf8')) as GoldParagraph[];
}

/**
 * Annotate the articles of the gold paragraphs (whole, as Vigil always does: context matters) and
 * compare, inside each paragraph, places (country), groups (entity) and dates (resolved value).
 */
export function scoreGold(
  gold: GoldParagraph[],
  resources: Resources,
): { places: KindScore; groups: KindScore; dates: KindScore; badSpans: string[] } {
  const empty = (): KindScore => ({ gold: 0, correct: 0, predicted: 0, spurious: 0, misses: [], extras: [] });
  const places = empty();
  const groups = empty();
  const dates = empty();
  const badSpans: string[] = [];
  const corpus = new Map(
    readFileSync(CORPUS_FILE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CorpusDoc)
      .map((d) => [d.id, d]),
  );
  const annotated = new Map<string, Doc>();
  for (const p of gold) {
    let full = annotated.get(p.docId);
    if (!full) {
      const source = corpus.get(p.docId);
      if (!source) throw new Error(`gold paragraph ${p.id}: article ${p.docId} is not in the corpus`);
      const input: Parameters<typeof createDoc>[0] = { id: source.id, text: source.text };
      if (source.published) input.published = source.published;
      full = annotate(createDoc(input), resources);
      for (const m of full.mentions)
        if (full.text.slice(m.start, m.end) !== m.text)
          badSpans.push(`${p.docId} ${m.kind} ${m.start}-${m.end}`);
      annotated.set(p.docId, full);
    }
    const offset = full.text.indexOf(p.text);
    if (offset < 0) throw new Error(`gold paragraph ${p.id} is not in article ${p.docId}`);
    // Mentions inside the paragraph, with offsets relative to it.
    const doc = {
      mentions: full.mentions
        .filter((m) => m.start >= offset && m.end <= offset + p.text.length)
        .map((m) => ({ ...m, start: m.start - offset, end: m.end - offset })),
    };
    const overlapping = (kind: string, g: { start: number; end: number }) =>
      doc.mentions.filter((m) => m.kind === kind && m.start < g.end && g.start < m.end);

    for (const g of p.places) {
      places.gold++;
      const hit = overlapping('place', g).find((m) => m.place?.countryCode === g.countryCode);
      if (hit) places.correct++;
      else
        places.misses.push(
          `${p.id} "${g.text}" ${g.countryCode} → ${
            overlapping('place', g)
              .map((m) => m.place?.countryCode)
              .join(',') || 'none'
          }`,
        );
    }
    for (const g of p.groups) {
      groups.gold++;
      const ok = overlapping('group', g).find((m) => {
        const entry = m.entity ? resources.kb.byId.get(m.entity.id) : undefined;
        return (
          entry &&
          [entry.name, ...entry.aliases, ...entry.ambiguousAliases].some((n) => key(n) === key(g.name))
        );
      });
      if (ok) groups.correct++;
      else
        groups.misses.push(
          `${p.id} "${g.text}" ${g.name} → ${
            overlapping('group', g)
              .map((m) => m.entity?.name)
              .join(',') || 'none'
          }`,
        );
    }
    for (const g of p.dates) {
      dates.gold++;
      const ok = overlapping('date', g).find((m) => (m.value as DateValue).value === g.value);
      if (ok) dates.correct++;
      else
        dates.misses.push(
          `${p.id} "${g.text}" ${g.value} → ${
            overlapping('date', g)
              .map((m) => (m.value as DateValue).value)
              .join(',') || 'none'
          }`,
        );
    }
    const spurious = (kind: string, score: KindScore, labels: { start: number; end: number }[]) => {
      for (const m of doc.mentions.filter((x) => x.kind === kind)) {
        score.predicted++;
        if (!labels.some((g) => m.start < g.end && g.start < m.end)) {
          score.spurious++;
          score.extras.push(`${p.id} "${m.text}"`);
        }
      }
    };
    spurious('place', places, p.places);
    spurious('group', groups, p.groups);
    spurious('date', dates, p.dates);
  }
  return { places, groups, dates, badSpans };
}
