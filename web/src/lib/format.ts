/** Formatting of API values for people: dates, counts, places, markings. Pure functions. */
import { TLP_MARKINGS, type Count, type DateValue, type PlaceRef, type Tlp } from '../api/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2019-03-15` → `15 Mar 2019`, `2019-03` → `Mar 2019`, `2019-W11` → `week 11, 2019`, `2019` → `2019`. */
export function formatIsoDate(value: string | undefined | null): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1] ?? day[2]} ${day[1]}`;
  const week = /^(\d{4})-W(\d{1,2})$/.exec(value);
  if (week) return `week ${Number(week[2])}, ${week[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return value;
}

/** A resolved date with its precision. */
export function formatDate(date: DateValue | null | undefined): string {
  if (!date) return 'date unknown';
  return formatIsoDate(date.value);
}

/** `{value: 3}` → `3`; `{min: 40, max: 50}` → `40–50`; null → `—`. */
export function formatCount(count: Count | null | undefined): string {
  if (!count) return '—';
  if ('value' in count) return String(count.value);
  return count.min === count.max ? String(count.min) : `${count.min}–${count.max}`;
}

/** The figure to plot for a count: its value, or the upper bound of a range. */
export function countValue(count: Count | null | undefined): number | undefined {
  if (!count) return undefined;
  return 'value' in count ? count.value : count.max;
}

/** `Christchurch, Canterbury, New Zealand`. */
export function formatPlace(place: PlaceRef | null | undefined): string {
  if (!place) return 'place unknown';
  const parts = [place.city, place.admin1 !== place.city ? place.admin1 : undefined, place.country];
  return parts.filter((p): p is string => Boolean(p)).join(', ');
}

/** A clearance (0–4 or a marking) as its TLP marking. */
export function tlpName(clearance: number | Tlp | undefined | null): Tlp | 'unknown' {
  if (typeof clearance === 'string') return clearance;
  if (typeof clearance === 'number') return TLP_MARKINGS[clearance] ?? 'unknown';
  return 'unknown';
}

/** CSS modifier for a marking: `clear`, `green`, `amber`, `amber-strict`, `red`. */
export function tlpClass(marking: string | undefined): string {
  return (marking ?? 'unknown').replace(/^TLP:/, '').toLowerCase().replace('+', '-');
}

/** `2026-11-25T13:42:40.206Z` → `25 Nov 2026 13:42`. */
export function formatTimestamp(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${formatIsoDate(m[1])} ${m[2]}` : formatIsoDate(iso);
}

/** `call-to-violence` → `Call to violence`. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const s = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Evidence text in quotation marks, unless it already starts with one. */
export function quoted(text: string): string {
  return /^\s*["“‘']/.test(text) ? text.trim() : `“${text.trim()}”`;
}

/** A confidence 0–1 as a percentage. */
export function formatConfidence(c: number | undefined): string {
  return c === undefined ? '—' : `${Math.round(c * 100)}%`;
}

/** A clearance (0–4 or a marking) as its level 0–4; -1 when unknown. */
export function clearanceLevel(clearance: number | Tlp | undefined | null): number {
  if (typeof clearance === 'number') return clearance;
  return clearance ? TLP_MARKINGS.indexOf(clearance) : -1;
}

/** The markings a user with `clearance` may give (none above their own). */
export function markingsUpTo(clearance: number | Tlp | undefined | null): Tlp[] {
  return TLP_MARKINGS.slice(0, clearanceLevel(clearance) + 1);
}

/** `1536` → `1.5 KB`, `20971520` → `20 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** `1 document`, `3 documents`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
