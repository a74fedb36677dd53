import { readFileSync } from 'node:fs';
import { createDoc } from '../../src/doc.js';
import type { Resources } from '../../src/kb/resources.js';
import { extract } from '../../src/pipeline/extract.js';
import type { Count, Extraction, IncidentMention } from '../../src/pipeline/extraction.js';
import { nameKey as norm } from '../../src/text/normalize.js';

/** An incident as labelled in the gold files (test/fixtures/extract/). */
interface GoldIncident {
  role: 'main' | 'background';
  type: string;
  date: string | null;
  city: string | null;
  countryCode: string | null;
  perpetrators: string[];
  weapons?: string[];
  killed: number | { min: number; max: number } | null;
  wounded?: number | { min: number; max: number } | null;
}
interface GoldStatement {
  type: string;
  speaker: string | null;
  organization: string | null;
  quote?: string | null;
  evidence: string;
}
interface GoldDoc {
  id: string;
  label?: 'positive' | 'negative' | undefined;
  published?: string;
  title?: string;
  text?: string;
  incidents: GoldIncident[];
  statements: GoldStatement[];
}
interface CorpusDoc {
  id: string;
  title: string;
  text: string;
  published: string | null;
}

/** A confident incident: what an analyst would be shown as an attack. */
export const CONFIDENT = 0.5;

