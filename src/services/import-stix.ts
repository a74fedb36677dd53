import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createDoc } from '../doc.js';
import { AppError } from '../errors.js';
import type { StixObject } from '../export/stix/stix-object.js';
import { ActorMatcher, PlaceMatcher } from '../ingest/datasets/dataset-record.js';
import type { Tlp } from '../ingest/source-document.js';
import { readStixBundle } from '../ingest/stix/read-bundle.js';
import { stixDocuments } from '../ingest/stix/stix-documents.js';
import { planOverlay, writeOverlay } from '../ingest/stix/stix-kb.js';
import { loadResources, type Resources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';
import type { Store } from '../store/store.js';

/** File of the overlay folder where objects Vigil does not use are kept, by id. */
export const KEPT_FILE = 'stix-kept.json';

/** Options of {@link importStix}. */
export interface ImportStixOptions {
  /** The knowledge-base overlay folder to write (required: the CLI defaults it next to the database). */
  kbDir?: string;
  /** Marking of objects without one; no object is stored less restricted than this (default TLP:CLEAR). */
  marking?: Tlp;
  /** Resources with the overlay already loaded (tests); by default loaded after the overlay is written. */
  resources?: Resources;
  now?: () => Date;
}

/** What a STIX import did. */
export interface ImportStixSummary {
  overlayDir?: string;
  entities: { added: number; aliased: number; files: string[] };
  documents: { stored: number; duplicates: number };
  /** Objects kept aside in the overlay folder because Vigil does not use them, by type. */
  kept: { count: number; byType: Record<string, number>; file?: string };
  problems: { source: string; ruleId: string; reason: string }[];
}

/**
 * Import a STIX 2.1 bundle (docs/import.md): threat actors and intrusion sets into the
 * knowledge-base overlay (new entities, or new aliases of known ones), incidents, reports and
 * notes as documents (Vigil's own exports exactly, others through extraction), and every object
 * Vigil does not use kept in `stix-kept.json` in the overlay folder, counted by type — nothing is
 * dropped silently. Idempotent: the same bundle twice stores nothing new.
 */
export async function importStix(
  path: string,
  store: Store,
  options: ImportStixOptions,
): Promise<ImportStixSummary> {
  const summary: ImportStixSummary = {
    entities: { added: 0, aliased: 0, files: [] },
    documents: { stored: 0, duplicates: 0 },
    kept: { count: 0, byType: {} },
    problems: [],
  };
  const read = await readStixBundle(path);
  if ('problem' in read) {
    const p = read.problem;
    summary.problems.push({
      source: p.line > 0 ? `${path}:${p.line}` : path,
      ruleId: p.ruleId,
      reason: p.reason,
    });
    return summary;
  }
  for (const s of read.skipped)
    summary.problems.push({ source: `${path}#${s.index}`, ruleId: 'import:bad-object', reason: s.reason });
  const dir = options.kbDir;
  if (!dir)
    throw new AppError(
      'no_kb_dir',
      2,
      'no knowledge-base overlay folder for this database: give --kb-dir or set VIGIL_KB_DIR',
    );
  summary.overlayDir = dir;

  const before = options.resources ?? (await loadResources({ overlayDirs: [dir] }));
  const plan = planOverlay(read.objects, before.kb);
  summary.entities = {
    added: plan.added.length,
    aliased: plan.aliased.length,
    files: writeOverlay(dir, plan, basename(path)),
  };
  const resources =
    options.resources ??
    (summary.entities.files.length > 0 ? await loadResources({ overlayDirs: [dir] }) : before);
  const retrievedAt = (options.now ?? (() => new Date()))().toISOString();
  const { writes, used } = stixDocuments(read.objects, {
    path,
    actors: plan.actors,
    matcher: new ActorMatcher(resources.kb),
    places: new PlaceMatcher(resources.gazetteer),
    marking: options.marking ?? 'TLP:CLEAR',
    extract: (doc) => extract(createDoc(doc), resources),
    retrievedAt,
  });
  for (let i = 0; i < writes.length; i += 200)
    for (const r of await store.putDocuments(writes.slice(i, i + 200))) {
      if (r.created) summary.documents.stored++;
      else summary.documents.duplicates++;
    }

  const kept = read.objects.filter((o) => !used.has(o.id));
  if (kept.length > 0) {
    summary.kept = { count: kept.length, byType: countByType(kept), file: keep(dir, kept) };
  }
  return summary;
}

/** Counts by type; relationships by their relationship type too ("relationship (uses)"). */
function countByType(objects: StixObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of objects) {
    const key = o.type === 'relationship' ? `relationship (${String(o.relationship_type)})` : o.type;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Add objects to the kept file of the overlay folder (by id: a second import replaces, never duplicates). */
function keep(dir: string, objects: StixObject[]): string {
  const file = join(dir, KEPT_FILE);
  const byId = new Map<string, StixObject>();
  if (existsSync(file)) {
    const prior = JSON.parse(readFileSync(file, 'utf8')) as { objects?: StixObject[] };
    for (const o of prior.objects ?? []) byId.set(o.id, o);
  }
  for (const o of objects) byId.set(o.id, o);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(
    tmp,
    `${JSON.stringify({ note: 'STIX objects imported by `vigil import stix` that Vigil does not use, kept as they were.', objects: [...byId.values()] }, null, 2)}\n`,
  );
  renameSync(tmp, file);
  return file;
}
