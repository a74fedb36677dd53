import { Link } from 'react-router';
import type { CasualtyReport } from '../api/types';
import { countValue, formatCount, formatTimestamp } from '../lib/format';
import { ShowAll, useFirst } from './ShowMore';

const W = 560;
const H = 180;
const PAD = { left: 36, right: 12, top: 12, bottom: 26 };

/**
 * Casualty figures as each report gave them, in publication order: killed and wounded as step
 * lines (tolls rise as reports come in), with the table of reports beneath.
 */
export function CasualtyChart({
  reports,
  titles,
}: {
  reports: CasualtyReport[];
  titles: Map<string, string>;
}) {
  const rows = useFirst(reports, 12);
  const dated = reports
    .filter((r) => r.publishedAt)
    .map((r) => ({ ...r, t: Date.parse(r.publishedAt!) }))
    .filter((r) => Number.isFinite(r.t))
    .sort((a, b) => a.t - b.t);
  const values = dated
    .flatMap((r) => [countValue(r.killed), countValue(r.wounded)])
    .filter((v) => v !== undefined);
  const max = Math.max(1, ...values);
  const t0 = dated[0]?.t ?? 0;
  const t1 = dated[dated.length - 1]?.t ?? 0;
  const span = Math.max(1, t1 - t0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number) => (dated.length === 1 ? PAD.left + plotW / 2 : PAD.left + ((t - t0) / span) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const path = (pick: (r: CasualtyReport) => number | undefined) => {
    const pts = dated.flatMap((r) => {
      const v = pick(r);
      return v === undefined ? [] : [{ x: x(r.t), y: y(v) }];
    });
    return pts.map((p, i) => (i === 0 ? `M${p.x},${p.y}` : `H${p.x}V${p.y}`)).join('');
  };
  return (
    <div className="casualty-chart">
      {dated.length > 1 && values.length > 0 ? (
        <>
          <svg
            className="chart"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label="Casualty figures by report date"
          >
            {[0, max / 2, max].map((t) => (
              <g key={t} className="axis">
                <line className="grid-line" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
                <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
                  {Math.round(t)}
                </text>
              </g>
            ))}
            <path className="line-killed" d={path((r) => countValue(r.killed))} />
            <path className="line-wounded" d={path((r) => countValue(r.wounded))} />
            {dated.map((r) => {
              const k = countValue(r.killed);
              const w = countValue(r.wounded);
              return (
                <g key={r.mentionId}>
                  {k !== undefined ? (
                    <circle className="dot-killed" cx={x(r.t)} cy={y(k)} r={3.5}>
                      <title>{`${formatTimestamp(r.publishedAt)}: ${formatCount(r.killed)} killed`}</title>
                    </circle>
                  ) : null}
                  {w !== undefined ? (
                    <circle className="dot-wounded" cx={x(r.t)} cy={y(w)} r={3.5}>
                      <title>{`${formatTimestamp(r.publishedAt)}: ${formatCount(r.wounded)} wounded`}</title>
                    </circle>
                  ) : null}
                </g>
              );
            })}
            <g className="axis">
              <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
              <text x={PAD.left} y={H - 6} textAnchor="start">
                {formatTimestamp(dated[0]?.publishedAt)}
              </text>
              {dated.length > 1 ? (
                <text x={W - PAD.right} y={H - 6} textAnchor="end">
                  {formatTimestamp(dated[dated.length - 1]?.publishedAt)}
                </text>
              ) : null}
            </g>
          </svg>
          <div className="chart-legend" aria-hidden="true">
            <span className="key-killed">killed</span>
            <span className="key-wounded">wounded</span>
          </div>
        </>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Casualty figures by report</caption>
          <thead>
            <tr>
              <th scope="col">Published</th>
              <th scope="col">Report</th>
              <th scope="col" className="num">
                Killed
              </th>
              <th scope="col" className="num">
                Wounded
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((r) => (
              <tr key={r.mentionId}>
                <td className="nowrap">{formatTimestamp(r.publishedAt)}</td>
                <td>
                  <Link to={`/documents/${encodeURIComponent(r.docId)}`}>
                    {titles.get(r.docId) ?? r.docId}
                  </Link>
                </td>
                <td className="num">{formatCount(r.killed)}</td>
                <td className="num">{formatCount(r.wounded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAll hidden={rows.hidden} total={reports.length} noun="reports" onClick={rows.showAll} />
    </div>
  );
}