const fixture = (name: string): GoldDoc[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/extract/${name}`, import.meta.url), 'utf8')) as GoldDoc[];

/** Correct / total for one field. */
export class Tally {
  correct = 0;
  total = 0;
  readonly misses: string[] = [];
  add(ok: boolean, miss: string): void {
    this.total++;
    if (ok) this.correct++;
    else this.misses.push(miss);
  }
  get rate(): number {
    return this.total === 0 ? 1 : this.correct / this.total;
  }
}

/** The figures issue #3 asks for, on the labelled Wikinews articles and the written statement texts. */
export interface EvalResult {
  positives: number;
  negatives: number;
  found: Tally;
  falseConfident: Tally;
  fields: Record<
    'date' | 'city' | 'type' | 'weapon' | 'perpetrator' | 'killed' | 'wounded' | 'noInventedCasualties',
    Tally
  >;
  statements: {
    tp: number;
    fp: number;
    fn: number;
    precision: number;
    recall: number;
    f1: number;
    misses: string[];
    extras: string[];
  };
  outputs: { extraction: Extraction; text: string }[];
}

function emptyResult(): EvalResult {
  return {
    positives: 0,
    negatives: 0,
    found: new Tally(),
    falseConfident: new Tally(),
    fields: {
      date: new Tally(),
      city: new Tally(),
      type: new Tally(),
      weapon: new Tally(),
      perpetrator: new Tally(),
      killed: new Tally(),
      wounded: new Tally(),
      noInventedCasualties: new Tally(),
    },
    statements: { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, misses: [], extras: [] },
    outputs: [],
  };
}

/** A labelled article with its text (from the corpus, or written in the gold file). */
interface LabelledText {
  gold: GoldDoc;
  text: string;
  published?: string | undefined;
  title?: string | undefined;
}

function score(items: LabelledText[], resources: Resources): EvalResult {
  const r = emptyResult();
  for (const { gold: g, text, published, title } of items) {
    const input: Parameters<typeof createDoc>[0] = { id: g.id, text };
    if (published) input.published = published;
    if (title) input.title = title;
    const x = extract(createDoc(input), resources);
    r.outputs.push({ extraction: x, text });
    scoreStatements(g, x, text, r);
    if (!g.label) continue;
    const main = x.incidents.find((i) => i.role === 'main' && i.confidence >= CONFIDENT);
    if (g.label === 'negative') {
      r.negatives++;
      r.falseConfident.add(!main, `${g.id}: confident ${main?.type} (${main?.confidence})`);
      continue;
    }
    r.positives++;
    r.found.add(main !== undefined, `${g.id}: no confident main incident`);
    const gold = g.incidents.find((i) => i.role === 'main') ?? g.incidents[0];
    if (main && gold) scoreIncident(g.id, gold, main, resources, r);
  }
  const s = r.statements;
  s.precision = s.tp / Math.max(1, s.tp + s.fp);
  s.recall = s.tp / Math.max(1, s.tp + s.fn);
  s.f1 = (2 * s.precision * s.recall) / Math.max(1e-9, s.precision + s.recall);
  return r;
}

/** Run extraction on every labelled Wikinews article and written statement text, and score it. */
export function evaluate(resources: Resources): EvalResult {
  const corpus = new Map(
    readFileSync(new URL('../../examples/wikinews/wikinews.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CorpusDoc)
      .map((d) => [d.id, d]),
  );
  const wiki = fixture('wikinews-gold.json').map((gold): LabelledText => {
    const doc = corpus.get(gold.id);
    if (!doc) throw new Error(`gold ${gold.id} is not in the corpus`);
    return { gold, text: doc.text, published: doc.published ?? undefined, title: doc.title };
  });
  const written = fixture('statements-gold.json').map((gold): LabelledText => ({
    gold: { ...gold, label: undefined },
    text: gold.text!,
    published: gold.published,
  }));
  return score([...wiki, ...written], resources);
}

/**
 * Written reports labelled like the Wikinews set: `heldout-gold.json` (written as a held-out
 * check, since used in development), `dev-reports-gold.json` (a second development set, December
 * 2026) or `heldout-2-gold.json` (written in December 2026 after the rules, never used to tune them).
 */
export function evaluateWritten(
  resources: Resources,
  file:
    | 'heldout-gold.json'
    | 'heldout-2-gold.json'
    | 'heldout-3-gold.json'
    | 'heldout-4-gold.json'
    | 'heldout-5-gold.json'
    | 'heldout-6-gold.json'
    | 'dev-reports-gold.json' = 'heldout-gold.json',
): EvalResult {
  return score(
    fixture(file).map((gold) => ({
      gold,
      text: gold.text!,
      published: gold.published,
      title: gold.title,
    })),
    resources,
  );
}

function scoreIncident(
  id: string,
  gold: GoldIncident,
  x: IncidentMention,
  resources: Resources,
  r: EvalResult,
): void {
  const f = r.fields;
  if (gold.date)
    f.date.add(
      !!x.date && (x.date.value === gold.date || x.date.value.startsWith(gold.date)),
      `${id}: date ${gold.date} → ${x.date?.value ?? 'none'}`,
    );
  if (gold.city) {
    const ids = new Set(
      resources.gazetteer.index.lookup(gold.city).map((n) => resources.gazetteer.place(n).geonamesId),
    );
    const ok =
      !!x.location &&
      ((x.location.geonamesId !== undefined && ids.has(x.location.geonamesId)) ||
        norm(x.location.city ?? '') === norm(gold.city));
    f.city.add(ok, `${id}: city ${gold.city} → ${x.location?.city ?? x.location?.country ?? 'none'}`);
  }
  f.type.add(x.type === gold.type, `${id}: type ${gold.type} → ${x.type}`);
  if (gold.weapons?.[0])
    f.weapon.add(
      x.weapons[0] === gold.weapons[0],
      `${id}: weapon ${gold.weapons[0]} → ${x.weapons.join(', ')}`,
    );
  if (gold.perpetrators.length > 0)
    f.perpetrator.add(
      x.perpetrators.some((p) => p.id === gold.perpetrators[0]),
      `${id}: perpetrator ${gold.perpetrators[0]} → ${x.perpetrators.map((p) => p.id ?? p.name).join(', ') || 'none'}`,
    );
  for (const k of ['killed', 'wounded'] as const) {
    const g = gold[k];
    if (g === undefined) continue;
    if (g === null)
      f.noInventedCasualties.add(x[k] === null, `${id}: ${k} not stated → ${JSON.stringify(x[k])}`);
    else f[k].add(sameCount(g, x[k]), `${id}: ${k} ${JSON.stringify(g)} → ${JSON.stringify(x[k])}`);
  }
}

function sameCount(gold: number | { min: number; max: number }, x: Count | null): boolean {
  if (!x) return false;
  if (typeof gold === 'number') return 'value' in x ? x.value === gold : x.min <= gold && gold <= x.max;
  return 'value' in x ? gold.min <= x.value && x.value <= gold.max : x.min === gold.min && x.max === gold.max;
}

/**
 * A gold statement is found when an extracted statement of the same type rests on the same
 * sentence, or quotes the same words (a speech act reported in one sentence and quoted in the next).
 */
function scoreStatements(g: GoldDoc, x: Extraction, text: string, r: EvalResult): void {
  const s = r.statements;
  const used = new Set<string>();
  for (const gs of g.statements) {
    const at = text.indexOf(gs.evidence);
    const end = at + gs.evidence.length;
    const q = gs.quote ? text.indexOf(gs.quote) : -1;
    const qEnd = q + (gs.quote?.length ?? 0);
    const hit = x.statements.find(
      (xs) =>
        !used.has(xs.id) &&
        xs.type === gs.type &&
        (xs.evidence.some((e) => (e.start < end && at < e.end) || (q >= 0 && e.start < qEnd && q < e.end)) ||
          (gs.organization !== null && xs.organization?.id === gs.organization)),
    );
    if (hit) {
      used.add(hit.id);
      s.tp++;
    } else {
      s.fn++;
      s.misses.push(`${g.id}: ${gs.type} "${gs.evidence.slice(0, 90)}"`);
    }
  }
  for (const xs of x.statements) {
    if (used.has(xs.id)) continue;
    s.fp++;
    s.extras.push(`${g.id}: ${xs.type} "${xs.evidence[0]?.text.slice(0, 90) ?? ''}"`);
  }
}
