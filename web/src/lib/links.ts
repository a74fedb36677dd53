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

/** An incident id from what an analyst pastes: the id itself, or the incident's address. */
export function incidentIdFrom(text: string): string | undefined {
  const m = /(?:^|\/incidents\/)(inc-[A-Za-z0-9_.:-]+)\/?(?:[?#].*)?$/.exec(text.trim());
  return m ? m[1] : undefined;
}
