import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Evidence, Statement } from '../../api/types';
import { useSession } from '../../auth/session';
import { ActorName } from '../../components/Actors';
import { EvidenceViewer, type EvidenceFocus } from '../../components/EvidenceViewer';
import { FieldTable, type FieldRow } from '../../components/FieldTable';
import { IncidentRef } from '../../components/IncidentRef';
import { WikinewsCredit } from '../../components/SourceCredit';
import { ErrorMessage, Loading } from '../../components/Status';
import { forgetDocument } from '../../lib/doc-cache';
import { formatConfidence, formatDate, humanize } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';

function fieldRows(s: Statement): FieldRow[] {
  return [
    { field: 'type', label: 'Type', raw: s.type, value: humanize(s.type) },
    { field: 'speaker', label: 'Speaker', raw: s.speaker, value: <ActorName actor={s.speaker} /> },
    {
      field: 'organization',
      label: 'Organisation',
      raw: s.organization,
      value: <ActorName actor={s.organization} />,
    },
    {
      field: 'outlet',
      label: 'Outlet',
      raw: s.outlet,
      value: s.outlet ? <ActorName actor={s.outlet} /> : '—',
    },
    {
      field: 'platform',
      label: 'Platform',
      raw: s.platform,
      value: s.platform ? <ActorName actor={s.platform} /> : '—',
    },
    { field: 'medium', label: 'Medium', raw: s.medium, value: s.medium ?? '—' },
    { field: 'date', label: 'Date', raw: s.date, value: formatDate(s.date) },
    {
      field: 'quote',
      label: 'Quote',
      raw: s.quote,
      value: s.quote ? <blockquote className="quote">{s.quote}</blockquote> : '—',
    },
  ];
}

/** One statement: its fields with evidence and review, the incidents it invokes, and its sources. */
export default function StatementPage() {
  const { id = '' } = useParams();
  const { canWrite } = useSession();
  const statement = useApi((signal) => api.statement(id, signal), [id]);
  const [focus, setFocus] = useState<EvidenceFocus>();
  const viewerRef = useRef<HTMLElement>(null);
  const s = statement.data;
  useTitle(s ? humanize(s.type) : 'Statement');

  if (statement.loading && !s) return <Loading what="Loading the statement" />;
  if (statement.error) return <ErrorMessage error={statement.error} retry={statement.reload} />;
  if (!s) return null;
  const sources = s.mentions ?? [];
  const showEvidence = (e: Evidence) => {
    if (!e.docId) return;
    setFocus({ docId: e.docId, span: { start: e.start, end: e.end } });
    viewerRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <article data-ready={`statement:${s.id}`}>
      <p className="breadcrumb">
        <Link to="/">Dashboard</Link> / statement {s.id}
      </p>
      <div className="page-head">
        <h1>
          {humanize(s.type)} by{' '}
          {s.organization || s.speaker ? (
            <ActorName actor={s.organization ?? s.speaker} />
          ) : (
            'an unnamed speaker'
          )}
        </h1>
        <p className="sub">
          {formatDate(s.date)} · confidence {formatConfidence(s.confidence)} · {sources.length} report
          {sources.length === 1 ? '' : 's'}
        </p>
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="fields-h">
          <h2 id="fields-h">Fields and evidence</h2>
          <FieldTable
            subject="statement"
            subjectId={s.id}
            rows={fieldRows(s)}
            evidence={s.evidence ?? []}
            reviews={s.reviews}
            canReview={canWrite}
            onReviewed={() => {
              for (const m of sources) forgetDocument(m.docId);
              statement.reload();
            }}
            onShowEvidence={showEvidence}
          />
          <WikinewsCredit docs={sources} />
        </section>
        <section className="card" aria-labelledby="refers-h">
          <h2 id="refers-h">Incidents it refers to</h2>
          {s.refersTo.length === 0 ? (
            <p className="muted">It names no incident known to Vigil.</p>
          ) : (
            <ul>
              {s.refersTo.map((r) => (
                <li key={r}>
                  <IncidentRef id={r} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="sources-h" ref={viewerRef}>
          <h2 id="sources-h">Sources and evidence</h2>
          <EvidenceViewer sources={sources} evidence={s.evidence ?? []} focus={focus} onSelect={setFocus} />
        </section>
      </div>
    </article>
  );
}
