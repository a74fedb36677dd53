import { readFileSync } from 'node:fs';
import { createDoc } from '../../src/doc.js';
import type { Resources } from '../../src/kb/resources.js';
import { extract } from '../../src/pipeline/extract.js';
import { kbResolveOptions } from '../../src/pipeline/kb-resolve-options.js';
import type { ExtractionRecord } from '../../src/pipeline/resolution.js';
import { resolveAll, type ResolutionViews } from '../../src/pipeline/resolve.js';

/** A labelled report: which real incident it is mainly about (null for a document about none). */
export interface LabelledReport {
  id: string;
  title?: string;
  published: string;
  text: string;
  incident: string | null;
  origin?: string;
}

/** Read a JSON Lines file of labelled reports. */
export function readReports(path: string): LabelledReport[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledReport);
}

/** Extract each report as `vigil extract` would and give it to resolution as a stored document. */
export function extractReports(reports: LabelledReport[], resources: Resources): ExtractionRecord[] {
  return reports.map((r) => {
    const doc = createDoc({
      id: r.id,
      text: r.text,
      published: r.published,
      ...(r.title ? { title: r.title } : {}),
    });
    const record: ExtractionRecord = {
      docId: r.id,
      publishedAt: r.published,
      marking: 'TLP:CLEAR',
      extraction: extract(doc, resources),
    };
    if (r.title) record.title = r.title;
    return record;
  });
}

/** Resolve extraction records with the knowledge base and the gazetteer, as `vigil resolve` does. */
export function resolveRecords(records: ExtractionRecord[], resources: Resources): ResolutionViews {
  return resolveAll(records, kbResolveOptions(resources));
}

/** Pairwise scores of merging, with the pairs that went wrong. */
export interface PairScores {
  precision: number;
  recall: number;
  /** Recall over reports whose incident extraction found (what resolution itself missed). */
  resolutionRecall: number;
  tp: number;
  fp: number;
  fn: number;
  /** Labelled reports in which extraction found no incident. */
  unextracted: string[];
  wrongMerges: string[];
  missedMerges: string[];
  incidents: number;
  labels: number;
}

/**
 * Pairwise precision and recall of incident resolution: every pair of reports is "same incident"
 * in the labels or not, and "merged" when their main incidents (the first incident extraction
 * gives for each document) resolve to one incident.
 */
export function scorePairs(reports: LabelledReport[], resolution: ResolutionViews): PairScores {
  const incidentOfMention = new Map<string, string>();
  for (const i of resolution.incidents) for (const m of i.members) incidentOfMention.set(m.mentionId, i.id);
  const mainOf = new Map<string, string>();
  for (const i of resolution.incidents)
    for (const m of i.members)
      if (!mainOf.has(m.docId) || m.mentionId.endsWith(':i1')) mainOf.set(m.docId, i.id);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let fnResolution = 0;
  const wrongMerges: string[] = [];
  const missedMerges: string[] = [];
  for (let x = 0; x < reports.length; x++)
    for (let y = x + 1; y < reports.length; y++) {
      const [a, b] = [reports[x]!, reports[y]!];
      const same = a.incident !== null && a.incident === b.incident;
      const [ia, ib] = [mainOf.get(a.id), mainOf.get(b.id)];
      const merged = ia !== undefined && ia === ib;
      if (same && merged) tp++;
      else if (merged) {
        fp++;
        wrongMerges.push(`${a.id} (${a.incident}) + ${b.id} (${b.incident})`);
      } else if (same) {
        fn++;
        if (ia !== undefined && ib !== undefined) {
          fnResolution++;
          missedMerges.push(`${a.id} + ${b.id} (${a.incident})`);
        }
      }
    }
  return {
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    resolutionRecall: tp / Math.max(1, tp + fnResolution),
    tp,
    fp,
    fn,
    unextracted: reports.filter((r) => r.incident !== null && !mainOf.has(r.id)).map((r) => r.id),
    wrongMerges,
    missedMerges,
    incidents: new Set(reports.flatMap((r) => (r.incident ? [r.incident] : []))).size,
    labels: reports.filter((r) => r.incident !== null).length,
  };
}
