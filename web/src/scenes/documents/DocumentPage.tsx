import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DocumentDetail, Evidence, Mention } from '../../api/types';
import { ActorName } from '../../components/Actors';
import { TlpBadge } from '../../components/Badges';
import { HighlightedText, type Highlight } from '../../components/HighlightedText';
import { SourceCredit } from '../../components/SourceCredit';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { getDocument } from '../../lib/doc-cache';
import {
  formatCount,
  formatDate,
  formatIsoDate,
  formatPlace,
  formatTimestamp,
  humanize,
} from '../../lib/format';
import type { Range } from '../../lib/segments';
import { useApi, useTitle } from '../../lib/use-api';
import './documents.css';

const KINDS = ['place', 'group', 'person', 'outlet', 'platform', 'date', 'quantity', 'quote'] as const;
const KIND_LABELS: Record<string, string> = {
  place: 'Places',
  group: 'Groups',
  person: 'People',
  outlet: 'Outlets',
  platform: 'Platforms',
  date: 'Dates',
  quantity: 'Quantities',
  quote: 'Quotes',
};
const DEFAULT_ON = new Set<string>(['place', 'group', 'person', 'outlet', 'platform', 'date', 'quantity']);

/** The value of a date or quantity mention: `{value, …}` (a bare value from older servers). */
function mentionValue(m: Mention): string | undefined {
  const v = m.value;
  if (v && typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function mentionTitle(m: Mention): string {
  if (m.place) return `place: ${formatPlace(m.place)}`;
  if (m.entity) return `${m.entity.kind || m.kind}: ${m.entity.name}`;
  const value = mentionValue(m);
  if (m.kind === 'date' && value) return `date: ${formatIsoDate(value)}`;
  if (m.kind === 'quantity' && value) return `quantity: ${value}`;
  return m.kind;
}

/** Actor names as plain text (they sit inside buttons, where links may not go). */
function names(actors: { name: string }[] | undefined): string {
  return actors && actors.length > 0 ? actors.map((a) => a.name).join(', ') : 'unknown';
}

/** `?at=120-180` → the range to show first. */
function parseAt(at: string | null): { start: number; end: number } | undefined {
  const m = /^(\d+)-(\d+)$/.exec(at ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
}

/** A document's text with its annotations marked, and beside it what Vigil extracted from it. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const doc = useApi((): Promise<DocumentDetail> => getDocument(id), [id]);
  const [shown, setShown] = useState<Set<string>>(DEFAULT_ON);
  const [selected, setSelected] = useState<{ label: string; evidence: Evidence[] }>();
  const at = parseAt(params.get('at'));
  const d = doc.data;
  useTitle(d?.title ?? 'Document');

  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of d?.mentions ?? []) c.set(m.kind, (c.get(m.kind) ?? 0) + 1);
    return c;
  }, [d]);

  const ranges = useMemo<Range<Highlight>[]>(() => {
    const out: Range<Highlight>[] = (d?.mentions ?? [])
      .filter((m) => shown.has(m.kind))
      .map((m) => ({
        start: m.start,
        end: m.end,
        data: { className: `ann-${m.kind}`, title: mentionTitle(m) },
      }));
    const ev = selected?.evidence ?? (at ? [{ ...at, field: 'evidence', text: '' }] : []);
    ev.forEach((e, k) =>
      out.push({
        start: e.start,
        end: e.end,
        data: {
          className: 'evidence',
          title: `evidence: ${humanize(e.field)}`,
          anchor: k === 0 ? 'first-evidence' : undefined,
        },
      }),
    );
    return out;
  }, [d, shown, selected, at?.start, at?.end]); // eslint-disable-line react-hooks/exhaustive-deps

  // Bring the first evidence mark into view when evidence is chosen or given in the address.
  useEffect(() => {
    if (!d) return;
    document.getElementById('first-evidence')?.scrollIntoView({ block: 'center' });
  }, [d, selected, at?.start]);

  if (doc.loading && !d) return <Loading what="Loading the document" />;
  if (doc.error)
    return (
      <ErrorMessage error={doc.error} retry={doc.reload} back={{ to: '/documents', label: 'documents' }} />
    );
  if (!d) return null;
  const url = d.url ?? d.source?.url;
  const x = d.extraction;

  const toggle = (k: string) =>
    setShown((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  const pick = (label: string, evidence: Evidence[]) =>
    setSelected((cur) => (cur?.label === label ? undefined : { label, evidence }));

  return (
    <article data-ready={`document:${id}`}>
      <p className="breadcrumb">
        <Link to="/documents">Documents</Link> / {d.id}
      </p>
      <div className="page-head">
        <h1 className="doc-title">{d.title ?? d.id}</h1>
      </div>
      <p className="meta doc-meta">
        <span>published {formatTimestamp(d.publishedAt)}</span>
        {d.retrievedAt ? <span>retrieved {formatTimestamp(d.retrievedAt)}</span> : null}
        {d.source?.kind ? <span>{d.source.kind}</span> : null}
        {d.language ? <span>{d.language}</span> : null}
        <span>
          <TlpBadge marking={d.marking} />
        </span>
      </p>
      <div className="reader-layout">
        <section className="card reader" aria-labelledby="text-h">
          <h2 id="text-h" className="visually-hidden">
            Text
          </h2>
          <fieldset className="legend">
            <legend className="visually-hidden">Annotations to highlight</legend>
            {KINDS.filter((k) => counts.has(k)).map((k) => (
              <label key={k}>
                <input type="checkbox" checked={shown.has(k)} onChange={() => toggle(k)} />
                <span className={`swatch swatch-${k}`} aria-hidden="true" />
                {KIND_LABELS[k]} <span className="muted">({counts.get(k)})</span>
              </label>
            ))}
            {selected || at ? (
              <span className="legend-evidence">
                <span className="swatch swatch-evidence" aria-hidden="true" /> evidence
                {selected ? ` of ${selected.label}` : ''}
              </span>
            ) : null}
          </fieldset>
          <HighlightedText text={d.text} ranges={ranges} />
          <SourceCredit url={url} title={d.title} />
        </section>

        <aside className="card extraction" aria-labelledby="extraction-h">
          <h2 id="extraction-h">Extracted</h2>
          <p className="muted small">Select a field to mark its evidence in the text.</p>
          {!x || (x.incidents.length === 0 && x.statements.length === 0) ? (
            <Empty>No incident or statement was found in this document.</Empty>
          ) : null}
          {x?.incidents.map((inc) => {
            const ev = (f: string) => (inc.evidence ?? []).filter((e) => e.field === f);
            const row = (label: string, field: string, value: ReactNode) => {
              const evidence = ev(field);
              const key = `${inc.id}:${field}`;
              return (
                <div className="x-row" key={field}>
                  <dt>{label}</dt>
                  <dd>
                    {evidence.length > 0 ? (
                      <button
                        type="button"
                        className={`x-field${selected?.label === key ? ' on' : ''}`}
                        aria-pressed={selected?.label === key}
                        onClick={() => pick(key, evidence)}
                      >
                        {value}
                      </button>
                    ) : (
                      value
                    )}
                  </dd>
                </div>
              );
            };
            return (
              <section key={inc.id} className="x-item">
                <h3>Incident{inc.role === 'background' ? ' (recalled)' : ''}</h3>
                <dl className="fields small">
                  {row('Type', 'type', inc.type)}
                  {row('Date', 'date', formatDate(inc.date))}
                  {row('Place', 'location', formatPlace(inc.location))}
                  {row('Perpetrators', 'perpetrators', names(inc.perpetrators))}
                  {row('Weapons', 'weapons', inc.weapons?.join(', ') || '—')}
                  {row('Killed', 'killed', formatCount(inc.killed))}
                  {row('Wounded', 'wounded', formatCount(inc.wounded))}
                  {inc.claimedBy && inc.claimedBy.length > 0
                    ? row('Claimed by', 'claimedBy', names(inc.claimedBy))
                    : null}
                </dl>
                {(inc.evidence?.length ?? 0) > 0 ? (
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => pick(`${inc.id}:*`, inc.evidence ?? [])}
                  >
                    {selected?.label === `${inc.id}:*` ? 'Hide all evidence' : 'Mark all its evidence'}
                  </button>
                ) : null}
              </section>
            );
          })}
          {x?.statements.map((s) => (
            <section key={s.id} className="x-item">
              <h3>{humanize(s.type)}</h3>
              <dl className="fields small">
                <div className="x-row">
                  <dt>By</dt>
                  <dd>
                    <ActorName actor={s.organization ?? s.speaker} />
                  </dd>
                </div>
                {s.quote ? (
                  <div className="x-row">
                    <dt>Quote</dt>
                    <dd>
                      <button
                        type="button"
                        className={`x-field${selected?.label === s.id ? ' on' : ''}`}
                        aria-pressed={selected?.label === s.id}
                        onClick={() => pick(s.id, s.evidence ?? [])}
                      >
                        “{s.quote}”
                      </button>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </section>
          ))}
          {x?.links && x.links.length > 0 ? (
            <section className="x-item">
              <h3>Retaliation links</h3>
              <ul className="plain small">
                {x.links.map((l, k) => (
                  <li key={k}>
                    <button
                      type="button"
                      className={`x-field${selected?.label === `link${k}` ? ' on' : ''}`}
                      aria-pressed={selected?.label === `link${k}`}
                      onClick={() => pick(`link${k}`, l.evidence)}
                    >
                      revenge for {typeof l.to === 'string' ? 'an incident in the text' : `“${l.to.text}”`}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
