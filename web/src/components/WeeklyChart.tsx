import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { formatIsoDate } from '../lib/format';
import { fillWeeks, isoDay } from '../lib/weeks';

const W = 760;
const H = 200;
const PAD = { left: 34, right: 8, top: 10, bottom: 28 };

/** "Nice" axis maximum and ticks for counts. */
function ticksFor(max: number): number[] {
  if (max <= 5) return Array.from({ length: max + 1 }, (_, i) => i);
  const step = Math.pow(10, Math.floor(Math.log10(max / 4)));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((s) => max / s <= 5) ?? step * 10;
  const ticks: number[] = [];
  for (let t = 0; t <= max + unit - 1; t += unit) ticks.push(t);
  return ticks;
}

/**
 * Incidents per ISO week as SVG bars (drawn here, no chart library); a bar opens the incidents of
 * that week. Described for screen readers by its title and a summary.
 */
export function WeeklyChart({ rows }: { rows: { week: string; count: number }[] }) {
  const navigate = useNavigate();
  const bars = useMemo(() => fillWeeks(rows), [rows]);
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const ticks = ticksFor(max);
  const top = ticks[ticks.length - 1] ?? max;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / bars.length;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const total = bars.reduce((s, b) => s + b.count, 0);
  const busiest = bars.reduce((a, b) => (b.count > a.count ? b : a), bars[0]!);
  const first = bars[0]!.start;
  const last = bars[bars.length - 1]!.start;
  // Label the first week of each year (or of each quarter on short ranges).
  const short = bars.length <= 60;
  const labels = bars.filter((b, i) => {
    const m = b.start.getUTCMonth();
    const prev = bars[i - 1]?.start;
    if (!prev) return true;
    return short
      ? m !== prev.getUTCMonth() && m % 3 === 0
      : b.start.getUTCFullYear() !== prev.getUTCFullYear();
  });
  const summary = `${total} incidents over ${bars.length} weeks from ${formatIsoDate(isoDay(first))} to ${formatIsoDate(
    isoDay(last),
  )}; the busiest week began ${formatIsoDate(isoDay(busiest.start))} with ${busiest.count}.`;
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="weekly-title weekly-desc">
        <title id="weekly-title">Incidents per week</title>
        <desc id="weekly-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t} className="axis">
            <line className="grid-line" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {bars.map((b, i) =>
          b.count > 0 ? (
            <rect
              key={b.start.getTime()}
              className="bar"
              x={PAD.left + i * bw + (bw > 3 ? 0.5 : 0)}
              width={Math.max(1, bw - (bw > 3 ? 1 : 0))}
              y={y(b.count)}
              height={Math.max(1, PAD.top + plotH - y(b.count))}
              onClick={() => {
                const end = new Date(b.start.getTime() + 6 * 86_400_000);
                navigate(`/incidents?from=${isoDay(b.start)}&to=${isoDay(end)}`);
              }}
            >
              <title>{`Week of ${formatIsoDate(isoDay(b.start))}: ${b.count} incident${b.count === 1 ? '' : 's'}`}</title>
            </rect>
          ) : null,
        )}
        <g className="axis">
          <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
          {labels.map((b) => {
            const x = PAD.left + bars.indexOf(b) * bw;
            return (
              <g key={b.start.getTime()}>
                <line x1={x} x2={x} y1={PAD.top + plotH} y2={PAD.top + plotH + 4} />
                <text x={x} y={H - 8} textAnchor="start">
                  {short ? formatIsoDate(isoDay(b.start).slice(0, 7)) : b.start.getUTCFullYear()}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="muted small">{summary} Click a bar to list its incidents.</figcaption>
    </figure>
  );
}
