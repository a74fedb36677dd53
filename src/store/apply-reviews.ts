import type { Extraction } from '../pipeline/extraction.js';
import type { Review } from './store.js';

/**
 * An extraction as analysts reviewed it: a correction replaces a field's value, a rejection of a
 * field empties it, a rejection of the whole subject (`field: '*'`) removes the incident or
 * statement; confirmations change nothing. Later reviews win. Pure: the stored machine
 * extraction is never modified.
 */
export function applyReviews(extraction: Extraction, reviews: Review[]): Extraction {
  if (reviews.length === 0) return extraction;
  const out = structuredClone(extraction);
  const sorted = [...reviews].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const r of sorted) {
    const subjects: Record<string, unknown>[] = [...out.incidents, ...out.statements] as unknown as Record<
      string,
      unknown
    >[];
    const subject = subjects.find((s) => s.id === r.subjectId);
    if (!subject) continue;
    if (r.field === '*') {
      if (r.action === 'reject') {
        out.incidents = out.incidents.filter((i) => i.id !== r.subjectId);
        out.statements = out.statements.filter((s) => s.id !== r.subjectId);
        out.links = out.links.filter((l) => l.from !== r.subjectId && l.to !== r.subjectId);
      }
      continue;
    }
    if (r.action === 'correct') subject[r.field] = r.value;
    else if (r.action === 'reject') subject[r.field] = Array.isArray(subject[r.field]) ? [] : null;
  }
  return out;
}
