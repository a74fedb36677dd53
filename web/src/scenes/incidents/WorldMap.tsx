import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo';
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type WheelEvent } from 'react';
import { useNavigate } from 'react-router';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Incident } from '../../api/types';
import { countValue, formatCount, formatDate, formatPlace } from '../../lib/format';
import './map.css';

const W = 960;
const H = 400;

const topology = world as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
// Fitted to the inhabited world (Antarctica and the polar seas left out) to spend the space on places.
const INHABITED = feature(topology, {
  ...topology.objects.countries,
  geometries: topology.objects.countries.geometries.filter((g) => g.id !== '010'),
});
const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  INHABITED,
);
const path = geoPath(projection);
// Drawn once per page load: the base map never changes.
const SPHERE = path({ type: 'Sphere' }) ?? '';
const GRATICULE = path(geoGraticule10()) ?? '';
const LAND = path(feature(topology, topology.objects.land)) ?? '';
const BORDERS = path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '';

interface View {
  x: number;
  y: number;
  k: number;
}

/** The radius of an incident's point: grows with the square root of the people killed. */
function radius(i: Incident): number {
  const killed = countValue(i.killed) ?? 0;
  return Math.min(16, 3 + Math.sqrt(killed) * 1.4);
}

/**
 * An offline world map (Natural Earth via world-atlas, Equal Earth projection) with one point per
 * located incident; a point opens its incident. Zoom with the buttons, the wheel, or drag to pan.
 */
export default function WorldMap({ incidents }: { incidents: Incident[] }) {
  const navigate = useNavigate();
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ px: number; py: number; view: View; moved: boolean } | undefined>(undefined);
  const svgRef = useRef<SVGSVGElement>(null);

  const points = useMemo(
    () =>
      incidents
        .flatMap((i) => {
          if (!i.location) return [];
          const xy = projection([i.location.lon, i.location.lat]);
          return xy ? [{ incident: i, x: xy[0], y: xy[1], r: radius(i) }] : [];
        })
        // Big points first so that small ones stay clickable on top.
        .sort((a, b) => b.r - a.r),
    [incidents],
  );

  const clamp = (v: View): View => {
    const k = Math.min(12, Math.max(1, v.k));
    const maxX = W - W / k;
    const maxY = H - H / k;
    return { k, x: Math.min(maxX, Math.max(0, v.x)), y: Math.min(maxY, Math.max(0, v.y)) };
  };

  const zoomAt = (factor: number, cx = view.x + W / view.k / 2, cy = view.y + H / view.k / 2) => {
    const k = Math.min(12, Math.max(1, view.k * factor));
    setView(clamp({ k, x: cx - (cx - view.x) * (view.k / k), y: cy - (cy - view.y) * (view.k / k) }));
  };

  const toMap = (clientX: number, clientY: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return {
      x: view.x + ((clientX - rect.left) / rect.width) * (W / view.k),
      y: view.y + ((clientY - rect.top) / rect.height) * (H / view.k),
    };
  };

  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    if (!e.ctrlKey && !e.shiftKey && view.k === 1 && e.deltaY > 0) return;
    const p = toMap(e.clientX, e.clientY);
    zoomAt(e.deltaY < 0 ? 1.4 : 1 / 1.4, p.x, p.y);
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    drag.current = { px: e.clientX, py: e.clientY, view, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const rect = svgRef.current!.getBoundingClientRect();
    const dx = ((e.clientX - d.px) / rect.width) * (W / d.view.k);
    const dy = ((e.clientY - d.py) / rect.height) * (H / d.view.k);
    if (Math.abs(dx) + Math.abs(dy) > 2) d.moved = true;
    if (d.moved) setView(clamp({ k: d.view.k, x: d.view.x - dx, y: d.view.y - dy }));
  };
  const onPointerUp = () => {
    setTimeout(() => (drag.current = undefined), 0);
  };

  const unplaced = incidents.length - points.length;
  const scale = 1 / Math.sqrt(view.k);
  return (
    <div className="world-map">
      <svg
        ref={svgRef}
        className={`map-svg${view.k > 1 ? ' zoomed' : ''}`}
        viewBox={`${view.x} ${view.y} ${W / view.k} ${H / view.k}`}
        role="img"
        aria-label={`World map of ${points.length} located incidents`}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={onPointerUp}
      >
        <path className="map-sphere" d={SPHERE} />
        <path className="map-graticule" d={GRATICULE} vectorEffect="non-scaling-stroke" />
        <path className="map-land" d={LAND} />
        <path className="map-borders" d={BORDERS} vectorEffect="non-scaling-stroke" />
        {points.map(({ incident: i, x, y, r }) => (
          <circle
            key={i.id}
            className={`map-point${i.location?.approximate ? ' approximate' : ''}`}
            cx={x}
            cy={y}
            r={r * scale}
            vectorEffect="non-scaling-stroke"
            onClick={() => {
              if (!drag.current?.moved) navigate(`/incidents/${encodeURIComponent(i.id)}`);
            }}
          >
            <title>{`${i.type} — ${formatPlace(i.location)} — ${formatDate(i.date)}${
              i.killed ? ` — ${formatCount(i.killed)} killed` : ''
            }`}</title>
          </circle>
        ))}
      </svg>
      <div className="map-controls">
        <button type="button" onClick={() => zoomAt(1.6)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomAt(1 / 1.6)} aria-label="Zoom out" disabled={view.k <= 1}>
          −
        </button>
        <button type="button" onClick={() => setView({ x: 0, y: 0, k: 1 })} disabled={view.k <= 1}>
          Reset
        </button>
      </div>
      <p className="muted small map-note">
        {points.length} located incident{points.length === 1 ? '' : 's'}
        {unplaced > 0 ? `; ${unplaced} without a known place` : ''}. Point size grows with the people killed;
        hollow points are placed at their region or country. Map data: Natural Earth (public domain).
      </p>
    </div>
  );
}
