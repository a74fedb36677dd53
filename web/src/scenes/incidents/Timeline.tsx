import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Incident } from '../../api/types';
import { countValue, formatCount, formatDate, formatPlace } from '../../lib/format';
import { parseWeek } from '../../lib/weeks';

const W = 960;
const LANE = 26;
const PAD = { left: 190, right: 16, top: 8, bottom: 26 };

/** The time of a resolved date (its first day), or undefined. */
export function dateTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d{4}-W\d{1,2}$/.test(value)) return parseWeek(value)?.getTime();
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/**
 * Incidents on a time axis, one lane per attack type; point size grows with the people killed.
 * A point opens its incident (the table below is the keyboard route to the same incidents).
 */
export function Timeline({ incidents }: { incidents: Incident[] }) {
  const navigate = useNavigate();
  const { dated, lanes, t0, t1 } = useMemo(() => {
    const dated = incidents.flatMap((i) => {
      const t = dateTime(i.date?.value);
      return t === undefined ? [] : [{ i, t }];
    });
    const lanes = [...new Set(dated.map((d) => d.i.type))].sort();
    const times = dated.map((d) => d.t);
    return { dated, lanes, t0: Math.min(...times), t1: Math.max(...times) };
  }, [incidents]);
  if (dated.length === 0) return <p className="muted">No incident here has a date.</p>;

  const H = PAD.top + lanes.length * LANE + PAD.bottom;
  const span = Math.max(86_400_000 * 30, t1 - t0);
  const start = t0 - span * 0.02;
  const end = t1 + span * 0.02;
  const x = (t: number) => PAD.left + ((t - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y0 = new Date(start).getUTCFullYear();
  const y1 = new Date(end).getUTCFullYear();
  const years = Array.from({ length: y1 - y0 + 1 }, (_, k) => y0 + k).filter((y) => {
    const t = Date.UTC(y, 0, 1);
    return t >= start && t <= end;
  });
  const everyYear = Math.max(1, Math.ceil(years.length / 12));
  const months =
    years.length <= 2
      ? Array.from({ length: 24 * (y1 - y0 + 1) }, (_, k) => Date.UTC(y0, k, 1)).filter(
          (t) => t > start && t < end,
        )
      : [];
  return (
    <svg
      className="chart timeline"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Timeline of ${dated.length} dated incidents from ${new Date(t0).getUTCFullYear()} to ${new Date(t1).getUTCFullYear()}`}
    >
      {lanes.map((lane, k) => (
        <g key={lane}>
          <line
            className="grid-line"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + k * LANE + LANE / 2}
            y2={PAD.top + k * LANE + LANE / 2}
          />
          <text className="label" x={PAD.left - 8} y={PAD.top + k * LANE + LANE / 2 + 4} textAnchor="end">
            {lane.length > 30 ? `${lane.slice(0, 28)}…` : lane}
          </text>
        </g>
      ))}
      <g className="axis">
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        {months.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={H - PAD.bottom} y2={H - PAD.bottom + 3} />
          </g>
        ))}
        {years.map((yr, k) => {
          const t = Date.UTC(yr, 0, 1);
          return (
            <g key={yr}>
              <line className="grid-line" x1={x(t)} x2={x(t)} y1={PAD.top} y2={H - PAD.bottom} />
              {k % everyYear === 0 ? (
                <text x={x(t) + 3} y={H - 8}>
                  {yr}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      {dated.map(({ i, t }) => {
        const k = lanes.indexOf(i.type);
        const r = Math.min(11, 3.5 + Math.sqrt(countValue(i.killed) ?? 0));
        return (
          <circle
            key={i.id}
            className={`timeline-point${i.date?.precision !== 'day' ? ' imprecise' : ''}`}
            cx={x(t)}
            cy={PAD.top + k * LANE + LANE / 2}
            r={r}
            onClick={() => navigate(`/incidents/${encodeURIComponent(i.id)}`)}
          >
            <title>{`${formatDate(i.date)} — ${i.type} — ${formatPlace(i.location)}${i.killed ? ` — ${formatCount(i.killed)} killed` : ''}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
