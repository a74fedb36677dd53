/** App paths of the objects the API names by id. */

/** `/incidents/inc-…`, `/statements/stm-…`, or undefined for ids that have no page. */
export function subjectPath(id: string): string | undefined {
  if (id.startsWith('inc-')) return `/incidents/${encodeURIComponent(id)}`;
  if (id.startsWith('stm-')) return `/statements/${encodeURIComponent(id)}`;
  if (id.startsWith('doc_')) return `/documents/${encodeURIComponent(id)}`;
  return undefined;
}

/** The reader view of a document, optionally scrolled to a range of its text. */
export function documentPath(docId: string, span?: { start: number; end: number }): string {
  const base = `/documents/${encodeURIComponent(docId)}`;
  return span ? `${base}?at=${span.start}-${span.end}` : base;
}
