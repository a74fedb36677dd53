import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { DocumentDetail, Evidence, MentionSource } from '../api/types';
import { TlpBadge } from './Badges';
import { HighlightedText, type Highlight } from './HighlightedText';
import { ShowAll, useFirst } from './ShowMore';
import { SourceCredit } from './SourceCredit';
import { ErrorMessage, Loading } from './Status';
import { getDocument } from '../lib/doc-cache';
import { formatConfidence, formatTimestamp, humanize } from '../lib/format';
import { documentPath } from '../lib/links';
import type { Range } from '../lib/segments';
import { useApi } from '../lib/use-api';
import './evidence.css';

/** Which document the viewer shows, and the span to scroll to. */
export interface EvidenceFocus {
  docId: string;
  span?: { start: number; end: number };
}

/** The anchor id of an evidence mark, to scroll to it. */
export function evidenceAnchor(docId: string, e: { start: number; end: number }): string {
  return `ev-${docId}-${e.start}-${e.end}`;
}

/**
 * The documents reporting an incident or statement, and the chosen one's full text with the
 * evidence of every field marked. `focus` (set by clicking an evidence sentence elsewhere on the
 * page) selects a document and scrolls to a span.
 */
export function EvidenceViewer({
  sources,
  evidence,
  focus,
  onSelect,
}: {
  sources: MentionSource[];
  evidence: Evidence[];
  /** The document shown and, when set, the span to scroll to (a new object scrolls again). */
  focus: EvidenceFocus | undefined;
  onSelect: (focus: EvidenceFocus) => void;
}) {
  const docIds = useMemo(() => [...new Set(sources.map((s) => s.docId))], [sources]);
  const docId = focus && docIds.includes(focus.docId) ? focus.docId : docIds[0];
  const source = sources.find((s) => s.docId === docId);
  const doc = useApi(
    (): Promise<DocumentDetail | undefined> => (docId ? getDocument(docId) : Promise.resolve(undefined)),
    [docId],
  );
  const pane = useRef<HTMLDivElement>(null);
  const list = useFirst(sources, 12);
  const listed = source && !list.shown.includes(source) ? [...list.shown, source] : list.shown;

  const docEvidence = useMemo(() => evidence.filter((e) => e.docId === docId), [evidence, docId]);
  const ranges = useMemo<Range<Highlight>[]>(
    () =>
      docId
        ? docEvidence.map((e) => ({
            start: e.start,
            end: e.end,
            data: {
              className: 'evidence',
              title: `evidence: ${humanize(e.field)}`,
              anchor: evidenceAnchor(docId, e),
            },
          }))
        : [],
    [docEvidence, docId],
  );
  const spans = useMemo(() => {
    const bySpan = new Map<string, { start: number; end: number; fields: string[] }>();
    for (const e of docEvidence) {
      const k = `${e.start}-${e.end}`;
      const s = bySpan.get(k) ?? { start: e.start, end: e.end, fields: [] };
      if (!s.fields.includes(e.field)) s.fields.push(e.field);
      bySpan.set(k, s);
    }
    return [...bySpan.values()].sort((a, b) => a.start - b.start);
  }, [docEvidence]);

  /** Scroll the text pane (not the page) to a mark and outline it. */
  const jump = (span: { start: number; end: number } | undefined, smooth = true) => {
    const box = pane.current;
    if (!docId || !box) return;
    const el = span
      ? document.getElementById(evidenceAnchor(docId, span))
      : box.querySelector<HTMLElement>('mark.evidence');
    if (!el) return;
    box.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    if (span) el.classList.add('current');
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: smooth ? 'smooth' : 'auto' });
  };

  // Once a document is on screen, show the focused span, or else its first evidence.
  useEffect(() => {
    if (!doc.data) return;
    if (focus?.span && focus.docId === docId) jump(focus.span);
    else jump(undefined, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, doc.data, docId]);

  if (docIds.length === 0) return <p className="muted">No source document is visible at your clearance.</p>;
  return (
    <div className="evidence-viewer">
      <ul className="plain source-list" aria-label="Reporting documents">
        {listed.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              aria-pressed={s.docId === docId}
              onClick={() => onSelect({ docId: s.docId })}
            >
              <span className="item-title">{s.title ?? s.docId}</span>
              <span className="meta">
                <span>{formatTimestamp(s.publishedAt)}</span>
                {s.role ? <span>{s.role === 'main' ? 'about it' : 'recalls it'}</span> : null}
                {s.confidence !== undefined ? <span>{formatConfidence(s.confidence)}</span> : null}
              </span>
            </button>
          </li>
        ))}
        {list.hidden > 0 ? (
          <li>
            <ShowAll hidden={list.hidden} total={sources.length} noun="reports" onClick={list.showAll} />
          </li>
        ) : null}
      </ul>
      <div>
        {source ? (
          <div className="card-head">
            <h3>
              <Link to={documentPath(source.docId)}>{source.title ?? source.docId}</Link>
            </h3>
            {source.marking ? <TlpBadge marking={source.marking} /> : null}
          </div>
        ) : null}
        {spans.length > 0 ? (
          <div className="evidence-jump" aria-label="Go to evidence">
            {spans.map((s) => (
              <button key={`${s.start}-${s.end}`} type="button" onClick={() => jump(s)}>
                {s.fields.map(humanize).join(', ')}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted small">This document gives no evidence sentence for the fields shown.</p>
        )}
        {doc.loading ? <Loading what="Loading the document" /> : null}
        {doc.error ? <ErrorMessage error={doc.error} retry={doc.reload} /> : null}
        {doc.data ? (
          <>
            <div
              className="evidence-doc"
              ref={pane}
              tabIndex={0}
              aria-label="Document text with evidence marked"
            >
              <HighlightedText text={doc.data.text} ranges={ranges} />
            </div>
            <SourceCredit
              url={doc.data.url ?? doc.data.source?.url ?? source?.url}
              title={doc.data.title ?? source?.title}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
