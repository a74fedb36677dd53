import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Evidence, IncidentDetail, MentionSource, ReviewAction, ReviewOutcome } from '../../api/types';
import { ActorList } from '../../components/Actors';
import { KindBadge } from '../../components/Badges';
import { CasualtyChart } from '../../components/CasualtyChart';
import { FieldTable, quotedDocuments, type FieldRow } from '../../components/FieldTable';
import { ShowAll, useFirst } from '../../components/ShowMore';
import { WikinewsCredit } from '../../components/SourceCredit';
import { StatementItem } from '../../components/StatementItem';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useSession } from '../../auth/session';
import { forgetDocument } from '../../lib/doc-cache';
import {
  formatConfidence,
  formatCount,
  formatDate,
  formatIsoDate,
  formatPlace,
  formatTimestamp,
} from '../../lib/format';
import { documentPath } from '../../lib/links';
import { useApi, useTitle } from '../../lib/use-api';
import { EvidenceViewer, type EvidenceFocus } from '../../components/EvidenceViewer';
import { Grouping, type DecisionNotice } from './Grouping';
import './incidents.css';

function fieldRows(i: IncidentDetail): FieldRow[] {
  const yesNo = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '—');
  const rows: FieldRow[] = [
    {
      field: 'type',
      label: 'Attack type',
      raw: i.type,
      value: (
        <>
          {i.type}
          {i.types && i.types.length > 1 ? (
            <div className="muted small">also: {i.types.filter((t) => t !== i.type).join(', ')}</div>
          ) : null}
        </>
      ),
      evidenceFields: ['type', 'types'],
    },
    {
      field: 'date',
      label: 'Date',
      raw: i.date,
      value: (
        <>
          {formatDate(i.date)}
          {i.date && i.date.precision !== 'day' ? (
            <span className="muted"> (to the {i.date.precision})</span>
          ) : null}
        </>
      ),
    },
    {
      field: 'location',
      label: 'Place',
      raw: i.location,
      value: (
        <>
          {formatPlace(i.location)}
          {i.location ? (
            <div className="muted small">
              {i.location.lat.toFixed(3)}, {i.location.lon.toFixed(3)}
              {i.location.approximate ? ' (approximate: region or country)' : ''}
            </div>
          ) : null}
        </>
      ),
    },
    {
      field: 'perpetrators',
      label: 'Perpetrators',
      raw: i.perpetrators,
      value: <ActorList actors={i.perpetrators} />,
    },
    {
      field: 'claimedBy',
      label: 'Claimed by',
      raw: i.claimedBy,
      value: <ActorList actors={i.claimedBy} none="no claim" />,
      evidenceFields: ['claimedBy', 'claimed'],
    },
    {
      field: 'targets',
      label: 'Targets',
      raw: i.targets,
      value:
        i.targets && i.targets.length > 0 ? (
          <ul className="plain">
            {i.targets.map((t, k) => (
              <li key={k}>
                {t.type}
                {t.text ? <span className="muted"> — “{t.text}”</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    {
      field: 'weapons',
      label: 'Weapons',
      raw: i.weapons,
      value: i.weapons && i.weapons.length > 0 ? i.weapons.join(', ') : '—',
    },
    {
      field: 'killed',
      label: 'Killed (victims)',
      raw: i.killed,
      value: (
        <>
          {formatCount(i.killed)}
          {i.killedLatest && formatCount(i.killedLatest) !== formatCount(i.killed) ? (
            <div className="muted small">latest report: {formatCount(i.killedLatest)}</div>
          ) : null}
        </>
      ),
    },
    {
      field: 'wounded',
      label: 'Wounded (victims)',
      raw: i.wounded,
      value: (
        <>
          {formatCount(i.wounded)}
          {i.woundedLatest && formatCount(i.woundedLatest) !== formatCount(i.wounded) ? (
            <div className="muted small">latest report: {formatCount(i.woundedLatest)}</div>
          ) : null}
        </>
      ),
    },
    {
      field: 'perpetratorsKilled',
      label: 'Attackers killed',
      raw: i.perpetratorsKilled,
      value: formatCount(i.perpetratorsKilled),
    },
    {
      field: 'perpetratorsWounded',
      label: 'Attackers wounded',
      raw: i.perpetratorsWounded,
      value: formatCount(i.perpetratorsWounded),
    },
    { field: 'suicide', label: 'Suicide attack', raw: i.suicide, value: yesNo(i.suicide) },
  ];
  return rows;
}

/** A merge reason with its document ids shown as the documents' titles, linked. */
function MergeReason({ text, titles }: { text: string; titles: Map<string, string> }) {
  const parts = text.split(/(doc_[0-9a-f]{8,})/g);
  return (
    <>
      {parts.map((p, k) =>
        /^doc_[0-9a-f]{8,}$/.test(p) ? (
          <Link key={k} to={documentPath(p)} title={p}>
            {titles.get(p) ?? p}
          </Link>
        ) : (
          <span key={k}>{p}</span>
        ),
      )}
    </>
  );
}

/** The reasons the reports were merged, the first few at once (an incident may have hundreds). */
function MergeReasons({ reasons, titles }: { reasons: string[]; titles: Map<string, string> }) {
  const list = useFirst(reasons, 8);
  return (
    <>
      <ul>
        {list.shown.map((r, k) => (
          <li key={k}>
            <MergeReason text={r} titles={titles} />
          </li>
        ))}
      </ul>
      <ShowAll hidden={list.hidden} total={reasons.length} noun="reasons" onClick={list.showAll} />
    </>
  );
}

/** Every field of one incident with its evidence, reviews, casualty figures, sources, statements and chains. */
export default function IncidentPage() {
  const { id = '' } = useParams();
  const { canWrite } = useSession();
  const navigate = useNavigate();
  const incident = useApi((signal) => api.incident(id, signal), [id]);
  const [focus, setFocus] = useState<EvidenceFocus>();
  // What the last merge or split did, shown on the incident the reports ended up in.
  const [notice, setNotice] = useState<DecisionNotice & { for: string }>();
  const viewerRef = useRef<HTMLElement>(null);
  const i = incident.data;
  useTitle(i ? `${i.type}, ${formatPlace(i.location)}` : 'Incident');

  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of i?.mentions ?? []) if (s.title) m.set(s.docId, s.title);
    for (const d of i?.documents ?? []) if (d.title) m.set(d.id, d.title);
    return m;
  }, [i]);

  if (incident.loading && !i) return <Loading what="Loading the incident" />;
  if (incident.error)
    return (
      <ErrorMessage
        error={incident.error}
        retry={incident.reload}
        back={{ to: '/incidents', label: 'incidents' }}
      />
    );
  if (!i) return null;

  const showEvidence = (e: Evidence) => {
    if (!e.docId) return;
    setFocus({ docId: e.docId, span: { start: e.start, end: e.end } });
    viewerRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const onReviewed = (_action: ReviewAction, outcome: ReviewOutcome | undefined) => {
    for (const m of i.mentions ?? []) forgetDocument(m.docId);
    // Resolution runs again after a review; the reports may now form an incident with another id.
    if (outcome?.incident && outcome.incident !== i.id)
      navigate(`/incidents/${encodeURIComponent(outcome.incident)}`, { replace: true });
    else incident.reload();
  };
  const onDecided = (target: string | undefined, n: DecisionNotice) => {
    for (const m of i.mentions ?? []) forgetDocument(m.docId);
    setNotice({ ...n, for: target ?? i.id });
    if (target && target !== i.id) navigate(`/incidents/${encodeURIComponent(target)}`, { replace: true });
    else incident.reload();
  };
  const sources: MentionSource[] =
    i.mentions ??
    (i.documents ?? []).map((d) => ({ id: d.id, docId: d.id, title: d.title ?? undefined, url: d.url }));
  const rows = fieldRows(i);
  const quoted = new Set(quotedDocuments(rows, i.evidence ?? []));

  return (
    <article className="incident-page" data-ready={`incident:${i.id}`}>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> / {i.id}
      </p>
      <div className="page-head">
        <h1>
          {i.type} — {formatPlace(i.location)}
        </h1>
        <p className="sub">
          {formatDate(i.date)}
          {i.role === 'background' ? ' · only recalled in passing' : ''} · confidence{' '}
          {formatConfidence(i.confidence)} · {sources.length} report{sources.length === 1 ? '' : 's'}
          {i.firstReported ? ` · first reported ${formatIsoDate(i.firstReported.slice(0, 10))}` : ''}
        </p>
      </div>

      {notice && notice.for === i.id ? (
        <div className="notice notice-ok decision-notice" role="status">
          <span>
            {notice.text}
            {notice.link ? (
              <>
                {' '}
                <Link to={notice.link.to}>{notice.link.label}</Link>.
              </>
            ) : null}
          </span>
          <button type="button" className="link-button small" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="incident-layout">
        <section className="card" aria-labelledby="fields-h">
          <h2 id="fields-h">Fields and evidence</h2>
          <p className="muted small">
            Each value with the sentences that state it; select a sentence to see it in its document.
            {canWrite ? ' Confirm, correct or reject a value: your review wins over re-extraction.' : ''}
          </p>
          <FieldTable
            subject="incident"
            subjectId={i.id}
            rows={rows}
            evidence={i.evidence ?? []}
            reviews={i.reviews}
            canReview={canWrite}
            onReviewed={onReviewed}
            onShowEvidence={showEvidence}
          />
          <WikinewsCredit docs={sources.filter((s) => quoted.has(s.docId))} />
        </section>

        {i.casualtyReports && i.casualtyReports.length > 0 ? (
          <section className="card" aria-labelledby="casualties-h">
            <h2 id="casualties-h">Casualty figures over time</h2>
            <p className="muted small">
              As each report gave them. The incident shows the highest figure; tolls rise as the wounded die
              and bodies are found.
            </p>
            <CasualtyChart reports={i.casualtyReports} titles={titles} />
          </section>
        ) : null}

        <section className="card" aria-labelledby="sources-h" ref={viewerRef}>
          <h2 id="sources-h">Sources and evidence</h2>
          <EvidenceViewer sources={sources} evidence={i.evidence ?? []} focus={focus} onSelect={setFocus} />
        </section>

        <div className="grid grid-2">
          <section className="card" aria-labelledby="merge-h">
            <h2 id="merge-h">Why these reports are one incident</h2>
            {i.mergeReasons && i.mergeReasons.length > 0 ? (
              <MergeReasons reasons={i.mergeReasons} titles={titles} />
            ) : (
              <p className="muted">
                {sources.length > 1
                  ? 'No merge reason was recorded.'
                  : 'Reported by one document: nothing was merged.'}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="chains-h">
            <h2 id="chains-h">Retaliation chains</h2>
            {i.chains && i.chains.length > 0 ? (
              <ul className="plain divided">
                {i.chains.map((c) => (
                  <li key={c.id}>
                    <Link to={`/chains/${encodeURIComponent(c.id)}`}>
                      Chain of {c.nodes.length} ({formatIsoDate(c.start)} – {formatIsoDate(c.end)})
                    </Link>
                    <ul className="plain chain-mini">
                      {c.nodes.map((n) => (
                        <li key={n.id} className={n.id === i.id ? 'this' : undefined}>
                          <KindBadge kind={n.kind} /> <span className="muted">{formatIsoDate(n.date)}</span>{' '}
                          {n.label}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">
                No known statement or attack cites this incident as a reason for revenge.
              </p>
            )}
          </section>
        </div>

        {canWrite ? <Grouping incidentId={i.id} sources={sources} onDecided={onDecided} /> : null}

        <section className="card" aria-labelledby="statements-h">
          <h2 id="statements-h">Statements about it</h2>
          {i.statements && i.statements.length > 0 ? (
            <ul className="plain divided">
              {i.statements.map((s) => (
                <li key={s.id}>
                  <StatementItem statement={s} />
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No claim, threat or call for revenge refers to this incident.</Empty>
          )}
        </section>
        {i.lastReported ? (
          <p className="muted small">Last reported {formatTimestamp(i.lastReported)}.</p>
        ) : null}
      </div>
    </article>
  );
}
